// Checker types → IrType: the facts escape analysis asks of a type (layout, pointers,
// pointer-shapedness) and gc's own rendering of it.
//
// The rendering follows $GOROOT/src/cmd/compile/internal/types/fmt.go (tconv2 in fmtGo
// mode), which differs from go/types' TypeString: `struct { x int }`, `interface { M() }`,
// `func(int, ...string) (int, error)` without parameter names, types of the package being
// compiled unqualified and others qualified by package name; `any`, `byte` and `rune` keep
// their names. IsDirectIface follows types/type.go: pointer-shaped types (pointers, chans,
// maps, funcs, unsafe.Pointer, and one-element arrays / one-field structs of those).

import type { Named, Package, Type } from '../../types/index.js';
import { amd64Sizes, under } from '../../types/index.js';
import type { Sizes } from '../../types/index.js';
import type { IrType, TypeKind } from '../ir.js';
import { subst, type Substitution } from '../../types/instantiate.js';
import { basicConstraint, type ShapeTable } from './shapes.js';
import { gcTypeString } from '../../types/gcfmt.js';

export class IrTypes {
  private readonly cache = new Map<Type, IrType>();

  constructor(
    private readonly localPkg: Package | null,
    /** The package's shape types (ShapeTable: one per lowering, never shared). */
    readonly shapes: ShapeTable,
    private readonly sizes: Sizes = amd64Sizes,
    /**
     * Type parameters → shapes (or type arguments) for the body of an instantiation: the
     * checker typed the generic body once, with its type parameters, and gc analyses
     * `f[go.shape.int]`, so every type is substituted on its way into the IR.
     */
    readonly substitution: Substitution | null = null,
    /**
     * The shapes of a shape instantiation: a type declared inside the generic function is
     * generic over them too, gc names it `Int[go.shape.int]`, `T[go.shape.int;go.shape.int]`.
     */
    private readonly implicits: readonly Type[] | null = null,
  ) {}

  of(t: Type): IrType {
    const hit = this.cache.get(t);
    if (hit) return hit;
    const s = this.resolve(t);
    const made = s !== t ? this.of(s) : this.make(t);
    this.cache.set(t, made);
    return made;
  }

  /** The checker type t stands for here (t with the substitution applied). */
  resolve(t: Type): Type {
    // A generic instance whose arguments the substitution made shaped is a shaped object
    // to gc, every argument shapified (ShapeTable.shapedInstances).
    return this.substitution ? this.shapes.shapedInstances(subst(t, this.substitution)) : t;
  }

  /** A type made up by the lowering (the variadic `[]T`, `*T` of new): text from parts. */
  synthetic(kind: TypeKind, text: string, base: Partial<IrType>): IrType {
    const w = 8;
    return {
      kind, text, size: kind === 'slice' ? 3 * w : w, align: w, hasPointers: true,
      directIface: kind === 'ptr', ...base,
    };
  }

  sliceOf(elem: IrType): IrType {
    return this.synthetic('slice', `[]${elem.text}`, { elem });
  }

  ptrTo(elem: IrType): IrType {
    return this.synthetic('ptr', `*${elem.text}`, { elem });
  }

  text(t: Type): string {
    return this.of(t).text;
  }

  /**
   * Told of every type this conversion meets that may hold a named one: reading a type, gc
   * instantiates the methods of the generic types in it (instances.ts typeRead).
   */
  observer: ((t: Type) => void) | null = null;

