// The size of a generic declaration's runtime dictionary, the way gc's unified IR writer
// fills it (noder/writer.go writerDict: typeParamMethodExprIdx, subdictIdx, rtypeIdx,
// itabIdx; reader.go numWords). A shape body receives its dictionary as `.dict *[N]uintptr`
// and converts subdictionary words to the callee's `*[N]uintptr`, so N shows in -m=2 and in
// -S closure records.
//
// The writer walks the generic body once (a generic type's methods together: they share the
// type's dictionary, though each declares its own receiver type parameters) and appends a
// word for each distinct
//   - method of a type parameter called or taken (`x.M` with x of type T);
//   - dictionary of generic code reached with type arguments that mention type parameters
//     (`f[T](...)`, a method of `List[T]`): a subdictionary;
//   - *runtime._type of a type that mentions type parameters (an "rtype"), needed by: every
//     declared variable (receiver, parameters, results, locals: varDictIndex), make, new,
//     append, copy, delete, map index and map range, type assertions, map literals, and both
//     sides of every conversion (explicit, or implicit between non-identical types, and the
//     key/value assignments of a range clause);
//   - itab of such a conversion when either side mentions type parameters.
// Types are told apart by identity, as the writer's derived-type table is keyed by the
// types2 object: two occurrences of `[]E` in the source are two words, a type parameter or
// an instantiated named type one. A range-over-func loop is rewritten first
// (rangefunc/rewrite.go): its body becomes a closure held in a `#yieldN` variable of a fresh
// signature type, and its parameters are the loop variables (or `#pN`).

import type * as ast from '../../syntax/ast.js';
import type { Func, Info, Named, Signature, Type, TypeParam, Var } from '../../types/index.js';
import { under } from '../../types/index.js';
import { assignableTo, identical } from '../../types/predicates.js';
import { implementsIface } from '../../types/implements.js';
import { coreType, typeSetOf } from '../../types/typeset.js';
import { linkString } from '../../types/gcfmt.js';
import { derivedType } from './shapes.js';
import { liveStatements, staticBool } from './deadcode.js';
import { unparen } from './expr.js';

/** One generic body and the side tables it was checked into. */
export interface DictBody {
  readonly decl: ast.FuncDecl;
  /** The file the body is in (keys subdictAt). */
  readonly file: string;
  readonly body: ast.BlockStmt | null;
  readonly info: Info;
  readonly sig: Signature;
}

export interface DictLayout {
  readonly methodExprs: number;
  readonly subdicts: number;
  readonly rtypes: number;
  readonly itabs: number;
  /** The dictionary's length in words. */
  readonly words: number;
  /**
   * The word of the subdictionary each call passes (`file:line:col` of the call → index
   * in the dictionary, the method expressions coming first).
   */
  readonly subdictAt: ReadonlyMap<string, number>;
  /**
   * The word of each type parameter's method (`index.name` → index in the dictionary): the
   * writer numbers them in the order met across all the bodies sharing the dictionary.
   */
  readonly methodExprAt: ReadonlyMap<string, number>;
  /**
   * What a concrete dictionary of these bodies holds, in the bodies' own type parameters
   * (`params`: the function's, or the method's receiver type parameters): the generic code
   * each subdictionary is for, with its type arguments, and the types of the rtype words.
   */
  readonly contents: readonly {
    readonly params: readonly TypeParam[];
    readonly subdicts: readonly { readonly obj: Func | Named; readonly targs: readonly Type[] }[];
    readonly rtypes: readonly Type[];
  }[];
}

/** The dictionary layout of the given bodies (one function, or all methods of a generic type). */
export function dictLayout(bodies: readonly DictBody[]): DictLayout {
  // Each method declares its own receiver type parameters (types2), so the types its body
  // mentions are its own: only method expressions, told apart by index, are shared.
  const methodExprs = new Set<string>();
  const layout = { methodExprs: 0, subdicts: 0, rtypes: 0, itabs: 0 };
  const local: [string, number][] = [];
  const contents: DictLayout['contents'][number][] = [];
  for (const b of bodies) {
    // A first walk finds the generic calls whose instantiated signatures types2 shares.
    const canon = new Map<Type, Type>();
    new DictWriter(new Set(), canon, new Map()).func(b);
    const w = new DictWriter(methodExprs, null, canon);
    w.func(b);
    for (const [at, i] of w.subdictAt) local.push([`${b.file}:${at}`, layout.subdicts + i]);
    layout.subdicts += w.subdicts.size;
    layout.rtypes += w.rtypes.size;
    layout.itabs += w.itabCount;
    contents.push({ params: b.sig.recvTypeParams.length > 0 ? b.sig.recvTypeParams : b.sig.typeParams, subdicts: [...w.subdictRefs.values()], rtypes: [...w.rtypes].filter(isRealType) });
  }
  layout.methodExprs = methodExprs.size;
  const subdictAt = new Map(local.map(([k, i]) => [k, layout.methodExprs + i]));
  const methodExprAt = new Map([...methodExprs].map((k, i) => [k, i]));
  return { ...layout, words: layout.methodExprs + layout.subdicts + layout.rtypes + layout.itabs, subdictAt, methodExprAt, contents };
}

