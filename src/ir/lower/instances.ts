// Instantiation of generic code the way gc's unified IR reader does it (noder/reader.go
// funcInst, objDictIdx, callShaped; unified.go readBodies).
//
// A generic declaration is never lowered as written. Every reference to it from code being
// lowered asks for an instantiation with the type arguments of that reference (after the
// referring body's own substitution, so instantiating a body may ask for more):
//   - the *shape instantiation* `f[go.shape.int]` (shapes.ts), one per distinct shape tuple:
//     the generic body lowered with type parameters → shapes, plus a `.dict` parameter
//     (after the receiver, before the parameters, as shapeSig puts it);
//   - from non-shaped code also the *wrapper* `f[int]`, whose body tail-calls the shape
//     instantiation with its dictionary `&.dict.f[int]` (callShaped).
// A call `f(x)` in non-shaped code calls the shape instantiation directly with
// `&.dict.f[int]`; in a shape body the dictionary is a subdictionary word of `.dict`. A
// method of a generic type instantiates all methods of the type at once (a type's methods
// are read with it), wrappers for the concrete type and shapes for its shape type.
//
// gc appends instantiations to the package's function list when it reads their bodies, from
// a LIFO work list that starts with the package's own functions in declaration order: the
// last function's body is read first, the instantiations it creates (wrapper, then shape)
// are read next, most recent first, and so on. `order` replays that from the requests each
// body made, since the order escape analysis visits functions decides the order of -m lines.

import type * as ast from '../../syntax/ast.js';
import type { Func, Info, Named, Signature, Type, TypeParam } from '../../types/index.js';
import { under } from '../../types/index.js';
import { instantiateNamed, makeSubstitution, subst, type Substitution } from '../../types/instantiate.js';
import type { Expr, IrFunc, IrName, IrType, Pos } from '../ir.js';
import type { Mutable, PkgCtx, FuncCtx } from './context.js';
import { IrTypes } from './types.js';
import { hasShape, mentionsTypeParam } from './shapes.js';
import { linkString } from '../../types/gcfmt.js';
import { dictLayout, type DictLayout } from './dictlayout.js';

/** A generic function or method declaration with what is needed to lower its body. */
export interface GenericSource {
  readonly obj: Func;
  readonly decl: ast.FuncDecl;
  /** The body to instantiate (a model's comes from its side table, PackageBodies.body). */
  readonly body: ast.BlockStmt | null;
  /** The file name as gc prints it. */
  readonly file: string;
  /** The side tables the body was checked into. */
  readonly info: Info;
  /** gc's symbol prefix of the declaring package (`p`, `main`, `slices`). */
  readonly prefix: string;
  /** The prefix of names in messages: '' for the local package, `slices.` for imported. */
  readonly qual: string;
}

export interface Instance {
  readonly kind: 'shape' | 'wrapper';
  /** gc's symbol (`p.id[go.shape.int]`, `p.(*stack[int]).push`). */
  readonly name: string;
  readonly fn: Mutable<IrFunc>;
  readonly src: GenericSource;
  readonly subst: Substitution;
  /** The type arguments (shapes for a shape instantiation). */
  readonly targs: readonly Type[];
  /** For a wrapper: the shape instantiation it calls, and its dictionary's name. */
  shaped: Instance | null;
  dictName: string;
  /** For a method: the receiver type (instantiated), and the method's name. */
  readonly recvType: Type | null;
  /** Instantiations this body asked for, in order (for the function order). */
  readonly requests: Instance[];
}

/** What lowering a reference to generic code needs. */
export interface InstanceRef {
  readonly shaped: Instance;
  readonly wrapper: Instance | null;
  /** The dictionary argument at `at` (in the function being lowered by `fc`). */
  dict(fc: FuncCtx, at: Pos): Expr;
}

/** A generic type instance by its origin and type arguments' link strings; another type by its own. */
function readKey(x: Type): string {
  return x.kind === 'Named' ? `${x.obj.pkg?.path ?? ''}.${x.obj.name}[${x.typeArgs.map((a) => linkString(a)).join(',')}]` : linkString(x);
}

const MAX_INSTANCES = 10000;
const MAX_TYPE_TEXT = 500;
const MAX_TYPE_DEPTH = 100;

