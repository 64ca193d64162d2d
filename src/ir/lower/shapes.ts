// Shape types: what gc's front end instantiates generic code with.
//
// gc never compiles a generic body as written. For each instantiation a package needs, the
// unified IR reader (noder/reader.go objDictIdx, shapify) replaces every type argument by
// its *shape*: a named type `go.shape.<LinkString of the underlying type>` whose underlying
// type is the argument's — except that a pointer argument for a type parameter whose
// constraint is a basic interface (methods only) becomes `go.shape.*uint8`, since such code
// cannot look through the pointer. Instantiations whose shapes agree share one body
// (`f[go.shape.int]`, DUPOK); each concrete instantiation `f[int]` is a wrapper that tail
// calls it with its dictionary `&.dict.f[int]`.
//
// Names follow types/fmt.go in fmtTypeID mode (Type.LinkString, src/types/gcfmt.ts): named
// types qualified by package path (the local one too: `p.cell`), unexported struct fields and
// interface methods qualified the same way (`struct { p.v int }`), byte/rune/any spelled as
// uint8/int32/interface {}.

import type { Interface, Named, Type, TypeName, TypeParam } from '../../types/index.js';
import { under } from '../../types/index.js';
import { typeSetOf } from '../../types/typeset.js';
import { instantiateNamed } from '../../types/instantiate.js';
import { linkString } from '../../types/gcfmt.js';
import { hex, sha256 } from '../../util/sha256.js';

const SHAPE_PREFIX = 'go.shape.';

/**
 * base.Debug.MaxShapeLen's default (base/flag.go): a shape whose link string is longer is
 * named by its hash instead (shapify, #65030), `go.shape.5614d737...` for reflect.Type.
 */
const MAX_SHAPE_LEN = 500;

/** cmd/internal/hash.Sum32: SHA-256 with the first byte flipped, so it differs from plain SHA-256. */
function shapeHash(link: string): string {
  const sum = sha256(link);
  sum[0] = sum[0]! ^ 0xff;
  return hex(sum);
}

/**
 * The shape types of one package's lowering, one object per name. Per package, never per
 * process: the name spells the underlying type's structure through its named types
 * (`go.shape.struct { p.x p.T }`), and two packages (or two edits of one package) may give
 * the same name a different `p.T`.
 */
export class ShapeTable {
  private readonly byName = new Map<string, Named>();
  /**
   * Every shape made, in order, with the type argument it was first made for: gc wraps the
   * methods of each (reader.go needWrapper), declared where that argument's methods are.
   */
  readonly made: { readonly shape: Named; readonly from: Type }[] = [];

  /** reader.go shapify: the shape of type argument `targ`. */
  shapify(targ: Type, basic: boolean): Type {
    if (isShape(targ)) return targ;
    // A type argument met again while its own shape is being made (entry[K] holding an
    // atomic.Pointer[entry[K]]) is still a TFORW to gc, which leaves it as it is.
    if (this.shaping.has(targ)) return targ;
    this.shaping.add(targ);
    try {
      return this.shapifyUnder(targ, basic);
    } finally {
      this.shaping.delete(targ);
    }
  }

  private readonly shaping = new Set<Type>();

  private shapifyUnder(targ: Type, basic: boolean): Type {
    // The argument itself first (a generic instance with a shaped argument, `Box[KV[go.shape.int]]`,
    // exists to gc only as `Box[go.shape.struct {...}]`), then the instances in its structure.
    let u = this.shapedInstances(under(this.shapedInstances(targ)));
    if (u.kind === 'Interface' && hasShape(targ)) return targ;
    const pointerShaping = basic && u.kind === 'Pointer';
    if (pointerShaping && u.kind === 'Pointer' && !isShape(u.elem) && hasShape(u.elem)) return targ;
    if (pointerShaping) u = { kind: 'Pointer', elem: { kind: 'Basic', basic: 'uint8', name: 'uint8' } };
    const link = linkString(u);
    return this.named(link.length > MAX_SHAPE_LEN ? shapeHash(link) : link, u, targ);
  }

  /**
   * t with every generic instance whose type arguments mention a shape instantiated with
   * their shapes instead (objDictIdx: an instance with an already shaped argument is a
   * shaped object, all of its arguments shapified): inside `indirect[go.shape.int]` the
   * field `atomic.Pointer[node[K]]` is `atomic.Pointer[go.shape.struct { isEntry bool }]`,
   * and in a shape body `Slicer[KeyValuePair[K, V]]` is `Slicer[go.shape.struct { Key
   * go.shape.int; Value go.shape.bool }]`.
   */
  shapedInstances(t: Type): Type {
    switch (t.kind) {
      case 'Named': {
        if (t.typeArgs.length === 0 || t.typeArgs.every(isShape) || !t.typeArgs.some(hasShape)) return t;
        if (t.origin.typeParams.length !== t.typeArgs.length) return t;
        return instantiateNamed(t.origin, this.shapesOf(t.typeArgs, t.origin.typeParams));
      }
      case 'Pointer': case 'Slice': case 'Array': case 'Chan': {
        const elem = this.shapedInstances(t.elem);
        return elem === t.elem ? t : { ...t, elem };
      }
      case 'Map': {
        const key = this.shapedInstances(t.key);
        const elem = this.shapedInstances(t.elem);
        return key === t.key && elem === t.elem ? t : { ...t, key, elem };
      }
      case 'Struct': {
        const fields = t.fields.map((f) => {
          const type = this.shapedInstances(f.type);
          return type === f.type ? f : { ...f, type };
        });
        return fields.every((f, i) => f === t.fields[i]) ? t : { ...t, fields };
      }
      default:
        return t;
    }
  }

