// The shape of a rule model: which parameters exist, their kinds, and the TypeScript type the
// analysis reads. The values, their sources in the Go compiler and their docs live in
// models/<version>/rules.json; this table only fixes the contract, so that a rules.json with a
// missing, extra or mistyped parameter is refused at load time rather than misread later.

export type ValueKind = 'number' | 'boolean' | 'string';

export const MODEL_SCHEMA = {
  arch: { ptrSize: 'number' },
  build: { releaseTags: 'number', toolTags: 'string' },
  wrappers: { forwardInstances: 'boolean' },
  limits: {
    maxStackVarSize: 'number',
    maxImplicitStackVarSize: 'number',
    maxStackAlign: 'number',
    closureByValueMaxSize: 'number',
    variableMakeThreshold: 'number',
    ifaceStackTempMaxSize: 'number',
    mapStackGroupSlots: 'number',
  },
  ifaceConversions: {
    zeroSized: 'boolean',
    singleByte: 'boolean',
    readonlyConstant: 'boolean',
    nonEscapingStackTemp: 'boolean',
  },
  rewrites: {
    makeSliceConstSize: 'boolean',
    makeSliceLenOfSliceLit: 'boolean',
    convIfaceConst: 'boolean',
  },
  optimizations: {
    zeroCopyStringToBytes: 'boolean',
    variableMakeStackBuffer: 'boolean',
    appendStackBuffer: 'boolean',
    closureCaptureByValue: 'boolean',
    paramTagsAcrossCalls: 'boolean',
    assignedCallees: 'boolean',
  },
  inline: {
    budget: 'number',
    extraCallCost: 'number',
    paramCallCost: 'number',
    panicCost: 'number',
    closureCost: 'number',
    bigFunctionNodes: 'number',
    bigFunctionMaxCost: 'number',
    closureCalledOnceCost: 'number',
    funcsWithClosures: 'boolean',
    race: 'boolean',
    checkptr: 'boolean',
    runtimePackages: 'string',
    noInstrumentPackages: 'string',
    noRaceFuncPackages: 'string',
  },
  asm: { maxConcatStringArgs: 'number', maxOpenDefers: 'number', maxOpenDeferReturnProduct: 'number', sizeSpecializedMallocMax: 'number' },
  heapAllocReasons: { tooLarge: 'string', tooAligned: 'string', zeroSizedElement: 'string' },
  messages: {
    movedToHeap: 'string',
    escapesToHeap: 'string',
    doesNotEscape: 'string',
    appendEscapes: 'string',
    appendDoesNotEscape: 'string',
    zeroCopy: 'string',
    leakingParam: 'string',
    leakingParamContent: 'string',
    leakingParamToResult: 'string',
    paramDoesNotEscape: 'string',
    unnamedParam: 'string',
    unsafeUintptr: 'string',
    escapingUintptr: 'string',
    escapingUintptrVariadic: 'string',
    mutatesParam: 'string',
    callsParam: 'string',
    doesNotEscapeMutateOrCall: 'string',
    capturing: 'string',
    escapesIn: 'string',
    paramLeaksTo: 'string',
    flow: 'string',
    flowFrom: 'string',
    truncatedExplanation: 'string',
    heapLocation: 'string',
    tempLocation: 'string',
    storageFor: 'string',
  },
  flowReasons: {
    addressOf: 'string',
    indirection: 'string',
    dot: 'string',
    dotOfPointer: 'string',
    fixedArrayIndex: 'string',
    slice: 'string',
    sliceToArray: 'string',
    interfaceConverted: 'string',
    conversionToUnsafePointer: 'string',
    spill: 'string',
    arrayLiteralElement: 'string',
    sliceLiteralElement: 'string',
    structLiteralElement: 'string',
    mapLiteralKey: 'string',
    mapLiteralValue: 'string',
    capturedByClosure: 'string',
    reference: 'string',
    assign: 'string',
    assignPair: 'string',
    assignPairDotType: 'string',
    assignPairMapr: 'string',
    assignPairReceive: 'string',
    keyOfMapPut: 'string',
    send: 'string',
    range: 'string',
    rangeDeref: 'string',
    switchCase: 'string',
    return: 'string',
    callParameter: 'string',
    calleeOperand: 'string',
    appendeeSlice: 'string',
    appendedSlice: 'string',
    copiedSlice: 'string',
    uintptrEscapes: 'string',
    reflectHeaderData: 'string',
  },
} as const satisfies Record<string, Record<string, ValueKind>>;

type Schema = typeof MODEL_SCHEMA;
type ValueOf<K extends ValueKind> = K extends 'number' ? number : K extends 'boolean' ? boolean : string;

export type SectionName = keyof Schema;
export type Section<S extends SectionName> = { readonly [K in keyof Schema[S]]: ValueOf<Schema[S][K] & ValueKind> };

/** The parameter values, one object per section: `model.limits.maxStackVarSize`. */
export type ModelValues = { readonly [S in SectionName]: Section<S> };

export type MessageKey = keyof Schema['messages'];
export type FlowReasonKey = keyof Schema['flowReasons'];

/** Every parameter key, `section.name`, in schema order. */
export function schemaKeys(): string[] {
  const keys: string[] = [];
  for (const [section, params] of Object.entries(MODEL_SCHEMA)) {
    for (const name of Object.keys(params)) keys.push(`${section}.${name}`);
  }
  return keys;
}

export function schemaKind(key: string): ValueKind | undefined {
  const [section, name, ...rest] = key.split('.');
  if (!section || !name || rest.length > 0) return undefined;
  const params = (MODEL_SCHEMA as Record<string, Record<string, ValueKind>>)[section];
  return params && Object.hasOwn(params, name) ? params[name] : undefined;
}
