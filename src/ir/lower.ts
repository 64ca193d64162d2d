// Lowering: a type-checked package → the escape IR (ir.ts), with every implicit operation
// of gc's front end made explicit.
//
// Entry point:
//
//   lower({ files, pkg, info }): IrPackage
//     files  the parsed files of one package, in command-line order (src/syntax);
//     pkg    the checked package and info its side tables (src/types checkPackage).
//   Returns the package's functions and methods in declaration order (closures hang off
//   their CLOSURE nodes; go/defer wrappers too), then the instantiations of generic code
//   the package needs in gc's order (lower/instances.ts; generic declarations themselves
//   are never lowered as written), a synthetic `init` holding package-level variable
//   initialisers when there are any, and the package-level variables.
//
// What gc's front end makes explicit before escape analysis, and where we do it:
//   expr.ts     constants folded, implicit interface conversions, embedded-field paths,
//               implicit & and * of receivers, array slicing as &a, string `+` chains;
//   call.ts     conversions (their ops and positions), builtins, method calls as calls of
//               method expressions, variadic packing (`... argument`), multi-value spreads;
//   stmt.ts     declarations (DCL + AS with defs, for ir.StaticValue / reassignment),
//               multi-assignments, loops with Go 1.22 per-iteration variables;
//   closure.ts  parameters (~pN / ~rN), closures and their captured variables, gc's closure
//               names (p.f.func1, p.f.func1.1, p.f.gowrap1, p.f.deferwrap1), go/defer
//               wrappers;
//   types.ts    IrType from checker types, rendered as gc prints them.
// Follows $GOROOT/src/cmd/compile/internal/noder (writer.go, reader.go), typecheck/, and
// ir/func.go. Positions are gc's: the AST already carries them; the few nodes whose gc
// position differs from their syntax (explicit conversions at their operand) say so.

import type * as ast from '../syntax/ast.js';
import type { Func, Package, Signature, Type } from '../types/index.js';
import { unalias, under } from '../types/index.js';
import type { Expr, IrFunc, IrName, IrPackage, Stmt } from './ir.js';
import type { LowerInput, Mutable } from './lower/context.js';
import { FuncCtx, PkgCtx, nameExpr } from './lower/context.js';
import { buildFunc, newFunc, type FuncSpec } from './lower/closure.js';
import { FnLowerer, pos, pragmasOf } from './lower/expr.js';
import { lowerStmtInto } from './lower/stmt.js';
import { devirtualize, makeDevirtualizer } from './lower/devirtualize.js';
import { instancePointerWrappers, methodValueWrappers, methodWrappers, shapeWrappers } from './lower/wrappers.js';
import { hasSideEffects, outlineMapInits } from './lower/mapinit.js';
import { isGenericFunc, type Instance } from './lower/instances.js';
import { importedBodies } from './lower/imported.js';

export type { LowerInput } from './lower/context.js';
export type { FrontEndNote } from './lower/devirtualize.js';
export { formatExpr } from './fmt.js';