  private make(t: Type): IrType {
    // gc reads a type whole, so `*os.File` in a signature reads os.File's fields too.
    if (t.kind !== 'Basic' && t.kind !== 'TypeParam') this.observer?.(t);
    const u = under(t);
    const kind = kindOf(u);
    const text = this.render(t);
    const untyped = u.kind === 'Basic' && u.basic.startsWith('untyped');
    let size = 0;
    let align = 1;
    if (!untyped && u.kind !== 'Tuple' && kind !== 'typeparam') {
      try {
        size = this.sizes.sizeof(t);
        align = this.sizes.alignof(t);
      } catch {
        size = 8;
        align = 8;
      }
    }
    // Lazily linked parts: recursive types (type L struct{ next *L }) must not loop. One
    // object literal per kind, the parts as its getters (no spread, no defineProperty:
    // this runs for every type a package's lowering meets, measured the lowering's
    // costliest line), its keys in the order they always had.
    const self = this;
    const hasPtrs = hasPointers(u, new Set());
    // types.IsDirectIface (Go 1.26): one pointer-sized word that is a pointer, so also
    // struct{ empty; *T } (zero-size fields first) but not struct{ *T; empty } (padded).
    const directIface = isDirectIface(u) || (size === 8 && hasPtrs && u.kind !== 'Interface');
    const source = t;
    switch (u.kind) {
      case 'Pointer':
      case 'Slice':
      case 'Chan':
        return { kind, size, align, text, source, hasPointers: hasPtrs, directIface, get elem() { return self.of(u.elem); } };
      case 'Array':
        return { kind, size, align, text, source, hasPointers: hasPtrs, directIface, get elem() { return self.of(u.elem); }, len: Number(u.len) };
      case 'Map':
        return { kind, size, align, text, source, hasPointers: hasPtrs, directIface, get elem() { return self.of(u.elem); }, get key() { return self.of(u.key); } };
      case 'Struct':
        return {
          kind, size, align, text, source, hasPointers: hasPtrs, directIface,
          get fields() {
            return u.fields.map((f) => ({ name: f.name, type: self.of(f.type), embedded: f.embedded }));
          },
        };
      case 'Signature':
        return {
          kind, size, align, text, source, hasPointers: hasPtrs, directIface,
          get params() {
            return u.params.vars.map((v) => self.of(v.type));
          },
          get results() {
            return u.results.vars.map((v) => self.of(v.type));
          },
          variadic: u.variadic,
        };
      case 'Tuple':
        return {
          kind, size, align, text, source, hasPointers: hasPtrs, directIface,
          get results() {
            return u.vars.map((v) => self.of(v.type));
          },
        };
      default:
        return untyped
          ? { kind, size, align, text, source, hasPointers: hasPtrs, directIface, untyped: true }
          : { kind, size, align, text, source, hasPointers: hasPtrs, directIface };
    }
  }

  // ───────────────────────────── gc's type text (types/fmt.go tconv2, fmtGo mode)

  render(t: Type): string {
    return gcTypeString(t, 'go', { localPkg: this.localPkg, named: (n) => this.localInstance(n) });
  }

  /**
   * A type declared inside a generic function, seen in a shape instantiation: gc names it
   * after the instantiation's shapes, then its own type arguments' shapes
   * (`T[go.shape.int;go.shape.int]`).
   */
  private localInstance(t: Named): string | null {
    const local = this.implicits && t.obj.pkg && t.obj.parent && t.obj.parent !== t.obj.pkg.scope;
    if (!local || !this.implicits!.length) return null;
    const impl = this.implicits!.map((a) => this.render(a)).join(',');
    const expl = t.typeArgs.map((a, i) => {
      const tp = t.origin.typeParams[i];
      return this.render(this.shapes.shapify(a, tp ? basicConstraint(tp) : true));
    });
    const name = t.obj.pkg === this.localPkg ? t.obj.name : `${t.obj.pkg!.name}.${t.obj.name}`;
    return `${name}[${impl}${expl.length ? `;${expl.join(',')}` : ''}]`;
  }
}

function kindOf(u: Type): TypeKind {
  switch (u.kind) {
    case 'Basic':
      if (u.basic.startsWith('untyped')) return u.basic === 'untyped nil' ? 'nil' : 'untyped';
      if (u.basic === 'invalid') return 'untyped';
      return u.basic as TypeKind;
    case 'Pointer': return 'ptr';
    case 'Slice': return 'slice';
    case 'Array': return 'array';
    case 'Map': return 'map';
    case 'Chan': return 'chan';
    case 'Struct': return 'struct';
    case 'Signature': return 'func';
    case 'Interface': return 'interface';
    case 'Tuple': return 'tuple';
    case 'TypeParam': return 'typeparam';
    default: return 'untyped';
  }
}

function hasPointers(u: Type, seen: Set<Type>): boolean {
  switch (u.kind) {
    case 'Basic':
      return u.basic === 'string' || u.basic === 'unsafe.Pointer';
    case 'Array':
      return u.len > 0n && hasPointers(under(u.elem), seen);
    case 'Struct': {
      if (seen.has(u)) return false;
      seen.add(u);
      return u.fields.some((f) => hasPointers(under(f.type), seen));
    }
    case 'Tuple':
      return u.vars.some((v) => hasPointers(under(v.type), seen));
    default:
      return true;
  }
}

/** types.IsDirectIface: the value fits an interface's data word as is. */
export function isDirectIface(u: Type): boolean {
  switch (u.kind) {
    case 'Pointer':
    case 'Chan':
    case 'Map':
    case 'Signature':
      return true;
    case 'Basic':
      return u.basic === 'unsafe.Pointer';
    case 'Array':
      return u.len === 1n && isDirectIface(under(u.elem));
    case 'Struct':
      return u.fields.length === 1 && isDirectIface(under(u.fields[0]!.type));
    default:
      return false;
  }
}
