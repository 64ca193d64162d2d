// Rule models: gc's escape-analysis parameters as data (models/<version>/rules.json).
//
// A rules.json is a tree of sections whose leaves are parameters: `{ value, smallframes?,
// type, min?, max?, source, compilerFlag?, doc }`. Loading resolves each leaf to its value
// (the -smallframes one when asked), checks it against MODEL_SCHEMA (schema.ts), and returns
// a frozen Model: plain values the analysis reads (`model.limits.maxStackVarSize`) plus the
// documentation of every parameter (`model.parameters['limits.maxStackVarSize']`).
// A version directory may hold `"extends": "go1.26"` and only the leaves that differ.
// withSettings derives a changed model with immer, so a what-if run shares everything that
// did not change with the base model.

import { produce, freeze } from 'immer';
import { UserError } from '../errors.js';
import { MODEL_SCHEMA, schemaKeys, schemaKind, type ModelValues, type ValueKind } from './schema.js';
import { readText, type ModelStore } from './store.js';
import { defaultModelStore, fsModelStore } from './files.js';

export * from './schema.js';
export { formatMessage } from './messages.js';
export { buildTagsOf, buildTargetOf } from './build.js';
export { chooseModelVersion, parseGoVersion, type ModelChoice, type ModelChoiceInput } from './choose.js';
export { memoryModelStore, readText, type ModelStore } from './store.js';

export type ParamValue = number | boolean | string;

/** Documentation and bounds of one parameter, as rules.json gives them. */
export interface ParamSpec {
  readonly key: string;
  readonly kind: ValueKind;
  /** rules.json's `type`: bytes, int, bool or string. */
  readonly type: string;
  /** The value of the loaded model before any --set (the -smallframes one when loaded so). */
  readonly default: ParamValue;
  /** The compiler's default, without -smallframes. */
  readonly value: ParamValue;
  readonly smallframes?: ParamValue;
  readonly min?: number;
  readonly max?: number;
  /** The Go function or file the rule comes from. */
  readonly source: string;
  /** How the real compiler changes the same thing, when it can (`-smallframes`, `-d=zerocopy=0`). */
  readonly compilerFlag?: string;
  readonly doc: string;
}

export interface Model extends ModelValues {
  /** Model version: `go1.26`. */
  readonly version: string;
  /** The exact compiler release the model was checked against. */
  readonly compiler: string;
  readonly smallframes: boolean;
  readonly parameters: Readonly<Record<string, ParamSpec>>;
}

export interface LoadOptions {
  /** The compiler's -smallframes limits. */
  readonly smallframes?: boolean;
  /** Where the version directories are; default the package's models/. */
  readonly modelsRoot?: string;
  /** The files themselves (a run's AnalysisContext passes its own); default modelsRoot on disk. */
  readonly store?: ModelStore;
}

/** The store a call reads: the one given, else modelsRoot (or the package's models/) on disk. */
function storeOf(root: string | ModelStore | undefined): ModelStore {
  if (root === undefined) return defaultModelStore();
  return typeof root === 'string' ? fsModelStore(root) : root;
}

/** The versions with a rules.json, newest first (`models` a models/ folder or a store). */
export function listVersions(models?: string | ModelStore): string[] {
  const store = storeOf(models);
  return (store.list('') ?? [])
    .filter((name) => /^go\d+\.\d+$/.test(name) && (store.list(name) ?? []).includes('rules.json'))
    .sort(compareVersions)
    .reverse();
}

function compareVersions(a: string, b: string): number {
  const pa = a.slice(2).split('.').map(Number);
  const pb = b.slice(2).split('.').map(Number);
  return pa[0]! - pb[0]! || pa[1]! - pb[1]!;
}

/** `1.26`, `go1.26`, `go1.26.8` → `go1.26`. */
export function normalizeVersion(version: string): string {
  const m = /^(?:go)?(\d+)\.(\d+)(?:\.\d+|rc\d+)?$/.exec(version.trim());
  return m ? `go${m[1]}.${m[2]}` : version;
}

/**
 * The model a run gets when nothing chooses one (no --go, no go.mod wiring yet): go1.26, the
 * installed compiler's, which every stored check of the default output was made with; api.ts
 * defaults to the same. The contract's rule (go.mod's version, else the newest model) is
 * chooseModelVersion (choose.ts), for the pipeline to apply where it knows the module.
 */