/** Not the stand-in for a range-over-func loop's fresh `#yieldN` signature (it has no parts). */
function isRealType(t: Type): boolean {
  return !(t.kind === 'Signature' && !(t as Partial<Signature>).params);
}

/** What a type is keyed by: the object itself when it mentions type parameters (else it takes no word). */
function derived(t: Type | null | undefined): t is Type {
  return !!t && derivedType(t);
}

class DictWriter {
  /** Result types of instantiated signatures by callee and type arguments (the first walk). */
  private readonly sigs = new Map<string, readonly Type[]>();

  /**
   * learn: where the first walk records, for a generic call's result types, the result types
   * of the first call with the same callee and type arguments (types2 instantiates a
   * signature once per checker context); canon: what the counting walk reads.
   */
  constructor(
    readonly methodExprs: Set<string>,
    private readonly learn: Map<Type, Type> | null,
    private readonly canon: Map<Type, Type>,
  ) {}

  readonly subdicts = new Set<string>();
  /** Each subdictionary's generic code and type arguments, by key. */
  readonly subdictRefs = new Map<string, { readonly obj: Func | Named; readonly targs: readonly Type[] }>();
  /** `line:col` of a call → its subdictionary's index in subdicts. */
  readonly subdictAt = new Map<string, number>();
  /** The call whose callee is being written. */
  private curCall: ast.CallExpr | null = null;
  readonly rtypes = new Set<Type>();
  private readonly itabs = new Map<Type, Set<Type>>();
  itabCount = 0;
  private info!: Info;
  /** Type identities for subdictionary keys (derived types by object). */
  private readonly ids = new Map<Type, number>();

  func(b: DictBody): void {
    this.info = b.info;
    this.params(b.sig);
    this.resultTypes = b.sig.results.vars.map((v) => v.type);
    if (b.body) this.block(b.body.stmts);
  }

  // ───────────────────────────── words

  private rtype(t: Type | null | undefined): void {
    if (derived(t)) this.rtypes.add(this.canon.get(t) ?? t);
  }

  /** Both sides' rtypes and, when either mentions a type parameter, the pair's itab. */
  private itab(src: Type | null | undefined, dst: Type | null | undefined): void {
    this.rtype(src);
    this.rtype(dst);
    if (src) src = this.canon.get(src) ?? src;
    if (dst) dst = this.canon.get(dst) ?? dst;
    if (!src || !dst || !(derived(src) || derived(dst))) return;
    let set = this.itabs.get(src);
    if (!set) this.itabs.set(src, (set = new Set()));
    if (!set.has(dst)) {
      set.add(dst);
      this.itabCount++;
    }
  }

  private typeKey(t: Type): string {
    if (!derived(t)) return `s:${linkString(t)}`;
    t = this.canon.get(t) ?? t;
    let id = this.ids.get(t);
    if (id === undefined) this.ids.set(t, (id = this.ids.size));
    return `d:${id}`;
  }

  private objId(obj: unknown): number {
    let id = this.ids.get(obj as Type);
    if (id === undefined) this.ids.set(obj as Type, (id = this.ids.size));
    return id;
  }

  private subdict(obj: Func | Named, targs: readonly Type[]): void {
    const id = this.objId(obj);
    const key = `${id}[${targs.map((t) => this.typeKey(t)).join(',')}]`;
    this.subdicts.add(key);
    if (!this.subdictRefs.has(key)) this.subdictRefs.set(key, { obj, targs });
    if (this.curCall) this.subdictAt.set(`${this.curCall.line}:${this.curCall.col}`, [...this.subdicts].indexOf(key));
  }

  // ───────────────────────────── declarations

  private params(sig: Signature): void {
    if (sig.recv) this.local(sig.recv);
    for (const v of sig.params.vars) this.local(v);
    for (const v of sig.results.vars) this.local(v);
  }