export class Instances {
  private readonly local = new Map<Func, GenericSource>();
  private readonly byName = new Map<string, Instance>();
  private readonly seenTypes = new Set<string>();
  /** Generic interfaces' shaped instances whose declarations are being read (interfaceInstance). */
  private readonly forwardInstances = new Set<string>();
  /**
   * Every generic type instantiated, concrete or shaped, in the order read, with its
   * value-receiver methods' instances: gc wraps each for the pointer type (reader.go
   * MakeWrappers over the instantiated types, `(*T[int]).M`, `(*T[go.shape.int]).M`).
   */
  readonly typeInstances: { readonly type: Named; readonly kind: 'shape' | 'wrapper'; readonly valueMethods: { readonly target: Instance; readonly ptrName: string }[] }[] = [];
  /** Types whose structure typeRead has walked, as read here, and as read in another package's declaration. */
  private readonly walked = new Set<Type>();
  private readonly walkedImported = new Set<Type>();
  /** The concrete generic type instances, and the struct and interface literals, read in another package's declaration (readInImport). */
  private readonly importedReads = new Set<string>();
  /** Named types whose structure typeRead is walking (a TFORW to gc's reader). */
  private readonly reading = new Set<Type>();
  private readonly pending: Instance[] = [];
  /** Requests of the package's own functions (and of the package initialiser). */
  private readonly topRequests = new Map<unknown, Instance[]>();
  private readonly names = new Map<Instance, IrName>();
  private requester: Instance[] = [];
  /** Dictionary slots of the shape body being lowered: method expressions, then subdictionaries. */
  private slots: { methods: Map<string, number>; subdicts: Map<string, number> } | null = null;

  /** Dictionary layouts by owner (a generic function, or the origin of a generic type). */
  private readonly layouts = new Map<unknown, DictLayout>();
  /** The instantiation whose body is being lowered. */
  private current: Instance | null = null;

  constructor(private readonly pkg: PkgCtx) {}

  /**
   * The length in words of the dictionary src's shape body receives: its own, or for a method
   * its type's, which all the type's methods share (dictlayout.ts).
   */
  dictWords(src: GenericSource): number {
    return Math.max(1, this.layoutOf(src).words);
  }

  private layoutOf(src: GenericSource): DictLayout {
    const sig = src.obj.type as Signature;
    const r = sig.recv?.type;
    const base = r && r.kind === 'Pointer' ? r.elem : r;
    const owner = base && base.kind === 'Named' ? base.origin : src.obj;
    let layout = this.layouts.get(owner);
    if (layout) return layout;
    const srcs = owner === src.obj ? [src] : (owner as Named).methods.map((m) => this.source(m)).filter((x): x is GenericSource => !!x);
    layout = dictLayout(srcs.map((x) => ({ decl: x.decl, file: x.file, body: x.body, info: x.info, sig: x.obj.type as Signature })));
    this.layouts.set(owner, layout);
    return layout;
  }

  /** A generic declaration of the package being lowered. */
  addLocal(src: GenericSource): void {
    this.local.set(src.obj, src);
  }

  /** Whether f (or its origin) is generic code with a body we can instantiate. */
  source(f: Func): GenericSource | null {
    const origin = f.origin ?? f;
    const hit = this.local.get(origin);
    if (hit) return hit;
    if (!isGenericFunc(origin)) return null;
    const bodies = origin.pkg?.bodies;
    if (!origin.decl || !origin.pkg || !bodies || origin.pkg === this.pkg.pkg) return null;
    const file = bodies.files.find((fl) => fl.decls.includes(origin.decl!));
    if (!file) return null;
    const src: GenericSource = {
      obj: origin, decl: origin.decl, body: bodies.body(origin.decl), file: file.filename, info: bodies.info,
      prefix: origin.pkg.path, qual: `${origin.pkg.name}.`,
    };
    this.local.set(origin, src);
    return src;
  }

  /** Starts recording the requests of one of the package's own functions. */
  beginTop(fn: unknown): void {
    let list = this.topRequests.get(fn);
    if (!list) this.topRequests.set(fn, (list = []));
    this.requester = list;
  }

