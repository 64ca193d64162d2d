// The bodies of other packages' functions, for the inliner: gc inlines a function of
// another package from the body its export data carries (noder/reader.go
// unifiedInlineCall re-reads it into the caller's package). Ours come from the same place
// the imported types do: a std function's source in models/<go>/std/<path>/src (the
// generator keeps every inlinable function whole, importer.ts parses each body when first
// asked for), a module dependency's own checked files (Package.bodies).
//
// A body is lowered on demand, in the importing package's lowering context (PkgCtx) with the
// callee package's side tables, once per function, and only ever read by the inliner: the
// lowered function is not one of the package's functions. Its variables print as gc prints
// the inlined ones: qualified by the callee's package (`strings.b`), except the unnamed
// parameters and results, which gc names `~p0` / `~r0` in the caller's package
// (ir.Func.DeclareParams on the caller's temporary function).

import type { Func, Signature } from '../../types/index.js';
import { under } from '../../types/index.js';
import type { ImportedBodies, IrFunc } from '../ir.js';
import type { Mutable, PkgCtx } from './context.js';
import { buildFunc, newFunc, type FuncSpec } from './closure.js';
import { pos, pragmasOf } from './expr.js';
import { isGenericFunc } from './instances.js';

export function importedBodies(pkg: PkgCtx): ImportedBodies {
  const done = new Map<IrFunc, IrFunc | null>();
  return {
    body(fn: IrFunc): IrFunc | null {
      if (!fn.imported || fn.body) return null;
      const hit = done.get(fn);
      if (hit !== undefined) return hit;
      done.set(fn, null); // a body that reaches itself while lowering sees none
      const origin = pkg.importedOrigin.get(fn);
      const made = origin ? lowerImported(pkg, fn, origin) : null;
      done.set(fn, made);
      return made;
    },
  };
}

function lowerImported(pkg: PkgCtx, stub: IrFunc, f: Func): IrFunc | null {
  const bodies = f.pkg?.bodies;
  const decl = f.decl;
  if (!bodies || !decl || !f.pkg || f.pkg === pkg.pkg || isGenericFunc(f)) return null;
  const file = bodies.files.find((fl) => fl.decls.includes(decl));
  if (!file) return null;
  const body = bodies.body(decl);
  if (!body) return null;
  const sig = f.type.kind === 'Signature' ? (under(f.type) as Signature) : null;
  const qual = `${f.pkg.name}.`;
  const spec: FuncSpec = {
    name: stub.name, file: file.filename, pos: pos(decl.name), sig, type: f.type, recv: decl.recv, ftype: decl.type,
    body, pragmas: pragmasOf(f),
  };
  const instancesBefore = pkg.instances.all().length;
  const saved = { info: pkg.info, file: pkg.file, observer: pkg.types.observer, types: pkg.types };
  pkg.info = bodies.info;
  pkg.file = file.filename;
  pkg.types = pkg.baseTypes;
  // Lowering is over: the named types the body meets ask for no instantiations.
  pkg.types.observer = null;
  let fn: Mutable<IrFunc>;
  try {
    fn = newFunc(pkg, spec, null);
    fn.qual = qual;
    fn.pkgPath = stub.pkgPath;
    buildFunc(pkg, fn, spec, null);
  } catch {
    return null;
  } finally {
    pkg.types.observer = saved.observer;
    pkg.types = saved.types;
    pkg.info = saved.info;
    pkg.file = saved.file;
  }
  // A body that needs generic code instantiated here is not inlined (gc would instantiate
  // it in this package; we analyse only the instantiations lowering made).
  if (pkg.instances.all().length !== instancesBefore) return null;
  return fn;
}