export function lower(input: LowerInput): IrPackage {
  const pkg = new PkgCtx(input);
  const decls: { fn: Mutable<IrFunc>; spec: FuncSpec; file: string }[] = [];
  let initCount = 0;

  // Shells first, so that calls may refer to functions declared later. The types their
  // signatures meet are read with each function, before its body (below): no function is
  // being read yet, so the generic instances they need would belong to none.
  const observer = pkg.types.observer;
  const signatureTypes = new Map<IrFunc, Type[]>();
  let met: Type[] = [];
  pkg.types.observer = (t) => met.push(t);
  for (const file of input.files) {
    for (const d of file.decls) {
      if (d.kind !== 'FuncDecl') continue;
      const obj = pkg.info.funcs.get(d) ?? (pkg.info.defs.get(d.name) as Func | null | undefined) ?? null;
      const t = obj?.type ?? null;
      const sig = t && under(t).kind === 'Signature' ? (under(t) as Signature) : null;
      if (obj && isGenericFunc(obj)) {
        // Lowered only as instantiations, when something refers to them (instances.ts).
        pkg.instances.addLocal({ obj, decl: d, body: d.body, file: file.filename, info: pkg.info, prefix: pkg.path, qual: '' });
        continue;
      }
      let name = funcSymName(pkg, d, sig);
      if (d.name.value === 'init' && !d.recv) name = `${pkg.path}.init.${initCount++}`;
      const spec: FuncSpec = {
        name, file: file.filename, pos: pos(d.name), sig, type: t, recv: d.recv, ftype: d.type,
        body: d.body, pragmas: obj ? pragmasOf(obj) : {},
      };
      const fn = newFunc(pkg, spec, null);
      signatureTypes.set(fn, met);
      met = [];
      if (obj) pkg.funcs.set(obj, fn);
      decls.push({ fn, spec, file: file.filename });
    }
  }
  pkg.types.observer = observer;

  // Package-level variables, before bodies refer to them.
  const initKey = {};
  pkg.instances.beginTop(initKey);
  const staticClosures: IrFunc[] = [];
  const initFn = packageInit(pkg, input.files, staticClosures);
  // gc reads every package-level declaration (reader.go pkgObjs): an alias of an instance
  // (urfave/cli's MultiStringFlag = SliceFlag[*StringSliceFlag, []string, string]) or a
  // type holding one instantiates its methods even when no code uses it.
  // Each is a top of its own, read before the bodies, in declaration order.
  const typeTops: object[] = [];
  for (const file of input.files) {
    for (const d of file.decls) {
      if (d.kind !== 'TypeDecl' || d.typeParams.length > 0) continue;
      const obj = pkg.info.defs.get(d.name);
      if (obj?.kind !== 'TypeName' || !obj.type) continue;
      const top = {};
      typeTops.push(top);
      pkg.instances.beginTop(top);
      pkg.irType(unalias(obj.type));
    }
  }

  for (const { fn, spec, file } of decls) {
    pkg.file = file;
    pkg.instances.beginTop(fn);
    for (const t of signatureTypes.get(fn) ?? []) pkg.instances.typeRead(t);
    buildFunc(pkg, fn, spec, null);
  }
  pkg.instances.drain((inst) => buildInstance(pkg, inst));
  const initShapes = pkg.instances.splitShapes(initKey);

  const funcs: IrFunc[] = decls.map((d) => d.fn);
  const tops = [initKey, ...funcs, ...typeTops.reverse(), initShapes];
  const lowered = [...funcs, ...pkg.instances.all(), ...(initFn ? [initFn] : []), ...staticClosures];
  // Devirtualizing may name a generic type's method wrapper not made yet.
  pkg.instances.beginTop(initKey);
  const devirtLowerer = new FnLowerer(new FuncCtx(pkg, newFunc(pkg, placeholderSpec, null), null));
  const notes = devirtualize(pkg, devirtLowerer, lowered, pkg.interfaceCalls);
  pkg.instances.drain((inst) => buildInstance(pkg, inst));
  funcs.push(...pkg.instances.order(tops));
  // gc's order of the functions it analyses (ir.VisitFuncsBottomUp over Target.Funcs): the
  // package's init function first, then the package-level closures, made while the var
  // declarations are read, then the declared functions. Observed with go1.26:
  //   var New = func() any { return new(int) }; func f(p *int) *int { return p }
  // prints the closure's line first; `var m = map[string]*int{}` before `func register`
  // prints init's `map[...]{} escapes` first (the bottom-up walk still puts its callees
  // before init).
  // The outlined map initialisers were declared while init was read, before it.
  const mapInits = initFn ? outlineMapInits(pkg, initFn) : [];
  funcs.unshift(...mapInits, ...(initFn ? [initFn] : []), ...staticClosures);
  funcs.push(...methodWrappers(pkg, input.files), ...shapeWrappers(pkg), ...instancePointerWrappers(pkg));
  funcs.push(...methodValueWrappers(pkg, funcs));
  return {
    path: pkg.path, funcs, globals: [...pkg.globals], readerNotes: pkg.readerNotes, notes, importedBodies: importedBodies(pkg),
    packageNames: packageNames(input.pkg),
    devirtualizer: makeDevirtualizer(pkg, devirtLowerer),
  };
}