  /**
   * A new top holding the shape instantiations that `fn` requested, taken out of its list.
   * While gc reads the package-level declarations (pkgInit, before any body), a reference to
   * generic code pushes the concrete instance's body at once but leaves its shaped form to
   * todoDicts, which readBodies drains first: those shaped bodies end on top of the work
   * list, the first requested read first, before any body of the package's own functions.
   * One dictionary is a generic function's instance or a type's, whose methods are pushed
   * together in declaration order (and so read last first, as any other body's requests).
   */
  splitShapes(fn: unknown): object {
    const list = this.topRequests.get(fn) ?? [];
    const dicts: Instance[][] = [];
    let last = '';
    for (const inst of list) {
      if (inst.kind !== 'shape') continue;
      const recv = inst.recvType?.kind === 'Pointer' ? inst.recvType.elem : inst.recvType;
      const key = recv ? linkString(recv) : '';
      if (key === '' || key !== last) dicts.push([]);
      dicts[dicts.length - 1]!.push(inst);
      last = key;
    }
    this.topRequests.set(fn, list.filter((i) => i.kind !== 'shape'));
    const top = {};
    this.topRequests.set(top, dicts.reverse().flat());
    return top;
  }

  // ───────────────────────────── references

  /** A call or value of generic function `f` with type arguments `targs` (substituted). */
  func(f: Func, targs: readonly Type[]): InstanceRef | null {
    const src = this.source(f);
    if (!src) return null;
    const sig = src.obj.type as Signature;
    const tparams = sig.typeParams;
    if (tparams.length !== targs.length || !this.bounded(targs)) return null;
    // The reference reads its type arguments first (reader.go funcInst), and reading an
    // instance of a generic type reads its methods: reflect.TypeFor[sql.Null[uint64]]().
    for (const a of targs) this.typeRead(a);
    const shapes = this.pkg.shapes.shapesOf(targs, tparams);
    const shapedCtx = targs.some((a) => hasShape(a));
    const base = src.obj.name;
    const wrapperName = `${base}[${targs.map((a) => linkString(a)).join(',')}]`;
    const shapeName = `${base}[${shapes.map((a) => linkString(a)).join(',')}]`;
    let wrapper: Instance | null = null;
    if (!shapedCtx) {
      wrapper = this.instance('wrapper', src, wrapperName, makeSubstitution(tparams, targs), null, null, targs);
    }
    const shaped = this.instance('shape', src, shapeName, makeSubstitution(tparams, shapes), null, null, shapes);
    if (wrapper) {
      wrapper.shaped = shaped;
      wrapper.dictName = `${src.qual}.dict.${wrapperName}`;
      this.request(wrapper, shaped);
      this.readDict(src, targs);
    } else {
      this.request(shaped);
    }
    return this.ref(shaped, wrapper, shapeName);
  }

  /** A call or value of method `m` of an instance `recv` of a generic type. */
  method(m: Func, recv: Named): InstanceRef | null {
    const src = this.source(m);
    if (!src) return null;
    const generic = recv.origin;
    const targs = recv.typeArgs;
    const shapes = this.instantiateType(recv);
    if (!shapes) return null;
    const shapedCtx = targs.some((a) => hasShape(a));
    const shaped = this.byName.get(`${src.prefix}.${this.methodName(src, generic, shapes)}`) ?? null;
    if (!shaped) return null;
    const wrapper = shapedCtx ? null : this.byName.get(`${src.prefix}.${this.methodName(src, generic, targs)}`) ?? null;
    return this.ref(shaped, wrapper, this.methodName(src, generic, shapes));
  }

  /** The instantiation of a method of a generic type that `m` (an instance's method) denotes. */
  ofMethod(m: Func): InstanceRef | null {
    const origin = m.origin ?? m;
    if (!isGenericFunc(origin) || m.type.kind !== 'Signature' || !m.type.recv) return null;
    let r = this.pkg.types.resolve(m.type.recv.type);
    if (r.kind === 'Pointer') r = r.elem;
    if (r.kind !== 'Named' || r.typeArgs.length === 0) return null;
    return this.method(origin, r);
  }

