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
// Names follow types/fmt.go in fmtTypeID mode (Type.LinkString): named types qualified by
// package path (the local one too: `p.cell`), unexported struct fields and interface
// methods qualified the same way (`struct { p.v int }`), byte/rune/any spelled as
// uint8/int32/interface {}.

import type { Interface, Named, Package, Type, TypeName, TypeParam } from '../../types/index.js';
import { under } from '../../types/index.js';
import { typeSetOf } from '../../types/typeset.js';

const SHAPE_PREFIX = 'go.shape.';

/**
 * The shape types of one package's lowering, one object per name. Per package, never per
 * process: the name spells the underlying type's structure through its named types
 * (`go.shape.struct { p.x p.T }`), and two packages (or two edits of one package) may give
 * the same name a different `p.T`.
 */
export class ShapeTable {
  private readonly byName = new Map<string, Named>();

  /** reader.go shapify: the shape of type argument `targ`. */
  shapify(targ: Type, basic: boolean): Type {
    if (isShape(targ)) return targ;
    let u = under(targ);
    if (u.kind === 'Interface' && hasShape(targ)) return targ;
    const pointerShaping = basic && u.kind === 'Pointer';
    if (pointerShaping && u.kind === 'Pointer' && !isShape(u.elem) && hasShape(u.elem)) return targ;
    if (pointerShaping) u = { kind: 'Pointer', elem: { kind: 'Basic', basic: 'uint8', name: 'uint8' } };
    return this.named(linkString(u), u);
  }

  /** The shape type named `go.shape.<link>` with the given underlying type. */
  private named(link: string, underlying: Type): Named {
    const name = SHAPE_PREFIX + link;
    const hit = this.byName.get(name);
    if (hit) return hit;
    const obj: TypeName = { kind: 'TypeName', name, pos: null, file: '', pkg: null, type: null as unknown as Type, parent: null, isAlias: false };
    const named = { kind: 'Named', obj, underlying, methods: [], typeParams: [], typeArgs: [] } as unknown as Named & { origin: Named };
    named.origin = named;
    obj.type = named;
    this.byName.set(name, named);
    return named;
  }
}

/** Type.IsShape: a `go.shape.*` type. */
export function isShape(t: Type): boolean {
  return t.kind === 'Named' && t.obj.pkg === null && t.obj.name.startsWith(SHAPE_PREFIX);
}

/** Type.HasShape: t mentions a shape type anywhere. */
export function hasShape(t: Type, seen: Set<Type> = new Set()): boolean {
  if (seen.has(t)) return false;
  seen.add(t);
  switch (t.kind) {
    case 'Named':
      return isShape(t) || t.typeArgs.some((a) => hasShape(a, seen));
    case 'Pointer': case 'Slice': case 'Array': case 'Chan':
      return hasShape(t.elem, seen);
    case 'Map':
      return hasShape(t.key, seen) || hasShape(t.elem, seen);
    case 'Struct':
      return t.fields.some((f) => hasShape(f.type, seen));
    case 'Signature':
      return [...t.params.vars, ...t.results.vars].some((v) => hasShape(v.type, seen));
    case 'Tuple':
      return t.vars.some((v) => hasShape(v.type, seen));
    case 'Alias':
      return hasShape(t.rhs, seen);
    default:
      return false;
  }
}