/**
 * The body of an instantiation: a shape instantiation is the generic body lowered under its
 * substitution with a `.dict` parameter; a wrapper tail-calls its shape instantiation with
 * its dictionary (reader.go callShaped), at the declaration's position.
 */
function buildInstance(pkg: PkgCtx, inst: Instance): void {
  const d = inst.src.decl;
  const obj = inst.src.obj;
  const sig = under(obj.type) as Signature;
  const spec: FuncSpec = {
    name: inst.name, file: inst.src.file, pos: inst.fn.pos, sig, type: obj.type, recv: d.recv, ftype: d.type,
    body: inst.kind === 'shape' ? inst.src.body : null, pragmas: pragmasOf(obj),
    ...(inst.kind === 'shape' ? { dict: pkg.instances.dictType(pkg.instances.dictWords(inst.src)) } : {}),
  };
  const fc = buildFunc(pkg, inst.fn, spec, null);
  // The directives of the generic declaration hold for its instances (go:noinline).
  inst.fn.pragmas = spec.pragmas;
  if (inst.kind !== 'wrapper' || !inst.shaped) return;
  const fn = inst.fn;
  const at = fn.pos;
  const shaped = inst.shaped;
  const recvType = pkg.instances.recvIrType(shaped);
  const fun: Expr = recvType
    ? { op: 'METHEXPR', method: shaped.fn, sel: obj.name, recvType, type: shaped.fn.type, pos: at }
    : nameExpr(pkg.instances.nameOf(shaped), at);
  const args: Expr[] = [];
  if (fn.recv) args.push(nameExpr(fn.recv, at));
  args.push(pkg.instances.dictAddr(inst.dictName, at));
  for (const p of fn.params) args.push(nameExpr(p, at));
  const results = fn.results;
  const type = results.length === 1
    ? results[0]!.type
    : pkg.types.synthetic('tuple', '', { hasPointers: results.some((r) => r.type.hasPointers), results: results.map((r) => r.type) });
  const call: Expr = { op: 'CALLFUNC', fun, args, type, pos: at, ...(sig.variadic ? { isDDD: true } : {}) };
  if (results.length === 0) {
    fn.body = [{ op: 'EXPR', x: call, pos: at }];
  } else if (results.length === 1) {
    fn.body = [{ op: 'RETURN', results: [call], pos: at }];
  } else {
    const temps = results.map((r) => fc.temp(r.type, at));
    fn.body = [
      ...temps.map((t): Stmt => ({ op: 'DCL', name: t, pos: at })),
      { op: 'AS2FUNC', lhs: temps.map((t) => nameExpr(t, at)), rhs: [call], defs: temps, pos: at },
      { op: 'RETURN', results: temps.map((t) => nameExpr(t, at)), pos: at },
    ];
  }
}

/** IrPackage.packageNames: over the imports, and theirs (a model's once loaded). */
function packageNames(root: Package): Record<string, string> {
  const names: Record<string, string> = {};
  const seen = new Set<Package>();
  const visit = (p: Package): void => {
    if (seen.has(p)) return;
    seen.add(p);
    if (p.name !== p.path.slice(p.path.lastIndexOf('/') + 1)) names[p.path] = p.name;
    p.imports.forEach(visit);
  };
  root.imports.forEach(visit);
  return names;
}

const placeholderSpec: FuncSpec = {
  name: '', file: '', pos: { line: 0, col: 0 }, sig: null, type: null, recv: null,
  ftype: { kind: 'FuncType', typeParams: [], params: [], results: [], line: 0, col: 0 }, body: null, pragmas: {},
};