  /**
   * A type met while lowering (a variable's, a field's, a callee's results): gc reads a
   * type whole, and reading an instance of a generic type reads its methods, so they are
   * instantiated, and so are the generic types its structure mentions (an embedded
   * `cache[K, V]`, os.Open's *File holding an atomic.Pointer[dirInfo]).
   */
  typeRead(t: Type): void {
    // `imported`: in another package's non-generic declaration (a field of its struct, a
    // method's signature), which gc reads from that package's export data (readInImport).
    const visit = (x: Type, depth: number, imported: boolean): void => {
      // (An instance is walked once whatever the context: marked at every visit.)
      if (imported && x.kind === 'Named' && x.typeArgs.length > 0) this.importedReads.add(readKey(x));
      const within = this.readWithin(x, imported);
      const seen = within ? this.walkedImported : this.walked;
      // seen ends every cycle; the depth only bounds a type whose instances never repeat
      // (T[X] holding a T[[]X]), which gc rejects. Real types nest deeper than a dozen:
      // buffer.Pool → *pool.Pool[*Buffer] → sync.Pool → pin's *poolLocal → poolChain → atomic.Pointer.
      if (seen.has(x) || depth > MAX_TYPE_DEPTH) return;
      // Walked again in the other context only to mark what it reads: what reading a type
      // instantiates, it did the first time (the shapes it makes depend on what was being
      // read then: `reading`).
      const again = (within ? this.walked : this.walkedImported).has(x);
      seen.add(x);
      if (imported && (x.kind === 'Struct' || x.kind === 'Interface')) this.importedReads.add(readKey(x));
      switch (x.kind) {
        case 'Named': {
          this.reading.add(x);
          visit(under(x), depth + 1, within);
          this.reading.delete(x);
          if (!again) {
            // An instance of a generic interface is a type gc wraps (reader.go needWrapper,
            // NeedEmit of an instantiated or shaped type): `Set[string].Add` calls through it.
            if (x.typeArgs.length > 0 && under(x).kind === 'Interface') this.interfaceInstance(x);
            // sync.Map holds an internal/sync.HashTrieMap[any, any]: its methods come along.
            if (x.typeArgs.length > 0 && x.origin.methods.some((m) => this.source(m))) this.instantiateType(x);
            // Reading an instance reads its shaped form too (reader.go objIdx, todoDicts),
            // making shapes of its arguments, which gc wraps (iter.Seq[reflect.Type]).
            else if (x.typeArgs.length > 0) this.shapeArgs(x);
          }
          // gc reads a type with its methods, their signatures too: sync.Pool's pin() returns
          // a *poolLocal, whose poolChain holds an atomic.Pointer[poolChainElt].
          if (x.typeArgs.length === 0) {
            for (const m of x.methods) {
              x.obj.pkg?.declareObject?.(m);
              if (m.type) visit(m.type, depth + 1, within);
            }
          }
          return;
        }
        case 'Alias':
          // An alias is read with its declaration, where it is declared.
          visit(x.rhs, depth + 1, within);
          return;
        case 'Signature':
          for (const v of x.params.vars) visit(v.type, depth + 1, imported);
          for (const v of x.results.vars) visit(v.type, depth + 1, imported);
          return;
        case 'Tuple':
          for (const v of x.vars) visit(v.type, depth + 1, imported);
          return;
        case 'Pointer': case 'Slice': case 'Array': case 'Chan':
          visit(x.elem, depth + 1, imported);
          return;
        case 'Map':
          visit(x.key, depth + 1, imported);
          visit(x.elem, depth + 1, imported);
          return;
        case 'Struct':
          for (const f of x.fields) visit(f.type, depth + 1, imported);
          return;
        case 'Interface':
          // An interface type is read with its methods' signatures.
          for (const m of x.methods) visit(m.type, depth + 1, imported);
          for (const e of x.embeddeds) visit(e, depth + 1, imported);
          return;
        default:
          return;
      }
    };
    visit(t, 0, false);
  }

  /**
   * Whether what a type's declaration mentions is read in another package's non-generic
   * declaration, given whether the type itself is (`imported`): it is read where the type is
   * declared, an instance's from its generic declaration (with type arguments: not an
   * imported definition), another package's named type's or alias's from that package.
   */
  private readWithin(x: Type, imported: boolean): boolean {
    if (x.kind !== 'Named' && x.kind !== 'Alias') return imported;
    if (x.typeArgs.length > 0) return false;
    return (x.obj.pkg !== null && x.obj.pkg !== this.pkg.pkg) || imported;
  }

  /**
   * Whether a concrete generic type instance, or a struct or interface literal, was read in
   * another package's non-generic declaration: gc then takes its wrappers to be made there
   * (reader.go needWrapper: importedDef puts it in haveWrapperTypes, which MakeWrappers
   * marks seen, by link string, before the types this package needs), so this package makes
   * none, however else it reads the type: net/netip's importers make no
   * `(*unique.Handle[net/netip.addrDetail]).Value`, and protoiface no wrappers for the
   * `Resolver interface { ... }` of its UnmarshalInput, which protoreflect declares too.
   */
  readInImport(x: Type): boolean {
    return ((x.kind === 'Named' && x.typeArgs.length > 0) || x.kind === 'Struct' || x.kind === 'Interface') && this.importedReads.has(readKey(x));
  }