  /**
   * objDictIdx: the shape of each type argument, under its type parameter's constraint; an
   * `unfinished` one (a shaped type whose structure is being read, a TFORW to gc: entry[K]'s
   * own atomic.Pointer[entry[K]]) stays as it is.
   */
  shapesOf(targs: readonly Type[], tparams: readonly TypeParam[], unfinished?: (t: Type) => boolean): Type[] {
    return targs.map((a, i) => (unfinished?.(a) && hasShape(a) ? a : this.shapify(a, basicConstraint(tparams[i]!))));
  }

  /** The shape type named `go.shape.<link>` with the given underlying type. */
  private named(link: string, underlying: Type, from: Type): Named {
    const name = SHAPE_PREFIX + link;
    const hit = this.byName.get(name);
    if (hit) return hit;
    const obj: TypeName = { kind: 'TypeName', name, pos: null, file: '', pkg: null, type: null as unknown as Type, parent: null, isAlias: false };
    const named = { kind: 'Named', obj, underlying, methods: [], typeParams: [], typeArgs: [] } as unknown as Named & { origin: Named };
    named.origin = named;
    obj.type = named;
    this.byName.set(name, named);
    this.made.push({ shape: named, from });
    return named;
  }
}

/** Type.IsShape: a `go.shape.*` type. */
export function isShape(t: Type): boolean {
  return t.kind === 'Named' && t.obj.pkg === null && t.obj.name.startsWith(SHAPE_PREFIX);
}

/** Whether `test` holds for t or for a type t is built from (type arguments included). */
function mentions(t: Type, test: (x: Type) => boolean, seen: Set<Type> = new Set()): boolean {
  if (seen.has(t)) return false;
  seen.add(t);
  if (test(t)) return true;
  const any = (xs: readonly Type[]) => xs.some((x) => mentions(x, test, seen));
  switch (t.kind) {
    case 'Named':
      return any(t.typeArgs);
    case 'Pointer': case 'Slice': case 'Array': case 'Chan':
      return mentions(t.elem, test, seen);
    case 'Map':
      return any([t.key, t.elem]);
    case 'Struct':
      return any(t.fields.map((f) => f.type));
    case 'Signature':
      return any([...t.params.vars, ...t.results.vars].map((v) => v.type));
    case 'Tuple':
      return any(t.vars.map((v) => v.type));
    case 'Alias':
      return mentions(t.rhs, test, seen);
    default:
      return false;
  }
}

/** Type.HasShape: t mentions a shape type anywhere. */
export function hasShape(t: Type): boolean {
  return mentions(t, isShape);
}

/**
 * The writer's derived bit (noder/writer.go typIdx): t mentions a type parameter, or a type
 * declared inside a generic function, which has that function's type parameters as implicit
 * ones whether or not it uses them (a local `type stackItem struct{ n *node[T] }`).
 */
export function derivedType(t: Type): boolean {
  return mentions(t, (x) => x.kind === 'TypeParam' || (x.kind === 'Named' && hasImplicitTypeParams(x.obj)));
}

/** A type declared in a scope that some enclosing generic function's type parameters are in. */
function hasImplicitTypeParams(obj: TypeName): boolean {
  // Type parameters are in function scopes, never the package's or the universe's (whose
  // parent is null), so only a local type's few enclosing blocks are walked.
  for (let s = obj.parent; s && s.parent && s.parent.parent; s = s.parent) {
    for (const o of s.names.values()) if (o.kind === 'TypeName' && o.type.kind === 'TypeParam') return true;
  }
  return false;
}

/** Whether t mentions a type parameter (so gc needs the dictionary for it). */
export function mentionsTypeParam(t: Type): boolean {
  return mentions(t, (x) => x.kind === 'TypeParam');
}

/**
 * The writer's `basic` bit for a type parameter (types2 Interface.IsMethodSet): its
 * constraint restricts only methods — no type terms, not comparable.
 */
export function basicConstraint(tp: TypeParam): boolean {
  const u = under(tp.constraint);
  if (u.kind !== 'Interface') return true;
  const ts = typeSetOf(u as Interface);
  return ts.terms === null && !ts.comparable;
}