  private local(v: Var | null | undefined): void {
    if (v) this.rtype(v.type);
  }

  private typeOf(e: ast.Expr): Type | null {
    return this.info.types.get(e)?.type ?? null;
  }

  /** The type an assignment to e stores into (VarDecl names are only in defs/uses). */
  private dstType(e: ast.Expr): Type | null {
    const x = unparen(e);
    if (x.kind === 'Name') {
      if (x.value === '_') return null;
      const o = this.info.defs.get(x) ?? this.info.uses.get(x);
      if (o && o.kind === 'Var') return o.type;
    }
    return this.typeOf(x);
  }

  /** An assignment target: a defined name declares a local; anything else is an expression. */
  private assign(e: ast.Expr): void {
    const x = unparen(e);
    if (x.kind === 'Name') {
      if (x.value === '_') return;
      const o = this.info.defs.get(x);
      if (o && o.kind === 'Var') {
        this.local(o);
        return;
      }
    }
    this.expr(x);
  }

  /** Right-hand sides converted to the destinations' types (writer.go multiExpr). */
  private multiExpr(dst: (i: number) => Type | null, rhs: readonly ast.Expr[]): void {
    if (rhs.length === 1) {
      const t = this.typeOf(rhs[0]!);
      if (t && t.kind === 'Tuple') {
        this.expr(rhs[0]!);
        t.vars.forEach((v, i) => {
          const d = dst(i);
          if (d && !identical(v.type, d)) this.itab(v.type, d);
        });
        return;
      }
    }
    rhs.forEach((e, i) => this.convert(dst(i), e, true));
  }

  private convert(dst: Type | null, e: ast.Expr, implicit: boolean): void {
    // types2 records nil with the type it is converted to.
    const src = this.typeOf(e);
    if (implicit && (!dst || !src || isNil(src) || identical(src, dst))) {
      this.expr(e);
      return;
    }
    this.itab(src, dst);
    this.expr(e);
  }

  // ───────────────────────────── statements

  /** The statements the writer writes: dead code (deadcode.ts) has no words. */
  private block(stmts: readonly ast.Stmt[]): void {
    for (const s of liveStatements(this.info, stmts)) this.stmt(s);
  }

  private stmt(s: ast.Stmt | null): void {
    if (!s) return;
    switch (s.kind) {
      case 'EmptyStmt':
      case 'BranchStmt':
        return;
      case 'LabeledStmt':
        return this.stmt(s.stmt);
      case 'BlockStmt':
        return this.block(s.stmts);
      case 'ExprStmt':
        return this.expr(s.x);
      case 'SendStmt': {
        this.expr(s.chan);
        const ct = this.typeOf(s.chan);
        const core = ct ? coreType(ct) : null;
        return this.convert(core && core.kind === 'Chan' ? core.elem : null, s.value, true);
      }
      case 'IncDecStmt':
        return this.expr(s.x);
      case 'AssignStmt':
        if (s.op !== '=' && s.op !== ':=') {
          this.expr(s.lhs[0]!);
          this.expr(s.rhs[0]!);
          return;
        }
        for (const l of s.lhs) this.assign(l);
        return this.multiExpr((i) => (s.lhs[i] ? this.dstType(s.lhs[i]!) : null), s.rhs);
      case 'GoStmt':
      case 'DeferStmt':
        return this.expr(s.call);
      case 'ReturnStmt': {
        const results = this.resultTypes;
        return this.multiExpr((i) => results[i] ?? null, s.results);
      }
      case 'IfStmt': {
        this.stmt(s.init);
        const known = staticBool(this.info, s.cond);
        this.expr(known.cond);
        if (known.sign >= 0) this.block(s.then.stmts);
        return known.sign <= 0 ? this.stmt(s.else) : undefined;
      }
      case 'SwitchStmt': {
        this.stmt(s.init);
        const tagType: Type | null = s.tag ? this.typeOf(s.tag) : null;
        if (s.tag) this.convert(tagType, s.tag, true);
        const chan = tagType ? under(tagType).kind === 'Chan' : false;
        for (const c of s.body) {
          for (const e of c.list ?? []) this.convert(chan ? null : tagType, e, true);
          this.block(c.body);
        }
        return;
      }
      case 'TypeSwitchStmt': {
        this.stmt(s.init);
        this.expr(s.x);
        const iface = this.typeOf(s.x);
        const nonEmpty = iface ? nonEmptyInterface(iface) : false;
        for (const c of s.body) {
          for (const e of c.list ?? []) {
            if (unparen(e).kind === 'Name' && (unparen(e) as ast.Name).value === 'nil' && this.typeOf(e)?.kind !== 'Named') continue;
            const t = this.typeOf(e);
            if (nonEmpty) this.itab(t, iface);
            else this.rtype(t);
          }
          const v = this.info.implicits.get(c);
          if (v && v.kind === 'Var') this.local(v);
          this.block(c.body);
        }
        return;
      }
      case 'SelectStmt':
        for (const c of s.body) {
          this.stmt(c.comm);
          this.block(c.body);
        }
        return;
      case 'ForStmt': {
        this.stmt(s.init);
        const known = s.cond ? staticBool(this.info, s.cond) : null;
        if (known) this.expr(known.cond);
        if (known?.sign === -1) return;
        this.stmt(s.post);
        return this.block(s.body.stmts);
      }
      case 'RangeStmt':
        return this.range(s);
      case 'DeclStmt':
        for (const d of s.decls) {
          if (d.kind !== 'VarDecl') continue;
          for (const n of d.names) this.assign(n);
          this.multiExpr((i) => (d.names[i] ? this.dstType(d.names[i]!) : null), d.values);
        }
        return;
    }
  }

