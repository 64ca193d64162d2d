// The version-dependent parameters of gc's allocation lowering, read from the model
// (models/<version>/rules.json) so that `goesc whatif` and older models change them as data.
// Defaults are Go 1.26's; each field names the walk/ssagen code it stands for.

import { getParameter, type Model } from '../models/index.js';

export interface AsmRules {
  readonly ptrSize: number;
  /** walk/convert.go dataWord: a non-escaping conversion of a value up to this size uses a stack temp. */
  readonly ifaceStackTempMaxSize: number;
  /** order.go addrTemp: zero-valued composite literals up to this size point at runtime.zeroVal. */
  readonly zeroValSize: number;
  /** dataWord: pointer-shaped values are the data word itself. */
  readonly directIface: boolean;
  /** dataWord: zero-sized values point at runtime.zerobase. */
  readonly zeroSized: boolean;
  /** dataWord: bool and one-byte integers point into runtime.staticuint64s. */
  readonly singleByte: boolean;
  /** order.go: constants converted to interfaces live in read-only data. */
  readonly readonlyConstant: boolean;
  /** dataWord: non-escaping conversions use a stack temporary. */
  readonly nonEscapingStackTemp: boolean;
  /** walk/builtin.go walkMakeMap: maps whose hint fits one group get it on the stack (no call). */
  readonly mapStackGroupSlots: number;
  /** walk/builtin.go walkMakeSlice (Go 1.25+): a variable-size make keeps a makeslice fallback. */
  readonly variableMakeStackBuffer: boolean;
  /** walk/expr.go walkAddString: concatstring2..N, then concatstrings. */
  readonly maxConcatStringArgs: number;
  /** ssagen/ssa.go buildssa: at most this many open-coded defers per function. */
  readonly maxOpenDefers: number;
  /** ssagen/ssa.go buildssa: open-coding is abandoned when returns*defers exceeds this. */
  readonly maxOpenDeferReturnProduct: number;
  /** ir/cfg.go MaxImplicitStackVarSize: larger []byte("const") go to the heap. */
  readonly maxImplicitStackVarSize: number;
  /** ssagen/ssa.go append (Go 1.26): non-escaping appends use a stack backing store. */
  readonly appendStackBuffer: boolean;
  /** Its size (base.Debug.VariableMakeThreshold). */
  readonly appendStackBufferSize: number;
  /** ssagen/ssa.go specializedMallocSym (go1.27): objects up to this size get a size-class malloc; 0 never. */
  readonly sizeSpecializedMallocMax: number;
}

export const go126AsmRules: AsmRules = {
  ptrSize: 8,
  ifaceStackTempMaxSize: 1024,
  zeroValSize: 1024,
  directIface: true,
  zeroSized: true,
  singleByte: true,
  readonlyConstant: true,
  nonEscapingStackTemp: true,
  mapStackGroupSlots: 8,
  variableMakeStackBuffer: true,
  maxConcatStringArgs: 5,
  maxOpenDefers: 8,
  maxOpenDeferReturnProduct: 15,
  maxImplicitStackVarSize: 65536,
  appendStackBuffer: true,
  appendStackBufferSize: 32,
  sizeSpecializedMallocMax: 0,
};

/** The rules under a model; keys the model lacks keep Go 1.26's value. */
export function asmRulesOf(model: Model | null): AsmRules {
  if (!model) return go126AsmRules;
  const num = (key: string, dflt: number): number => {
    const v = getParameter(model, key);
    return typeof v === 'number' ? v : dflt;
  };
  const bool = (key: string, dflt: boolean): boolean => {
    const v = getParameter(model, key);
    return typeof v === 'boolean' ? v : dflt;
  };
  const d = go126AsmRules;
  return {
    ptrSize: num('arch.ptrSize', d.ptrSize),
    ifaceStackTempMaxSize: num('limits.ifaceStackTempMaxSize', d.ifaceStackTempMaxSize),
    zeroValSize: num('limits.zeroValSize', d.zeroValSize),
    directIface: bool('ifaceConversions.directIface', d.directIface),
    zeroSized: bool('ifaceConversions.zeroSized', d.zeroSized),
    singleByte: bool('ifaceConversions.singleByte', d.singleByte),
    readonlyConstant: bool('ifaceConversions.readonlyConstant', d.readonlyConstant),
    nonEscapingStackTemp: bool('ifaceConversions.nonEscapingStackTemp', d.nonEscapingStackTemp),
    mapStackGroupSlots: num('limits.mapStackGroupSlots', d.mapStackGroupSlots),
    variableMakeStackBuffer: bool('optimizations.variableMakeStackBuffer', d.variableMakeStackBuffer),
    maxConcatStringArgs: num('asm.maxConcatStringArgs', d.maxConcatStringArgs),
    maxOpenDefers: num('asm.maxOpenDefers', d.maxOpenDefers),
    maxOpenDeferReturnProduct: num('asm.maxOpenDeferReturnProduct', d.maxOpenDeferReturnProduct),
    maxImplicitStackVarSize: num('limits.maxImplicitStackVarSize', d.maxImplicitStackVarSize),
    appendStackBuffer: bool('optimizations.appendStackBuffer', d.appendStackBuffer),
    appendStackBufferSize: num('limits.variableMakeThreshold', d.appendStackBufferSize),
    sizeSpecializedMallocMax: num('asm.sizeSpecializedMallocMax', d.sizeSpecializedMallocMax),
  };
}

/** internal/runtime/gc SizeToSizeClass8 for the sizes a specialised malloc serves (up to 80 bytes). */
const sizeClassOf8: readonly number[] = [0, 1, 2, 3, 4, 5, 5, 6, 6, 7, 7];
/** internal/runtime/gc TinySize: pointer-free objects below it share the tiny allocator. */
const tinySize = 16;

/**
 * ssagen/ssa.go specializedMallocSym: the size-class malloc an object of `size` bytes calls
 * instead of runtime.newobject/mallocgc, or null when none applies (too big, or the model
 * has no specialised mallocs).
 */
export function specializedMalloc(rules: AsmRules, size: number, hasPointers: boolean): string | null {
  if (size <= 0 || size > rules.sizeSpecializedMallocMax) return null;
  const sizeClass = sizeClassOf8[Math.ceil(size / 8)];
  if (sizeClass === undefined) return null;
  if (hasPointers) return `runtime.mallocgcSmallScanNoHeaderSC${sizeClass}`;
  if (size < tinySize) return 'runtime.mallocgcTinySC2';
  return `runtime.mallocgcSmallNoScanSC${sizeClass}`;
}