  /** A generic interface's instance, once, for its wrappers (none while it mentions type parameters). */
  private interfaceInstance(x: Named): void {
    if (x.typeArgs.some((a) => mentionsTypeParam(a))) return;
    const key = `iface ${x.obj.pkg?.path ?? ''}.${x.obj.name}[${x.typeArgs.map((a) => linkString(a)).join(',')}]`;
    if (this.seenTypes.has(key)) return;
    // Met in its own shaped declaration, still being read (a TFORW): go1.27 skips it.
    if (this.forwardInstances.has(key) && !this.pkg.wrapForwardInstances) return;
    this.seenTypes.add(key);
    const shaped = x.typeArgs.some((a) => hasShape(a));
    this.typeInstances.push({ type: x, kind: shaped ? 'shape' : 'wrapper', valueMethods: [] });
    // Reading the instance reads its shaped form's declaration too (todoDicts), whose
    // method signatures are read as types: the shaped instance they mention
    // (`Union(other Set[go.shape.string])`) is wrapped; the shaped form itself is not.
    const tparams = x.origin.typeParams;
    if (shaped || tparams.length !== x.typeArgs.length) return;
    const shapes = this.pkg.shapes.shapesOf(x.typeArgs, tparams);
    const forward = `iface ${x.obj.pkg?.path ?? ''}.${x.obj.name}[${shapes.map((a) => linkString(a)).join(',')}]`;
    this.forwardInstances.add(forward);
    this.typeRead(under(instantiateNamed(x.origin, shapes)));
    this.forwardInstances.delete(forward);
  }

  /** The shapes of a generic type instance's arguments (shapify in objDictIdx). */
  private shapeArgs(x: Named): void {
    const tparams = x.origin.typeParams;
    if (tparams.length !== x.typeArgs.length || x.typeArgs.some((a) => mentionsTypeParam(a) || hasShape(a))) return;
    this.pkg.shapes.shapesOf(x.typeArgs, tparams);
  }

  /** The methods of a generic type's instance: wrappers (when concrete), then shapes; the shape arguments. */
  private instantiateType(recv: Named): Type[] | null {
    const generic = recv.origin;
    const targs = recv.typeArgs;
    const tparams = generic.typeParams;
    if (tparams.length !== targs.length || targs.length === 0 || !this.bounded(targs)) return null;
    if (targs.some((a) => mentionsTypeParam(a))) return null;
    const shapes = this.pkg.shapes.shapesOf(targs, tparams, (a) => this.reading.has(a));
    const shapedCtx = targs.some((a) => hasShape(a));
    if (!shapedCtx) this.typeMethods(generic, targs, 'wrapper');
    this.typeMethods(generic, shapes, 'shape');
    if (!shapedCtx) {
      // Each wrapper method calls its shape method with the type's dictionary.
      const qual = generic.obj.pkg && generic.obj.pkg !== this.pkg.pkg ? `${generic.obj.pkg.name}.` : '';
      const dictName = `${qual}.dict.${generic.obj.name}[${targs.map((a) => linkString(a)).join(',')}]`;
      for (const gm of generic.methods) {
        const ms = this.source(gm);
        if (!ms) continue;
        const w = this.byName.get(`${ms.prefix}.${this.methodName(ms, generic, targs)}`);
        const sh = this.byName.get(`${ms.prefix}.${this.methodName(ms, generic, shapes)}`);
        if (w && sh && !w.shaped) {
          w.shaped = sh;
          w.dictName = dictName;
        }
      }
      const any = generic.methods.map((gm) => this.source(gm)).find((x) => !!x);
      if (any) this.readDict(any, targs);
    }
    return shapes;
  }