  private resultTypes: readonly Type[] = [];

  private range(s: ast.RangeStmt): void {
    const xt = this.typeOf(s.x);
    const core = xt ? coreType(xt) : null;
    const lhs = [s.key, s.value].filter((e): e is ast.Expr => !!e);
    if (core && core.kind === 'Signature') {
      // rangefunc rewrite: the body is a closure `func(params) bool` kept in `#yieldN`.
      this.expr(s.x);
      const yieldSig = core.params.vars[0] ? under(core.params.vars[0].type) : null;
      const ps = yieldSig && yieldSig.kind === 'Signature' ? yieldSig.params.vars : [];
      if (ps.some((p) => derived(p.type))) this.rtypes.add({ kind: 'Signature' } as unknown as Type);
      ps.forEach((p, i) => {
        const l = lhs[i];
        if (l && s.define) {
          this.assign(l);
          return;
        }
        this.rtype(p.type);
        if (l) {
          const d = this.dstType(l);
          if (d && !identical(p.type, d)) this.itab(p.type, d);
          if (unparen(l).kind !== 'Name') this.expr(l);
        }
      });
      return this.block(s.body.stmts);
    }
    for (const l of lhs) this.assign(l);
    this.expr(s.x);
    if (core && core.kind === 'Map') this.rtype(xt);
    const [kt, vt] = rangeKeyVal(xt, core);
    const conv = (l: ast.Expr | null, t: Type | null) => {
      if (!l) return;
      const x = unparen(l);
      if (x.kind === 'Name' && x.value === '_') return;
      this.itab(t, this.dstType(l));
    };
    conv(s.key, kt);
    conv(s.value, vt);
    this.block(s.body.stmts);
  }

  // ───────────────────────────── expressions