/** gc's symbol name of a declared function or method: `p.f`, `p.T.M`, `p.(*T).M`. */
function funcSymName(pkg: PkgCtx, d: ast.FuncDecl, sig: Signature | null): string {
  if (!d.recv) return `${pkg.path}.${d.name.value}`;
  let t: ast.Expr = d.recv.type;
  while (t.kind === 'ParenExpr') t = t.x;
  let ptr = false;
  if (t.kind === 'StarExpr') {
    ptr = true;
    t = t.x;
  }
  while (t.kind === 'ParenExpr') t = t.x;
  if (t.kind === 'IndexExpr') t = t.x;
  let base = t.kind === 'Name' ? t.value : '?';
  const recvType = sig?.recv?.type;
  if (recvType) {
    const u = recvType.kind === 'Pointer' ? recvType.elem : recvType;
    if (u.kind === 'Named' && u.typeParams.length) base += `[${u.typeParams.map(() => '...').join(',')}]`;
  }
  return `${pkg.path}.${ptr ? `(*${base})` : base}.${d.name.value}`;
}

/**
 * The parts of a package-level initializer that need code (staticinit/sched.go
 * StaticAssign): composite literals, `&` of them and interface conversions are laid out
 * statically, so only their non-constant leaves are assigned at init time; a constant,
 * nil, a function, a global or its address, a closure capturing nothing, `[]byte` of a
 * constant string need no code.
 */
export function dynamicParts(e: Expr, staticClosures?: IrFunc[]): Expr[] {
  const out: Expr[] = [];
  collectDynamicParts(e, out, staticClosures);
  return out;
}

/** dynamicParts into `out` (one array for a whole table, not one per element). */
function collectDynamicParts(e: Expr, out: Expr[], staticClosures?: IrFunc[]): void {
  switch (e.op) {
    case 'LITERAL':
    case 'NIL':
    case 'METHEXPR':
      return;
    case 'NAME':
      if (e.name.class !== 'func' && e.name.class !== 'global') out.push(e);
      return;
    case 'ADDR':
      if (!(e.x.op === 'NAME' && e.x.name.class === 'global')) out.push(e);
      return;
    case 'PTRLIT':
      if (e.x.op === 'STRUCTLIT' || e.x.op === 'ARRAYLIT' || e.x.op === 'SLICELIT') collectDynamicParts(e.x, out, staticClosures);
      else out.push(e);
      return;
    case 'STRUCTLIT':
      for (const f of e.fields) collectDynamicParts(f.value, out, staticClosures);
      return;
    case 'ARRAYLIT':
    case 'SLICELIT':
      for (const x of e.elems) collectDynamicParts(x, out, staticClosures);
      return;
    case 'STR2BYTES':
      // []byte("constant") is laid out as static data (staticinit InitSliceBytes).
      if (e.x.op !== 'LITERAL') out.push(e);
      return;
    case 'CLOSURE':
      if (e.func.closureVars.length > 0) out.push(e);
      else staticClosures?.push(e.func);
      return;
    case 'CONVIFACE':
    case 'CONVNOP':
      if (e.x.type.kind === 'interface') out.push(e);
      else collectDynamicParts(e.x, out, staticClosures);
      return;
    default:
      out.push(e);
  }
}

/**
 * Whether `e` is an array or slice literal of constants of a predeclared type, or of such
 * literals (`[][]int{{1, 2}, {3}}`): all static data to gc's staticinit, whose initialiser
 * lowers to no statement (dynamicParts finds nothing), so it is not lowered at all.
 * Generated tables are large (a 700 KB static dictionary, Unicode tables): lowering their
 * elements one by one only to find them static was about a sixth of the package
 * initialisers' lowering over 169 packages of web libraries (cpu profiles: 566 to 475 ms).
 */