  /**
   * A concrete dictionary, once named, is written whole (reader.go dictNameOf): its
   * subdictionaries are named in turn, and its rtype words read their types, so the generic
   * types they instantiate bring their methods (wrappers and shape bodies) into the package
   * even when no body of it mentions them: Builder[float64]'s dictionary names
   * newDeltaSum[float64]'s, whose *deltaSum[float64] holds a hotColdMap[*sumValue[float64]].
   */
  private readDict(src: GenericSource, targs: readonly Type[]): void {
    const layout = this.layoutOf(src);
    const r = (src.obj.type as Signature).recv?.type;
    const owner = (r && r.kind === 'Pointer' ? r.elem : r)?.kind === 'Named' ? ((r!.kind === 'Pointer' ? r.elem : r) as Named).obj.name : src.obj.name;
    const key = `dict ${src.prefix}.${owner}[${targs.map((a) => linkString(a)).join(',')}]`;
    if (this.seenTypes.has(key) || !this.bounded(targs)) return;
    this.seenTypes.add(key);
    for (const body of layout.contents) {
      if (body.params.length !== targs.length) continue;
      const map = makeSubstitution(body.params, targs);
      for (const t of body.rtypes) {
        const c = subst(t, map);
        if (!mentionsTypeParam(c)) this.typeRead(c);
      }
      for (const sd of body.subdicts) {
        const sargs = sd.targs.map((t) => subst(t, map));
        if (sargs.some((a) => mentionsTypeParam(a))) continue;
        if (sd.obj.kind === 'Named') {
          this.typeRead(instantiateNamed(sd.obj, sargs));
          continue;
        }
        const callee = this.source(sd.obj);
        if (callee) this.readDict(callee, sargs);
      }
    }
  }

  /**
   * Whether instantiating with targs stays finite: gc rejects an instantiation cycle
   * (`f[T]` calling `f[[]T]`) as a type error our checker lets through, so nesting deeper
   * than any real program, or more instances than any real package, stops here.
   */
  private bounded(targs: readonly Type[]): boolean {
    return this.byName.size < MAX_INSTANCES && targs.every((a) => linkString(a).length < MAX_TYPE_TEXT);
  }

  /** All methods of generic[targs]: gc reads a type's methods when it reads the type. */
  private typeMethods(generic: Named, targs: readonly Type[], kind: 'shape' | 'wrapper'): void {
    const key = `${kind} ${generic.obj.pkg?.path ?? ''}.${generic.obj.name}[${targs.map((a) => linkString(a)).join(',')}]`;
    if (this.seenTypes.has(key)) {
      for (const m of generic.methods) {
        const src = this.source(m);
        const inst = src ? this.byName.get(`${src.prefix}.${this.methodName(src, generic, targs)}`) : undefined;
        if (inst) this.request(inst);
      }
      return;
    }
    this.seenTypes.add(key);
    const inst = instantiateNamed(generic, targs);
    const typeInstance = { type: inst, kind, valueMethods: [] as { target: Instance; ptrName: string }[] };
    this.typeInstances.push(typeInstance);
    for (const m of generic.methods) {
      const src = this.source(m);
      if (!src) continue;
      const sig = src.obj.type as Signature;
      const map = new Map(makeSubstitution(generic.typeParams, targs));
      for (const [p, a] of makeSubstitution(sig.recvTypeParams, targs)) map.set(p, a);
      const ptr = sig.recv ? under(sig.recv.type).kind === 'Pointer' && sig.recv.type.kind === 'Pointer' : false;
      const recvType: Type = ptr ? { kind: 'Pointer', elem: inst } : inst;
      // A method is read with its signature, and the types that reads come first.
      if (kind === 'wrapper') this.typeRead(subst(sig, map));
      const made = this.instance(kind, src, this.methodName(src, generic, targs), map, recvType, null, targs);
      this.request(made);
      if (!ptr) typeInstance.valueMethods.push({ target: made, ptrName: `${src.prefix}.${this.methodName(src, generic, targs, true)}` });
    }
  }

  /** `T[targs].M`, or `(*T[targs]).M` for a pointer method or (`onPointer`) its pointer wrapper. */
  private methodName(src: GenericSource, generic: Named, targs: readonly Type[], onPointer = false): string {
    const sig = src.obj.type as Signature;
    const ptr = onPointer || (sig.recv ? sig.recv.type.kind === 'Pointer' : false);
    const t = `${generic.obj.name}[${targs.map((a) => linkString(a)).join(',')}]`;
    return `${ptr ? `(*${t})` : t}.${src.obj.name}`;
  }

  private request(...insts: Instance[]): void {
    this.requester.push(...insts);
  }

