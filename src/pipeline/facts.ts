// What an importing package's analysis needs from a package it imports, as gc's export data
// carries it: the escape tags of its functions and methods, by gc's symbol name
// (`example.com/m/inner.F`, `example.com/m/inner.(*T).M`). One plain, serialisable value,
// built the same way whatever the package's origin: from a source package's escape result
// here, from a std stub's `//goesc:leaks` directives when the models are read. The result
// cache stores it as it is; nothing in it refers back to the checker or the IR.
//
// The types of an imported package are not facts: they come from its source (or its std
// stub) through the type checker, as gc reads them from the same export data.

import type { IrFunc } from '../ir/ir.js';
import type { Leaks } from '../escape/leaks.js';

export interface PackageFacts {
  /** The import path (gc's -p). */
  readonly path: string;
  /** Escape tags per function, receiver first, in the escape-tag codec's text (Leaks.format, parseTag). */
  readonly tags: Readonly<Record<string, readonly string[]>>;
}

/**
 * A package's facts from its escape result: the tags of every function an importer can
 * call — declared functions and methods, not closures nor instantiations (those are made
 * again in the importer, as gc re-instantiates generic code per package).
 */
export function factsOf(path: string, tags: ReadonlyMap<IrFunc, readonly Leaks[]>): PackageFacts {
  const out: Record<string, readonly string[]> = {};
  for (const [fn, leaks] of tags) {
    if (fn.outer || fn.generic || fn.wrapper || fn.instanceWrapper) continue;
    out[fn.name] = leaks.map((l) => l.format());
  }
  return { path, tags: out };
}

/** The imported functions' tags by symbol name, over the facts of every dependency. */
export function importedTags(deps: Iterable<PackageFacts>): ReadonlyMap<string, readonly string[]> {
  const out = new Map<string, readonly string[]>();
  for (const f of deps) for (const [name, t] of Object.entries(f.tags)) out.set(name, t);
  return out;
}