  private expr(e: ast.Expr | null): void {
    if (!e) return;
    switch (e.kind) {
      case 'Name': {
        const inst = this.info.instances.get(e);
        const o = this.info.uses.get(e);
        if (inst && o && o.kind === 'Func' && inst.typeArgs.some((t) => derived(t))) this.subdict(o, inst.typeArgs);
        return;
      }
      case 'BasicLit':
        return;
      case 'CompositeLit':
        return this.compositeLit(e);
      case 'KeyValueExpr':
        this.expr(e.key);
        return this.expr(e.value);
      case 'FuncLit': {
        const t = this.typeOf(e);
        const sig = t && under(t).kind === 'Signature' ? (under(t) as Signature) : null;
        const saved = this.resultTypes;
        if (sig) {
          this.params(sig);
          this.resultTypes = sig.results.vars.map((v) => v.type);
        }
        this.block(e.body.stmts);
        this.resultTypes = saved;
        return;
      }
      case 'ParenExpr':
        return this.expr(e.x);
      case 'SelectorExpr':
        return this.selector(e);
      case 'IndexExpr': {
        const inst = e.x.kind === 'Name' || e.x.kind === 'SelectorExpr' ? this.instanceOf(e.x) : null;
        if (inst) return this.expr(e.x);
        this.expr(e.x);
        const xt = this.typeOf(e.x);
        const core = xt ? coreType(xt) : null;
        if (core && core.kind === 'Map') {
          this.convert(core.key, e.indices[0]!, true);
          this.rtype(xt);
          return;
        }
        for (const i of e.indices) this.expr(i);
        return;
      }
      case 'SliceExpr':
        this.expr(e.x);
        this.expr(e.low);
        this.expr(e.high);
        this.expr(e.max);
        return;
      case 'AssertExpr': {
        this.expr(e.x);
        const iface = this.typeOf(e.x);
        const t = e.type ? this.typeOf(e.type) : null;
        if (iface && nonEmptyInterface(iface)) this.itab(t, iface);
        else this.rtype(t);
        this.rtype(iface);
        return;
      }
      case 'CallExpr':
        return this.call(e);
      case 'UnaryExpr':
        return this.expr(e.x);
      case 'BinaryExpr': {
        // Both operands are converted to a common type; types2 gives nil its operand's type.
        const xt = this.typeOf(e.x);
        const yt = this.typeOf(e.y);
        if (isNil(xt) || isNil(yt)) {
          this.expr(e.x);
          this.expr(e.y);
          return;
        }
        let common: Type | null = null;
        if (e.op !== '<<' && e.op !== '>>' && xt && yt) {
          if (assignableTo(xt, yt, implementsIface)) common = yt;
          else if (assignableTo(yt, xt, implementsIface)) common = xt;
        }
        this.convert(common, e.x, true);
        this.convert(common, e.y, true);
        return;
      }
      case 'StarExpr':
        return this.expr(e.x);
      default:
        return;
    }
  }

  private instanceOf(x: ast.Expr): boolean {
    const n = x.kind === 'Name' ? x : x.kind === 'SelectorExpr' ? x.sel : null;
    return !!n && this.info.instances.has(n);
  }

  private compositeLit(e: ast.CompositeLit): void {
    let t = this.typeOf(e);
    if (!t) return;
    const c0 = coreType(t);
    if (c0 && c0.kind === 'Pointer') t = c0.elem;
    const core = coreType(t);
    if (!core) return;
    if (core.kind === 'Map') this.rtype(t);
    e.elems.forEach((el, i) => {
      if (core.kind === 'Struct') {
        const kv = el.kind === 'KeyValueExpr' ? el : null;
        const fieldName = kv && kv.key.kind === 'Name' ? kv.key.value : null;
        const f = fieldName !== null ? core.fields.find((x) => x.name === fieldName) : core.fields[i];
        this.convert(f ? f.type : null, kv ? kv.value : el, true);
        return;
      }
      const elemT = core.kind === 'Map' || core.kind === 'Array' || core.kind === 'Slice' ? core.elem : null;
      if (el.kind === 'KeyValueExpr') {
        if (core.kind === 'Map') this.convert(core.key, el.key, true);
        else this.expr(el.key);
        this.convert(elemT, el.value, true);
        return;
      }
      this.convert(elemT, el, true);
    });
  }

  private selector(e: ast.SelectorExpr): void {
    const sel = this.info.selections.get(e);
    if (!sel) {
      // A qualified identifier: `pkg.F[...]` records its instance on the selector's name.
      const inst = this.info.instances.get(e.sel);
      const o = this.info.uses.get(e.sel);
      if (inst && o && o.kind === 'Func' && inst.typeArgs.some((t) => derived(t))) this.subdict(o, inst.typeArgs);
      return;
    }
    const call = this.curCall;
    this.curCall = null;
    this.expr(e.x);
    this.curCall = call;
    if (sel.kind === 'field') return;
    this.methodExpr(sel.recv, sel.obj.name, sel.path.length > 0 ? sel.path[sel.path.length - 1]!.field.type : null);
  }

  /** A method reference: a type parameter's method, or a method of an instantiated type. */
  private methodExpr(recv0: Type, name: string, embedded: Type | null): void {
    let recv = embedded ?? recv0;
    if (recv.kind === 'Pointer') recv = recv.elem;
    if (recv.kind === 'TypeParam') {
      this.methodExprs.add(`${recv.index}.${name}`);
      return;
    }
    if (recv.kind === 'Named' && recv.typeArgs.length > 0 && recv.typeArgs.some((t) => derived(t))) {
      if (under(recv).kind === 'Interface') return;
      this.subdict(recv.origin, recv.typeArgs);
    }
  }