  private instance(
    kind: 'shape' | 'wrapper', src: GenericSource, short: string, subst: Substitution, recvType: Type | null,
    shaped: Instance | null, targs: readonly Type[],
  ): Instance {
    const name = `${src.prefix}.${short}`;
    const hit = this.byName.get(name);
    if (hit) return hit;
    const types = new IrTypes(this.pkg.pkg, this.pkg.shapes, undefined, subst);
    const fnType = types.of(src.obj.type);
    const fn: Mutable<IrFunc> = {
      kind: 'Func', name, pkgPath: src.prefix, file: src.file, pos: declPos(src.decl),
      recv: null, params: [], results: [], dcl: [], body: null, closureVars: [], outer: null,
      pragmas: {}, type: fnType, generic: true, ...(kind === 'wrapper' ? { instanceWrapper: true } : {}),
      ...(src.qual ? { qual: src.qual } : {}),
    };
    const inst: Instance = { kind, name, fn, src, subst, targs, shaped, dictName: '', recvType, requests: [] };
    this.byName.set(name, inst);
    this.pending.push(inst);
    return inst;
  }

  private ref(shaped: Instance, wrapper: Instance | null, shapeShort: string): InstanceRef {
    const self = this;
    return {
      shaped,
      wrapper,
      dict(fc: FuncCtx, at: Pos): Expr {
        if (wrapper) return self.dictAddr(wrapper.dictName, at);
        return self.subdict(fc, shapeShort, self.dictWords(shaped.src), at);
      },
    };
  }

  /** The PFUNC name of an instantiation (`id[go.shape.int]`, `slices.Index[...]`). */
  nameOf(inst: Instance): IrName {
    let n = this.names.get(inst);
    if (!n) {
      const short = inst.name.slice(inst.src.prefix.length + 1);
      n = { kind: 'Name', sym: inst.src.qual + short, class: 'func', type: inst.fn.type, pos: inst.fn.pos, curfn: null, func: inst.fn };
      this.names.set(inst, n);
    }
    return n;
  }

  /** The receiver type of a method instantiation, as an IrType. */
  recvIrType(inst: Instance): IrType | null {
    return inst.recvType ? this.pkg.baseTypes.of(inst.recvType) : null;
  }

  // ───────────────────────────── dictionaries

  dictType(words: number): IrType {
    const t = this.pkg.baseTypes;
    const uintptr = t.synthetic('uintptr', 'uintptr', { size: 8, align: 8, hasPointers: false, directIface: false });
    const arr = t.synthetic('array', `[${words}]uintptr`, { elem: uintptr, len: words, size: 8 * words, hasPointers: false, directIface: false });
    return t.ptrTo(arr);
  }

  /** `&.dict.f[int]`: the address of a read-only global dictionary. */
  dictAddr(name: string, at: Pos): Expr {
    const ptr = this.dictType(1);
    const g: IrName = { kind: 'Name', sym: name, class: 'global', type: ptr.elem!, pos: at, curfn: null };
    return { op: 'ADDR', x: { op: 'NAME', name: g, type: g.type, pos: at }, type: ptr, pos: at };
  }

  /** The `.dict` parameter as seen from the function `fc` builds (closures capture it, see closure.ts). */
  private dictParam(fc: FuncCtx, at: Pos): Expr | null {
    let root: FuncCtx = fc;
    while (root.outer) root = root.outer;
    const d = root.dict;
    if (!d) return null;
    return { op: 'NAME', name: d, type: d.type, pos: at };
  }

  /** `.dict[i]`: a word of the current dictionary. */
  private dictWord(fc: FuncCtx, i: number, at: Pos): Expr | null {
    const d = this.dictParam(fc, at);
    if (!d) return null;
    const arr = d.type.elem!;
    const deref: Expr = { op: 'DEREF', x: d, implicit: true, type: arr, pos: at };
    const lit: Expr = { op: 'LITERAL', value: { kind: 'int', value: BigInt(i) }, text: String(i), type: this.pkg.baseTypes.synthetic('int', 'int', { size: 8, align: 8, hasPointers: false, directIface: false }), pos: at };
    return { op: 'INDEX', x: deref, index: lit, type: arr.elem!, pos: at };
  }

  /** `(*[N]uintptr)(.dict[i])`: a subdictionary, for generic code called from a shape body. */
  private subdict(fc: FuncCtx, callee: string, words: number, at: Pos): Expr {
    const slots = this.slots;
    let i = 0;
    if (slots) {
      let k = slots.subdicts.get(callee);
      if (k === undefined) slots.subdicts.set(callee, (k = slots.subdicts.size));
      i = slots.methods.size + k;
    }
    // The word the writer gave this call (dictlayout.ts), when it saw it.
    const cur = this.current;
    const known = cur ? this.layoutOf(cur.src).subdictAt.get(`${cur.src.file}:${at.line}:${at.col}`) : undefined;
    if (known !== undefined) i = known;
    const word = this.dictWord(fc, i, at);
    const type = this.dictType(words);
    if (!word) return { op: 'NIL', type, pos: at };
    return { op: 'CONVNOP', x: word, type, pos: at };
  }

