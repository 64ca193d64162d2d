// What an importing package's analysis needs from a package it imports, as gc's export data
// carries it: the escape tags of its functions and methods, by gc's symbol name
// (`example.com/m/inner.F`, `example.com/m/inner.(*T).M`), and in the default build the
// inline cost of each inlinable one (fn.Inl.Cost). The inline body itself is not a fact: the
// importer lowers it from the dependency's source, which it has checked anyway (its types
// come from there), and a body change changes the dependency's key and so the importer's. One plain, serialisable value,
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
  /** Inline cost of each function gc can inline (default build only), by symbol name. */
  readonly inline?: Readonly<Record<string, number>>;
}

/**
 * A package's facts from its escape result: the tags of every function an importer can
 * call — declared functions and methods, not closures nor instantiations (those are made
 * again in the importer, as gc re-instantiates generic code per package).
 */
export function factsOf(path: string, tags: ReadonlyMap<IrFunc, readonly Leaks[]>, inlinable?: ReadonlyMap<IrFunc, number>): PackageFacts {
  const exported = (fn: IrFunc) => !(fn.outer || fn.generic || fn.wrapper || fn.instanceWrapper);
  const out: Record<string, readonly string[]> = {};
  for (const [fn, leaks] of tags) {
    if (!exported(fn)) continue;
    out[fn.name] = leaks.map((l) => l.format());
  }
  if (!inlinable) return { path, tags: out };
  const inline: Record<string, number> = {};
  for (const [fn, cost] of inlinable) if (exported(fn) && !fn.imported && fn.body) inline[fn.name] = cost;
  return { path, tags: out, inline };
}

/** The imported functions' inline costs by symbol name, over the facts of every dependency. */
export function importedInline(deps: Iterable<PackageFacts>): ReadonlyMap<string, number> {
  const out = new Map<string, number>();
  for (const f of deps) for (const [name, c] of Object.entries(f.inline ?? {})) out.set(name, c);
  return out;
}

/** The imported functions' tags by symbol name, over the facts of every dependency. */
export function importedTags(deps: Iterable<PackageFacts>): ReadonlyMap<string, readonly string[]> {
  const out = new Map<string, readonly string[]>();
  for (const f of deps) for (const [name, t] of Object.entries(f.tags)) out.set(name, t);
  return out;
}