function isConstantTable(info: LowerInput['info'], e: ast.Expr): boolean {
  if (e.kind !== 'CompositeLit') return false;
  const t = info.types.get(e)?.type;
  const u = t ? under(t) : null;
  if (!u || (u.kind !== 'Array' && u.kind !== 'Slice')) return false;
  const elem = u.elem;
  const constant = (x: ast.Expr): boolean => info.types.get(x)?.value != null;
  const element: (x: ast.Expr) => boolean =
    elem.kind === 'Basic' ? constant : elem.kind === 'Array' || elem.kind === 'Slice' ? (x) => isConstantTable(info, x) : () => false;
  return e.elems.every((x) => (x.kind === 'KeyValueExpr' ? constant(x.key) && element(x.value) : element(x)));
}

/**
 * Package-level variables: an IrName each; their initialisers (if any) become the body of
 * a synthetic `p.init`, in source order. A func literal laid out statically (staticinit
 * IsTrivialClosure: it captures nothing) needs no init code but is still compiled, as a
 * top-level function of its own (gc's noder gives package-level literals no outer
 * function): it goes to `staticClosures`, to be analysed after init.
 */
function packageInit(pkg: PkgCtx, files: readonly ast.File[], staticClosures: IrFunc[]): IrFunc | null {
  const fn: Mutable<IrFunc> = {
    kind: 'Func', name: `${pkg.path}.init`, pkgPath: pkg.path, file: files[0]?.filename ?? '', pos: { line: 0, col: 0 },
    recv: null, params: [], results: [], dcl: [], body: null, closureVars: [], outer: null,
    pragmas: {}, type: pkg.types.synthetic('func', 'func()', { params: [], results: [] }),
  };
  const fc = new FuncCtx(pkg, fn, null);
  const l = new FnLowerer(fc);
  const body: Stmt[] = [];
  for (const file of files) {
    pkg.file = file.filename;
    // While lowering this file's initialisers, init "is" in this file: the func literals
    // made here take it, and its statements carry it (Stmt.file).
    fn.file = file.filename;
    for (const d of file.decls) {
      if (d.kind !== 'VarDecl') continue;
      const names: (IrName | null)[] = d.names.map((n) => {
        const obj = pkg.info.defs.get(n);
        if (!obj || obj.kind !== 'Var') return null;
        const made: IrName = { kind: 'Name', sym: obj.name, class: 'global', type: pkg.irType(obj.type), pos: pos(n), curfn: null };
        pkg.names.set(obj, made);
        pkg.globals.push(made);
        return made;
      });
      if (d.values.length === 0) continue;
      const stmts: Stmt[] = [];
      const at = pos(d);
      if (d.values.length === d.names.length) {
        d.values.forEach((v, i) => {
          const n = names[i];
          // A table of constants is static data (staticinit): no statement, nothing to lower.
          if (isConstantTable(pkg.info, v)) return;
          const y = l.value(v);
          const pre = l.takePre();
          // staticinit tryStaticInit: `var _ I = new(T)` without side effects is discarded.
          if ((!n || n.sym === '_') && pre.length === 0 && !hasSideEffects(y)) return;
          stmts.push(...pre);
          // Static parts are data; each dynamic leaf is stored into the (static) variable.
          for (const part of dynamicParts(y, staticClosures)) {
            stmts.push({ op: 'AS', x: n ? nameExpr(n, n.pos) : { op: 'BLANK', type: part.type, pos: at }, y: part, pos: n?.pos ?? at });
          }
        });
      } else {
        const y = l.expr(d.values[0]!);
        stmts.push(...l.takePre());
        stmts.push({
          op: 'AS2FUNC', pos: at, rhs: [y],
          lhs: names.map((n) => (n ? nameExpr(n, n.pos) : { op: 'BLANK' as const, type: y.type, pos: at })),
        });
      }
      body.push(...stmts.map((st): Stmt => ({ ...st, file: file.filename })));
    }
  }
  fn.file = files[0]?.filename ?? '';
  void lowerStmtInto;
  if (body.length === 0) return null;
  fn.body = body;
  return fn;
}
