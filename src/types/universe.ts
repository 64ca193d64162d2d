// The universe scope and package unsafe (go/types universe.go): predeclared types, constants,
// nil and the builtin functions. `byte` and `rune` are Basic types of their own name,
// identical to uint8 and int32; `any` is an alias of the empty interface; `error` a named
// interface with one method.

import type { Basic, BasicKind, Interface, Named, Signature, Type } from './types.js';
import { emptyTuple, newTuple } from './types.js';
import type { Builtin, BuiltinId, Const, Func, Package, TypeName, Var } from './objects.js';
import { Scope } from './objects.js';
import { boolVal, intVal } from './constant.js';

function basic(kind: BasicKind, name: string = kind): Basic {
  return { kind: 'Basic', basic: kind, name };
}

export const universeTypes = {
  invalid: basic('invalid', 'invalid type'),
  bool: basic('bool'),
  int: basic('int'), int8: basic('int8'), int16: basic('int16'), int32: basic('int32'), int64: basic('int64'),
  uint: basic('uint'), uint8: basic('uint8'), uint16: basic('uint16'), uint32: basic('uint32'),
  uint64: basic('uint64'), uintptr: basic('uintptr'),
  float32: basic('float32'), float64: basic('float64'),
  complex64: basic('complex64'), complex128: basic('complex128'),
  string: basic('string'),
  unsafePointer: basic('unsafe.Pointer', 'Pointer'),
  byte: basic('uint8', 'byte'),
  rune: basic('int32', 'rune'),
  untypedBool: basic('untyped bool'),
  untypedInt: basic('untyped int'),
  untypedRune: basic('untyped rune'),
  untypedFloat: basic('untyped float'),
  untypedComplex: basic('untyped complex'),
  untypedString: basic('untyped string'),
  untypedNil: basic('untyped nil'),
} as const;

export const invalidType: Type = universeTypes.invalid;

export const universe = new Scope(null, 'universe');

export const unsafePackage: Package = {
  path: 'unsafe',
  name: 'unsafe',
  scope: new Scope(universe, 'package unsafe'),
  imports: [],
  complete: true,
  fromModel: false,
};

function typeName(name: string, type: Type, pkg: Package | null = null, isAlias = false): TypeName {
  return { kind: 'TypeName', name, pos: null, file: '', pkg, type, parent: null, isAlias };
}

function variable(name: string, type: Type, varKind: Var['varKind']): Var {
  return { kind: 'Var', name, pos: null, file: '', pkg: null, type, parent: null, varKind, embedded: false, origin: null, used: true };
}

for (const [key, t] of Object.entries(universeTypes)) {
  if (key === 'invalid' || key === 'unsafePointer' || t.basic.startsWith('untyped')) continue;
  universe.insert(typeName(t.name, t));
}
unsafePackage.scope.insert(typeName('Pointer', universeTypes.unsafePointer, unsafePackage));

/** The empty interface behind `any` (printed as "any" when reached through it). */
export const universeAnyInterface: Interface = { kind: 'Interface', methods: [], embeddeds: [], unions: [] };
const anyName = typeName('any', universeAnyInterface, null, true);
export const anyType: Type = { kind: 'Alias', obj: anyName, rhs: universeAnyInterface, typeArgs: [] };
anyName.type = anyType;
universe.insert(anyName);

// error: type error interface{ Error() string }
const errorName = typeName('error', universeTypes.invalid);
const errorMethod: Func = {
  kind: 'Func', name: 'Error', pos: null, file: '', pkg: null, parent: null, decl: null, pragmas: [],
  origin: null, isInterfaceMethod: true,
  type: null as unknown as Type,
};
const errorInterface: Interface = { kind: 'Interface', methods: [errorMethod], embeddeds: [], unions: [] };
export const errorType: Named = {
  kind: 'Named', obj: errorName, underlying: errorInterface, methods: [], typeParams: [], typeArgs: [],
  origin: null as unknown as Named,
};
(errorType as { origin: Named }).origin = errorType;
errorName.type = errorType;
(errorMethod as { type: Type }).type = {
  kind: 'Signature', recv: variable('', errorType, 'recv'), typeParams: [], recvTypeParams: [],
  params: emptyTuple, results: newTuple([variable('', universeTypes.string, 'result')]), variadic: false,
} satisfies Signature;
universe.insert(errorName);

// comparable: an interface whose type set is the comparable types.
const comparableName = typeName('comparable', universeTypes.invalid);
export const comparableType: Named = {
  kind: 'Named', obj: comparableName,
  underlying: { kind: 'Interface', methods: [], embeddeds: [], unions: [], isComparable: true },
  methods: [], typeParams: [], typeArgs: [], origin: null as unknown as Named,
};
(comparableType as { origin: Named }).origin = comparableType;
comparableName.type = comparableType;
universe.insert(comparableName);

function constant(name: string, type: Type, value: Const['value']): Const {
  return { kind: 'Const', name, pos: null, file: '', pkg: null, type, parent: null, value };
}
universe.insert(constant('true', universeTypes.untypedBool, boolVal(true)));
universe.insert(constant('false', universeTypes.untypedBool, boolVal(false)));
universe.insert(constant('iota', universeTypes.untypedInt, intVal(0)));
universe.insert({ kind: 'Nil', name: 'nil', pos: null, file: '', pkg: null, type: universeTypes.untypedNil, parent: null });

const universeBuiltins: readonly BuiltinId[] = [
  'append', 'cap', 'clear', 'close', 'complex', 'copy', 'delete', 'imag', 'len', 'make', 'max', 'min',
  'new', 'panic', 'print', 'println', 'real', 'recover',
];
const unsafeBuiltins: readonly BuiltinId[] = ['Add', 'Alignof', 'Offsetof', 'Sizeof', 'Slice', 'SliceData', 'String', 'StringData'];

function builtin(id: BuiltinId, pkg: Package | null): Builtin {
  return { kind: 'Builtin', id, name: id, pos: null, file: '', pkg, type: universeTypes.invalid, parent: null };
}
for (const id of universeBuiltins) universe.insert(builtin(id, null));
for (const id of unsafeBuiltins) unsafePackage.scope.insert(builtin(id, unsafePackage));
