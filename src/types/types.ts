// The type representation, modelled on go/types (type.go, basic.go, named.go, signature.go,
// interface.go, typeparam.go, alias.go): one interface per type constructor, told apart by
// `kind`. Types are compared structurally by `identical` (predicates.ts), except Named,
// TypeParam and Alias, which have identity (one object per declaration or instantiation).
//
// The checker builds these objects and completes them while checking (a Named type's
// underlying type and methods are filled in when its declaration is checked); after
// checkPackage returns they are never changed again, so later stages may treat them as
// immutable values.

import type { Func, TypeName, Var } from './objects.js';

export type Type =
  | Basic
  | Pointer
  | Slice
  | ArrayType
  | MapType
  | Chan
  | Struct
  | Signature
  | Interface
  | Tuple
  | Named
  | Alias
  | TypeParam;

/** gc's basic kinds, untyped ones included (go/types BasicKind). */
export type BasicKind =
  | 'invalid'
  | 'bool'
  | 'int' | 'int8' | 'int16' | 'int32' | 'int64'
  | 'uint' | 'uint8' | 'uint16' | 'uint32' | 'uint64' | 'uintptr'
  | 'float32' | 'float64'
  | 'complex64' | 'complex128'
  | 'string'
  | 'unsafe.Pointer'
  | 'untyped bool' | 'untyped int' | 'untyped rune' | 'untyped float' | 'untyped complex'
  | 'untyped string' | 'untyped nil';

export interface Basic {
  readonly kind: 'Basic';
  readonly basic: BasicKind;
  /** The name the type is printed with: `byte` and `rune` keep their own names. */
  readonly name: string;
}

export interface Pointer {
  readonly kind: 'Pointer';
  readonly elem: Type;
}

export interface Slice {
  readonly kind: 'Slice';
  readonly elem: Type;
}

export interface ArrayType {
  readonly kind: 'Array';
  /** -1 when the length is unknown (an error was reported). */
  readonly len: bigint;
  readonly elem: Type;
}

export interface MapType {
  readonly kind: 'Map';
  readonly key: Type;
  readonly elem: Type;
}

export type ChanDir = 'both' | 'send' | 'recv';

export interface Chan {
  readonly kind: 'Chan';
  readonly dir: ChanDir;
  readonly elem: Type;
}

export interface Struct {
  readonly kind: 'Struct';
  /** Field objects in declaration order (`embedded` marks embedded fields). */
  readonly fields: readonly Var[];
  /** Tags as their string values ('' when absent), parallel to `fields`. */
  readonly tags: readonly string[];
}

export interface Tuple {
  readonly kind: 'Tuple';
  readonly vars: readonly Var[];
}

export interface Signature {
  readonly kind: 'Signature';
  /** The receiver of a method (null for functions and for method expressions). */
  readonly recv: Var | null;
  readonly typeParams: readonly TypeParam[];
  /** Receiver type parameters of a method on a generic type. */
  readonly recvTypeParams: readonly TypeParam[];
  readonly params: Tuple;
  readonly results: Tuple;
  /** The last parameter is `...T`; its type is recorded as `[]T`. */
  readonly variadic: boolean;
}

/** A type-set term: `T` or `~T`. */
export interface Term {
  readonly tilde: boolean;
  readonly type: Type;
}

export interface TypeSet {
  /** All methods, embedded ones included, sorted by name (unexported by package then name). */
  readonly methods: readonly Func[];
  /** null: every type (no type restriction); otherwise the union of these terms. */
  readonly terms: readonly Term[] | null;
  /** The interface is or embeds `comparable`. */
  readonly comparable: boolean;
}

export interface Interface {
  readonly kind: 'Interface';
  /** Methods declared in this interface literal. */
  readonly methods: readonly Func[];
  /** Embedded interfaces and type terms (unions appear as Union-shaped interfaces). */
  readonly embeddeds: readonly Type[];
  /** Union elements written in this interface (`~int | string`), one list per line. */
  readonly unions: readonly (readonly Term[])[];
  /** Computed lazily by typeSetOf (typeset.ts). */
  typeSet?: TypeSet;
  /** `any`, `comparable` and constraint literals `[T ~int]` keep this so they print right. */
  readonly implicit?: boolean;
  readonly isComparable?: boolean;
}

export interface Named {
  readonly kind: 'Named';
  readonly obj: TypeName;
  /** Set when the declaration is checked; never Named or Alias after that. */
  underlying: Type;
  /** Declared methods (for an instance: the origin's methods, substituted lazily). */
  methods: Func[];
  /** Declared type parameters of a generic type (of the origin). */
  typeParams: TypeParam[];
  /** The type arguments of an instance; empty for a non-instantiated type. */
  readonly typeArgs: readonly Type[];
  /** The generic type an instance was made from (itself when not an instance). */
  readonly origin: Named;
  /** Of a generic type: the instances made of it, one object per argument list (instantiateNamed). */
  instances?: Named[];
}

/** `type A = T` (materialized, as go/types does since Go 1.23). */
export interface Alias {
  readonly kind: 'Alias';
  readonly obj: TypeName;
  rhs: Type;
  readonly typeArgs: readonly Type[];
}

export interface TypeParam {
  readonly kind: 'TypeParam';
  readonly obj: TypeName;
  /** Index in its declaring list. */
  readonly index: number;
  /** The constraint (an Interface or a Named/Alias whose underlying is one). */
  constraint: Type;
}

// ───────────────────────────────────────────── small helpers every stage uses

/** The type behind an alias chain. */
export function unalias(t: Type): Type {
  while (t.kind === 'Alias') t = t.rhs;
  return t;
}

/** go/types Type.Underlying: never Named or Alias. A TypeParam is its own underlying. */
export function under(t: Type): Type {
  t = unalias(t);
  for (let i = 0; t.kind === 'Named' && i < 100; i++) t = unalias(t.underlying);
  return t;
}

/** The core type of a type parameter with a single underlying type, else `under(t)`. */
export function isBasic(t: Type, ...kinds: BasicKind[]): boolean {
  const u = under(t);
  return u.kind === 'Basic' && (kinds.length === 0 || kinds.includes(u.basic));
}

export function isInterface(t: Type): boolean {
  const u = under(t);
  return u.kind === 'Interface';
}

export function isTypeParam(t: Type): boolean {
  return unalias(t).kind === 'TypeParam';
}

export function isUntyped(t: Type): boolean {
  const u = unalias(t);
  return u.kind === 'Basic' && u.basic.startsWith('untyped');
}

/** Deref: the element type of a pointer, and whether there was one. */
export function deref(t: Type): [Type, boolean] {
  const u = unalias(t);
  if (u.kind === 'Pointer') return [u.elem, true];
  const uu = under(t);
  if (uu.kind === 'Pointer' && u.kind !== 'Named') return [uu.elem, true];
  return [t, false];
}

export function newPointer(elem: Type): Pointer {
  return { kind: 'Pointer', elem };
}

export function newSlice(elem: Type): Slice {
  return { kind: 'Slice', elem };
}

export function newTuple(vars: readonly Var[]): Tuple {
  return { kind: 'Tuple', vars };
}

export const emptyTuple: Tuple = { kind: 'Tuple', vars: [] };