/** Whether t mentions a type parameter (so gc needs the dictionary for it). */
export function mentionsTypeParam(t: Type, seen: Set<Type> = new Set()): boolean {
  if (seen.has(t)) return false;
  seen.add(t);
  switch (t.kind) {
    case 'TypeParam':
      return true;
    case 'Named':
      return t.typeArgs.some((a) => mentionsTypeParam(a, seen));
    case 'Pointer': case 'Slice': case 'Array': case 'Chan':
      return mentionsTypeParam(t.elem, seen);
    case 'Map':
      return mentionsTypeParam(t.key, seen) || mentionsTypeParam(t.elem, seen);
    case 'Struct':
      return t.fields.some((f) => mentionsTypeParam(f.type, seen));
    case 'Signature':
      return [...t.params.vars, ...t.results.vars].some((v) => mentionsTypeParam(v.type, seen));
    case 'Tuple':
      return t.vars.some((v) => mentionsTypeParam(v.type, seen));
    case 'Alias':
      return mentionsTypeParam(t.rhs, seen);
    default:
      return false;
  }
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

// ───────────────────────────── LinkString (types/fmt.go, fmtTypeID)

function isExported(name: string): boolean {
  const c = name[0] ?? '';
  return c.toUpperCase() === c && c.toLowerCase() !== c;
}

function pkgPrefix(pkg: Package | null): string {
  return pkg ? `${pkg.name === 'main' ? 'main' : pkg.path}.` : '';
}

/** Type.LinkString: the type's unambiguous name, as gc spells instantiation symbols. */
export function linkString(t: Type, seen: Set<Type> = new Set()): string {
  switch (t.kind) {
    case 'Basic':
      if (t.basic === 'untyped nil') return 'nil';
      return t.basic;
    case 'Alias':
      return linkString(t.rhs, seen);
    case 'TypeParam':
      return t.obj.name;
    case 'Named': {
      if (isShape(t)) return t.obj.name;
      if (!t.obj.pkg) return t.obj.name;
      let s = pkgPrefix(t.obj.pkg) + t.obj.name;
      if (t.typeArgs.length) s += `[${t.typeArgs.map((a) => linkString(a, seen)).join(',')}]`;
      return s;
    }
    default:
      break;
  }
  if (seen.has(t)) return '...';
  seen.add(t);
  try {
    switch (t.kind) {
      case 'Pointer': return `*${linkString(t.elem, seen)}`;
      case 'Slice': return `[]${linkString(t.elem, seen)}`;
      case 'Array': return `[${t.len}]${linkString(t.elem, seen)}`;
      case 'Map': return `map[${linkString(t.key, seen)}]${linkString(t.elem, seen)}`;
      case 'Chan': {
        if (t.dir === 'send') return `chan<- ${linkString(t.elem, seen)}`;
        if (t.dir === 'recv') return `<-chan ${linkString(t.elem, seen)}`;
        const e = t.elem;
        const inner = linkString(e, seen);
        return e.kind === 'Chan' && e.dir === 'recv' ? `chan (${inner})` : `chan ${inner}`;
      }
      case 'Struct': {
        if (t.fields.length === 0) return 'struct {}';
        const fields = t.fields.map((f, i) => {
          const ft = linkString(f.type, seen);
          let s: string;
          if (f.embedded) s = ft;
          else s = `${isExported(f.name) ? f.name : pkgPrefix(f.pkg) + f.name} ${ft}`;
          const tag = t.tags[i];
          if (tag) s += ` ${JSON.stringify(tag)}`;
          return s;
        });
        return `struct { ${fields.join('; ')} }`;
      }
      case 'Signature': {
        const ps = t.params.vars.map((v, i) => {
          if (t.variadic && i === t.params.vars.length - 1) {
            const s = under(v.type);
            return '...' + linkString(s.kind === 'Slice' ? s.elem : v.type, seen);
          }
          return linkString(v.type, seen);
        });
        let s = `func(${ps.join(', ')})`;
        const rs = t.results.vars;
        if (rs.length === 1) s += ' ' + linkString(rs[0]!.type, seen);
        else if (rs.length > 1) s += ` (${rs.map((v) => linkString(v.type, seen)).join(', ')})`;
        return s;
      }
      case 'Interface': {
        const ms = [...typeSetOf(t).methods].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        if (ms.length === 0) return 'interface {}';
        const parts = ms.map((m) => {
          const name = isExported(m.name) ? m.name : pkgPrefix(m.pkg) + m.name;
          return name + linkString(m.type, seen).replace(/^func/, '');
        });
        return `interface { ${parts.join('; ')} }`;
      }
      case 'Tuple':
        return t.vars.map((v) => linkString(v.type, seen)).join(',');
      default:
        return '?';
    }
  } finally {
    seen.delete(t);
  }
}