  private call(e: ast.CallExpr): void {
    const tv = this.info.types.get(e.fun);
    if (tv && tv.mode === 'typexpr') {
      this.convert(tv.type, e.args[0]!, false);
      return;
    }
    const ci = this.info.calls.get(e);
    if (tv && tv.mode === 'builtin') {
      const name = ci?.builtin?.name ?? (unparen(e.fun).kind === 'Name' ? (unparen(e.fun) as ast.Name).value : '');
      const rt = this.typeOf(e);
      switch (name) {
        case 'make': {
          const t = this.typeOf(e.args[0]!);
          this.rtype(t);
          for (const a of e.args.slice(1)) this.expr(a);
          const core = t ? coreType(t) : null;
          if (core && core.kind === 'Slice') this.rtype(core.elem);
          else this.rtype(t);
          return;
        }
        case 'new': {
          const a = e.args[0]!;
          const atv = this.info.types.get(a);
          if (atv && atv.mode !== 'typexpr') this.expr(a);
          else this.rtype(atv?.type);
          return;
        }
      }
      const sig = ci?.signature ?? null;
      this.args(e, sig);
      if (name === 'append') this.rtype(sliceElem(rt));
      else if (name === 'copy' || name === 'delete') {
        let t = e.args[0] ? this.typeOf(e.args[0]) : null;
        if (t && t.kind === 'Tuple') t = t.vars[0]?.type ?? null;
        this.rtype(name === 'copy' ? sliceElem(t) : t);
      } else if (name === 'Slice') this.rtype(sliceElem(rt));
      return;
    }
    const saved = this.curCall;
    this.curCall = e;
    this.expr(e.fun);
    this.shareSignature(e, ci?.signature ?? null);
    const ft = tv?.type ?? null;
    const core = ft ? coreType(ft) : null;
    this.curCall = null;
    this.args(e, core && core.kind === 'Signature' ? core : ci?.signature ?? null);
    this.curCall = saved;
  }

  /** First walk: a generic call's result types are those of the first identical instantiation. */
  private shareSignature(e: ast.CallExpr, sig: Signature | null): void {
    if (!this.learn || !sig) return;
    const f = unparen(e.fun);
    const n = f.kind === 'Name' ? f : f.kind === 'SelectorExpr' ? f.sel : f.kind === 'IndexExpr' && f.x.kind === 'Name' ? f.x : null;
    const inst = n ? this.info.instances.get(n) : undefined;
    const o = n ? this.info.uses.get(n) : undefined;
    if (!inst || !o || o.kind !== 'Func') return;
    const key = `${this.objId(o)}[${inst.typeArgs.map((t) => this.typeKey(t)).join(',')}]`;
    const results = sig.results.vars.map((v) => v.type);
    const first = this.sigs.get(key);
    if (!first) {
      this.sigs.set(key, results);
      return;
    }
    results.forEach((t, i) => {
      if (first[i] && t !== first[i]) this.learn!.set(t, first[i]!);
    });
  }

  private args(e: ast.CallExpr, sig: Signature | null): void {
    if (!sig) {
      for (const a of e.args) this.expr(a);
      return;
    }
    const ps = sig.params.vars;
    const paramType = (i: number): Type | null => {
      if (sig.variadic && !e.hasDots && i >= ps.length - 1) {
        const last = ps[ps.length - 1]?.type;
        const u = last ? under(last) : null;
        return u && u.kind === 'Slice' ? u.elem : null;
      }
      return ps[i]?.type ?? null;
    };
    this.multiExpr(paramType, e.args);
  }

}

function isNil(t: Type | null): boolean {
  return !!t && t.kind === 'Basic' && t.basic === 'untyped nil';
}

function sliceElem(t: Type | null): Type | null {
  const c = t ? coreType(t) : null;
  return c && c.kind === 'Slice' ? c.elem : null;
}

function nonEmptyInterface(t: Type): boolean {
  const u = under(t);
  return u.kind === 'Interface' && typeSetOf(u).methods.length > 0;
}

/** types2.RangeKeyVal over a core type. */
function rangeKeyVal(x: Type | null, core: Type | null): [Type | null, Type | null] {
  if (!core) return [null, null];
  switch (core.kind) {
    case 'Basic':
      return [core.basic === 'string' || core.basic === 'untyped string' ? null : x, null];
    case 'Map':
      return [core.key, core.elem];
    case 'Slice':
      return [null, core.elem];
    case 'Array':
      return [null, core.elem];
    case 'Pointer': {
      const a = under(core.elem);
      return [null, a.kind === 'Array' ? a.elem : null];
    }
    case 'Chan':
      return [core.elem, null];
    default:
      return [null, null];
  }
}