  /**
   * `(func(go.shape.*p.cell, int))(&.dict[i])`: a method of a type parameter, called
   * through the function pointer the dictionary holds (an unknown callee to escape analysis).
   */
  typeParamMethod(fc: FuncCtx, tp: TypeParam, method: string, type: IrType, at: Pos): Expr {
    const slots = this.slots;
    let i = 0;
    if (slots) {
      const key = `${tp.obj.name}.${method}`;
      let k = slots.methods.get(key);
      if (k === undefined) slots.methods.set(key, (k = slots.methods.size));
      i = k;
    }
    // The word the writer gave this method (dictlayout.ts): a generic type's methods share
    // one dictionary, so the count runs on from the methods declared before this one.
    const cur = this.current;
    const known = cur ? this.layoutOf(cur.src).methodExprAt.get(`${tp.index}.${method}`) : undefined;
    if (known !== undefined) i = known;
    const word = this.dictWord(fc, i, at);
    if (!word) return { op: 'NIL', type, pos: at };
    const addr: Expr = { op: 'ADDR', x: word, type: this.pkg.baseTypes.ptrTo(word.type), pos: at };
    return { op: 'CONVNOP', x: addr, type, pos: at };
  }

  // ───────────────────────────── bodies

  /** Lowers every pending instantiation (which may ask for more), most recent first. */
  drain(build: (inst: Instance) => void): void {
    for (;;) {
      const inst = this.pending.pop();
      if (!inst) return;
      const pkg = this.pkg;
      const saved = { info: pkg.info, types: pkg.types, file: pkg.file, requester: this.requester, slots: this.slots, current: this.current };
      this.current = inst.kind === 'shape' ? inst : null;
      pkg.info = inst.src.info;
      pkg.types = new IrTypes(pkg.pkg, pkg.shapes, undefined, inst.subst, inst.kind === 'shape' ? inst.targs : null);
      pkg.types.observer = (t) => this.typeRead(t);
      pkg.file = inst.src.file;
      this.requester = inst.requests;
      this.slots = inst.kind === 'shape' ? { methods: new Map(), subdicts: new Map() } : null;
      try {
        build(inst);
      } finally {
        pkg.info = saved.info;
        pkg.types = saved.types;
        pkg.file = saved.file;
        this.requester = saved.requester;
        this.slots = saved.slots;
        this.current = saved.current;
      }
    }
  }

  /** Every instantiation made so far. */
  all(): IrFunc[] {
    return [...this.byName.values()].map((i) => i.fn);
  }

  /**
   * The instantiations in the order gc appends them to the package's functions: a LIFO work
   * list seeded with the package's functions in declaration order (readBodies).
   */
  order(tops: readonly unknown[]): IrFunc[] {
    const out: IrFunc[] = [];
    const seen = new Set<Instance>();
    const stack: { inst: Instance | null; requests: readonly Instance[] }[] = tops.map((fn) => ({
      inst: null, requests: this.topRequests.get(fn) ?? [],
    }));
    for (;;) {
      const item = stack.pop();
      if (!item) break;
      if (item.inst) out.push(item.inst.fn);
      for (const r of item.requests) {
        if (seen.has(r)) continue;
        seen.add(r);
        stack.push({ inst: r, requests: r.requests });
      }
    }
    return out;
  }
}

/** A function with type parameters, or a method of a generic type. */
export function isGenericFunc(f: Func): boolean {
  const sig = f.type;
  if (sig.kind !== 'Signature') return false;
  if (sig.typeParams.length > 0 || sig.recvTypeParams.length > 0) return true;
  const r = sig.recv?.type;
  const base = r?.kind === 'Pointer' ? r.elem : r;
  return base?.kind === 'Named' && base.typeArgs.some((a) => a.kind === 'TypeParam');
}

/**
 * Where gc puts an instantiated declaration: a function at its name, a method at the `(`
 * opening its receiver (the wrapper's tail call is reported there).
 */
function declPos(d: ast.FuncDecl): Pos {
  if (d.recv) return { line: d.recv.line, col: Math.max(1, d.recv.col - 1) };
  return { line: d.name.line, col: d.name.col };
}