export const defaultModelVersion = 'go1.26';

/** Load a model; default defaultModelVersion (else the newest). Unknown versions and broken files are UserErrors. */
export function loadModel(version?: string, options: LoadOptions = {}): Model {
  const store = options.store ?? storeOf(options.modelsRoot);
  const known = listVersions(store);
  const wanted = version === undefined ? (known.includes(defaultModelVersion) ? defaultModelVersion : known[0]) : normalizeVersion(version);
  if (wanted === undefined || !known.includes(wanted)) {
    throw new UserError(
      `goesc: unknown Go version ${JSON.stringify(version ?? '')}; known versions: ${known.join(', ') || '(none)'}`,
    );
  }
  // Read anew each time (a small JSON file): a model is a value, and nothing of it is kept
  // by the process.
  return buildModel(readRules(store, wanted, []), options.smallframes ?? false, `${store.location}/${wanted}/rules.json`);
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

function isObject(x: unknown): x is JsonObject {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** rules.json with its `extends` chain merged (leaf fields of the child win). */
function readRules(store: ModelStore, version: string, seen: string[]): JsonObject {
  const file = `${store.location}/${version}/rules.json`;
  if (seen.includes(version)) throw new UserError(`${file}: "extends" cycle: ${[...seen, version].join(' → ')}`);
  let parsed: unknown;
  try {
    const text = readText(store, `${version}/rules.json`);
    if (text === null) throw new Error('no such file');
    parsed = JSON.parse(text);
  } catch (err) {
    throw new UserError(`${file}: ${(err as Error).message}`);
  }
  if (!isObject(parsed)) throw new UserError(`${file}: expected a JSON object`);
  const base = parsed['extends'];
  if (base === undefined) return parsed;
  if (typeof base !== 'string') throw new UserError(`${file}: "extends" must name a version`);
  return mergeRules(readRules(store, normalizeVersion(base), [...seen, version]), parsed);
}

function mergeRules(base: JsonObject, child: JsonObject): JsonObject {
  const out: JsonObject = { ...base };
  for (const [k, v] of Object.entries(child)) {
    if (k === 'extends') continue;
    const b = out[k];
    out[k] = isObject(b) && isObject(v) ? mergeRules(b, v) : v;
  }
  return out;
}

const kindOfType: Record<string, ValueKind> = { bytes: 'number', int: 'number', bool: 'boolean', string: 'string' };

function buildModel(rules: JsonObject, smallframes: boolean, file: string): Model {
  const problems: string[] = [];
  const values: Record<string, Record<string, ParamValue>> = {};
  const parameters: Record<string, ParamSpec> = {};
  for (const [section, params] of Object.entries(rules)) {
    if (!isObject(params) || !Object.hasOwn(MODEL_SCHEMA, section)) continue;
    values[section] = {};
    for (const [name, leaf] of Object.entries(params)) {
      if (name.startsWith('$')) continue;
      const key = `${section}.${name}`;
      const kind = schemaKind(key);
      if (!kind) {
        problems.push(`${key}: not a parameter of the model (known: ${schemaKeys().filter((k) => k.startsWith(section + '.')).join(', ')})`);
        continue;
      }
      const spec = readParam(key, kind, leaf, smallframes, problems);
      if (spec) {
        parameters[key] = spec;
        values[section]![name] = spec.default;
      }
    }
  }
  for (const key of schemaKeys()) {
    if (!parameters[key] && !problems.some((p) => p.startsWith(key + ':'))) problems.push(`${key}: missing`);
  }
  for (const field of ['version', 'compiler'] as const) {
    if (typeof rules[field] !== 'string') problems.push(`"${field}": missing or not a string`);
  }
  if (problems.length > 0) throw new UserError([`${file}: invalid rule model:`, ...problems.map((p) => '  ' + p)]);
  const model = {
    ...(values as unknown as ModelValues),
    version: rules['version'] as string,
    compiler: rules['compiler'] as string,
    smallframes,
    parameters,
  };
  return freeze(model, true);
}

function readParam(key: string, kind: ValueKind, leaf: Json | undefined, smallframes: boolean, problems: string[]): ParamSpec | undefined {
  if (!isObject(leaf)) {
    problems.push(`${key}: expected an object with "value", "source" and "doc"`);
    return undefined;
  }
  const type = leaf['type'];
  if (typeof type !== 'string' || kindOfType[type] !== kind) {
    problems.push(`${key}: "type" must be ${Object.keys(kindOfType).filter((t) => kindOfType[t] === kind).join(' or ')}`);
    return undefined;
  }
  const bounds = { min: leaf['min'], max: leaf['max'] };
  for (const [b, v] of Object.entries(bounds)) {
    if (v !== undefined && typeof v !== 'number') problems.push(`${key}: "${b}" must be a number`);
  }
  const spec: ParamSpec = {
    key,
    kind,
    type,
    default: leaf['value'] as ParamValue,
    value: leaf['value'] as ParamValue,
    ...(leaf['smallframes'] !== undefined ? { smallframes: leaf['smallframes'] as ParamValue } : {}),
    ...(typeof bounds.min === 'number' ? { min: bounds.min } : {}),
    ...(typeof bounds.max === 'number' ? { max: bounds.max } : {}),
    source: typeof leaf['source'] === 'string' ? leaf['source'] : '',
    ...(typeof leaf['compilerFlag'] === 'string' ? { compilerFlag: leaf['compilerFlag'] } : {}),
    doc: typeof leaf['doc'] === 'string' ? leaf['doc'] : '',
  };
  if (!spec.source) problems.push(`${key}: "source" (the Go function it comes from) is missing`);
  for (const field of ['value', 'smallframes'] as const) {
    const v = leaf[field];
    if (v === undefined && field === 'smallframes') continue;
    const why = checkValue(spec, v);
    if (why) problems.push(`${key}: "${field}" ${why}`);
  }
  if (problems.some((p) => p.startsWith(key + ':'))) return undefined;
  return smallframes && spec.smallframes !== undefined ? { ...spec, default: spec.smallframes } : spec;
}

/** Why v is not a valid value for spec, or undefined when it is. */
function checkValue(spec: ParamSpec, v: unknown): string | undefined {
  switch (spec.kind) {
    case 'number':
      if (typeof v !== 'number' || !Number.isSafeInteger(v)) return `must be an integer (${spec.type})`;
      if (spec.min !== undefined && v < spec.min) return `must be at least ${spec.min}`;
      if (spec.max !== undefined && v > spec.max) return `must be at most ${spec.max}`;
      return undefined;
    case 'boolean':
      return typeof v === 'boolean' ? undefined : 'must be true or false';
    case 'string':
      return typeof v === 'string' ? undefined : 'must be a string';
  }
}

function allowedValues(spec: ParamSpec): string {
  switch (spec.kind) {
    case 'number': {
      const lo = spec.min ?? -Infinity;
      const hi = spec.max ?? Infinity;
      const range = lo === -Infinity && hi === Infinity ? 'any integer' : hi === Infinity ? `an integer >= ${lo}` : `an integer in [${lo}, ${hi}]`;
      return spec.type === 'bytes' ? `${range} (bytes; k/K and m/M suffixes allowed)` : range;
    }
    case 'boolean':
      return 'true or false (also on/off, 1/0)';
    case 'string':
      return 'any string';
  }
}

/** Turn a command-line value into the parameter's kind; undefined when it cannot be read. */
function coerce(spec: ParamSpec, raw: unknown): ParamValue | undefined {
  if (typeof raw !== 'string') return typeof raw === spec.kind ? (raw as ParamValue) : undefined;
  const s = raw.trim();
  switch (spec.kind) {
    case 'number': {
      const m = /^(-?\d+)([kKmM]?)$/.exec(s);
      if (!m) return undefined;
      const scale = m[2] === '' ? 1 : /k/i.test(m[2]!) ? 1024 : 1024 * 1024;
      return Number(m[1]) * scale;
    }
    case 'boolean':
      if (/^(true|on|1|yes)$/i.test(s)) return true;
      if (/^(false|off|0|no)$/i.test(s)) return false;
      return undefined;
    case 'string':
      return raw;
  }
}

/** Every parameter key of a model, for error messages and `whatif --list`. */
export function parameterKeys(model: Model): string[] {
  return Object.keys(model.parameters);
}

/**
 * A copy of `model` with some parameters changed: `{ 'limits.maxStackVarSize': 1024 }`.
 * Values may be strings as typed on a command line. Unknown keys and bad values are
 * UserErrors that say what is allowed.
 */
export function withSettings(model: Model, settings: Readonly<Record<string, unknown>>): Model {
  const problems: string[] = [];
  const resolved: Array<[string, string, ParamValue]> = [];
  for (const [key, raw] of Object.entries(settings)) {
    const spec = model.parameters[key];
    if (!spec) {
      const near = parameterKeys(model).filter((k) => k.toLowerCase().includes((key.split('.').pop() ?? key).toLowerCase()));
      problems.push(
        `unknown model parameter ${JSON.stringify(key)}` +
          (near.length > 0 ? `; did you mean ${near.join(', ')}?` : '') +
          `\n  parameters: ${parameterKeys(model).filter((k) => !/^(messages|flowReasons)\./.test(k)).join(', ')}` +
          `\n  (and the message spellings messages.* and flowReasons.*)`,
      );
      continue;
    }
    const value = coerce(spec, raw);
    const why = value === undefined ? 'cannot be read' : checkValue(spec, value);
    if (value === undefined || why) {
      problems.push(`bad value ${JSON.stringify(String(raw))} for ${key}: ${why}; allowed: ${allowedValues(spec)}`);
      continue;
    }
    const [section, name] = key.split('.') as [string, string];
    resolved.push([section, name, value]);
  }
  if (problems.length > 0) throw new UserError(problems.map((p) => `goesc: ${p}`));
  return produce(model, (draft) => {
    for (const [section, name, value] of resolved) {
      (draft as unknown as Record<string, Record<string, ParamValue>>)[section]![name] = value;
    }
  });
}

/**
 * The compiler's build-mode flags as model settings: `-race` (which implies
 * `-d=checkptr` unless that is given as 0, base/flag.go) and the `-d` keys goesc models,
 * `checkptr[=N]` and `inlfuncswithclosures[=N]`. Another `-d` key is a UserError that
 * lists these, rather than an answer for a build the compiler would not have made.
 */
export function withCompilerFlags(model: Model, flags: { readonly race: boolean; readonly debug: readonly string[] }): Model {
  const settings: Record<string, string> = {};
  let checkptr: boolean | undefined;
  const modelled: Record<string, (on: boolean) => void> = {
    checkptr: (on) => void (checkptr = on),
    inlfuncswithclosures: (on) => void (settings['inline.funcsWithClosures'] = String(on)),
  };
  for (const item of flags.debug.flatMap((d) => d.split(',')).filter(Boolean)) {
    const [key = '', value = '1'] = item.split('=');
    const set = modelled[key];
    if (!set || !/^\d+$/.test(value)) {
      throw new UserError(`goesc: -d=${item} is not modelled; goesc models -d=${Object.keys(modelled).join(', -d=')} (and -race)`);
    }
    set(Number(value) !== 0);
  }
  if (flags.race) settings['inline.race'] = 'true';
  if (checkptr ?? flags.race) settings['inline.checkptr'] = 'true';
  return Object.keys(settings).length ? withSettings(model, settings) : model;
}

/** Parse `KEY=VALUE` strings (as --set gives them) into a settings object. */
export function parseSettings(pairs: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UserError(`goesc: --set expects KEY=VALUE, got ${JSON.stringify(pair)}`);
    out[pair.slice(0, eq).trim()] = pair.slice(eq + 1);
  }
  return out;
}

/** The parameter keys whose values differ between two models of the same version. */
export function changedParameters(a: Model, b: Model): string[] {
  const changed: string[] = [];
  for (const key of schemaKeys()) {
    const [section, name] = key.split('.') as [string, string];
    const va = (a as unknown as Record<string, Record<string, ParamValue>>)[section]![name];
    const vb = (b as unknown as Record<string, Record<string, ParamValue>>)[section]![name];
    if (va !== vb) changed.push(key);
  }
  return changed;
}

/** Read one parameter by key. */
export function getParameter(model: Model, key: string): ParamValue | undefined {
  const [section, name] = key.split('.');
  const s = (model as unknown as Record<string, Record<string, ParamValue> | undefined>)[section ?? ''];
  return s && name !== undefined && Object.hasOwn(s, name) ? s[name] : undefined;
}
