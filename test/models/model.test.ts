import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  changedParameters,
  formatMessage,
  getParameter,
  listVersions,
  loadModel,
  defaultModelVersion,
  normalizeVersion,
  parseSettings,
  schemaKeys,
  withSettings,
} from '../../src/models/index.js';
import { UserError } from '../../src/errors.js';

const rulesFile = path.resolve(__dirname, '../../models/go1.26/rules.json');

function errorOf(f: () => unknown): UserError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return e as UserError;
  }
  throw new Error('expected a UserError');
}

describe('rule model loading', () => {
  it('lists go1.26 and loads it by default with the compiler defaults', () => {
    expect(listVersions()).toContain('go1.26');
    const m = loadModel();
    expect(m.version).toBe(defaultModelVersion);
    expect(m.limits.maxStackVarSize).toBe(128 * 1024);
    expect(m.limits.maxImplicitStackVarSize).toBe(64 * 1024);
    expect(m.limits.closureByValueMaxSize).toBe(128);
    expect(m.limits.variableMakeThreshold).toBe(32);
    expect(m.messages.movedToHeap).toBe('moved to heap: $name');
    expect(m.smallframes).toBe(false);
  });

  it('applies the -smallframes values (gc/main.go)', () => {
    const m = loadModel('go1.26', { smallframes: true });
    expect(m.limits.maxStackVarSize).toBe(64 * 1024);
    expect(m.limits.maxImplicitStackVarSize).toBe(16 * 1024);
    expect(m.limits.closureByValueMaxSize).toBe(128);
    expect(m.parameters['limits.maxStackVarSize']!.value).toBe(128 * 1024);
  });

  it('accepts 1.26, go1.26 and go1.26.8 and refuses unknown versions listing the known ones', () => {
    expect(normalizeVersion('1.26')).toBe('go1.26');
    expect(normalizeVersion('go1.26.8')).toBe('go1.26');
    expect(loadModel('1.26').version).toBe('go1.26');
    const e = errorOf(() => loadModel('go1.7'));
    expect(e.message).toMatch(/unknown Go version "go1.7"; known versions: .*go1\.26/);
  });

  it('every schema key is in rules.json, documented with its Go source', () => {
    const m = loadModel();
    for (const key of schemaKeys()) {
      const spec = m.parameters[key];
      expect(spec, key).toBeDefined();
      expect(spec!.source.length, key).toBeGreaterThan(3);
      expect(getParameter(m, key)).toBe(spec!.default);
    }
  });

  it('is frozen', () => {
    const m = loadModel();
    expect(Object.isFrozen(m.limits)).toBe(true);
  });
});

describe('validation of rules.json', () => {
  const original = JSON.parse(readFileSync(rulesFile, 'utf8'));

  function rootWith(versions: Record<string, unknown>): string {
    const root = mkdtempSync(path.join(tmpdir(), 'goesc-models-'));
    for (const [v, rules] of Object.entries(versions)) {
      mkdirSync(path.join(root, v));
      writeFileSync(path.join(root, v, 'rules.json'), JSON.stringify(rules));
    }
    return root;
  }

  it('reports missing, unknown and mistyped parameters', () => {
    const broken = structuredClone(original);
    delete broken.limits.maxStackVarSize;
    broken.limits.bogus = { value: 1, type: 'int', source: 'x', doc: '' };
    broken.optimizations.zeroCopyStringToBytes.value = 3;
    broken.limits.closureByValueMaxSize.value = -1;
    const root = rootWith({ 'go1.26': broken });
    const e = errorOf(() => loadModel('go1.26', { modelsRoot: root }));
    const text = e.lines.join('\n');
    expect(text).toMatch(/limits\.maxStackVarSize: missing/);
    expect(text).toMatch(/limits\.bogus: not a parameter/);
    expect(text).toMatch(/optimizations\.zeroCopyStringToBytes: "value" must be true or false/);
    expect(text).toMatch(/limits\.closureByValueMaxSize: "value" must be at least 0/);
  });

  it('merges a version that extends another, newest first', () => {
    const root = rootWith({
      'go1.26': original,
      'go1.25': {
        extends: 'go1.26',
        version: 'go1.25',
        compiler: 'go1.25.0',
        optimizations: { appendStackBuffer: { value: false } },
      },
    });
    expect(listVersions(root)).toEqual(['go1.26', 'go1.25']);
    const m = loadModel('go1.25', { modelsRoot: root });
    expect(m.version).toBe('go1.25');
    expect(m.optimizations.appendStackBuffer).toBe(false);
    expect(m.limits.maxStackVarSize).toBe(128 * 1024);
  });
});

describe('withSettings', () => {
  const base = loadModel();

  it('changes only the named parameters, sharing the rest (immer)', () => {
    const m = withSettings(base, { 'limits.maxStackVarSize': '1k', 'optimizations.zeroCopyStringToBytes': 'off' });
    expect(m.limits.maxStackVarSize).toBe(1024);
    expect(m.optimizations.zeroCopyStringToBytes).toBe(false);
    expect(m.messages).toBe(base.messages);
    expect(base.limits.maxStackVarSize).toBe(128 * 1024);
    expect(changedParameters(base, m).sort()).toEqual(['limits.maxStackVarSize', 'optimizations.zeroCopyStringToBytes']);
    expect(withSettings(base, { 'rewrites.convIfaceConst': false }).rewrites.convIfaceConst).toBe(false);
  });

  it('refuses unknown keys, listing the parameters', () => {
    const e = errorOf(() => withSettings(base, { 'limits.maxStackVarSiz': 1 }));
    expect(e.message).toMatch(/unknown model parameter "limits.maxStackVarSiz"/);
    expect(e.message).toMatch(/limits\.maxImplicitStackVarSize/);
  });

  it('refuses bad values, saying what is allowed', () => {
    expect(errorOf(() => withSettings(base, { 'limits.maxStackVarSize': 'big' })).message).toMatch(
      /bad value "big" for limits.maxStackVarSize.*allowed: an integer >= 0/,
    );
    expect(errorOf(() => withSettings(base, { 'limits.maxStackVarSize': '-5' })).message).toMatch(/must be at least 0/);
    expect(errorOf(() => withSettings(base, { 'optimizations.appendStackBuffer': 'maybe' })).message).toMatch(/true or false/);
  });

  it('parses KEY=VALUE pairs', () => {
    expect(parseSettings(['a.b=1', 'c.d=x=y'])).toEqual({ 'a.b': '1', 'c.d': 'x=y' });
    expect(errorOf(() => parseSettings(['nokey'])).message).toMatch(/KEY=VALUE/);
  });
});

describe('formatMessage', () => {
  it('fills $placeholders and keeps braces', () => {
    const m = loadModel();
    expect(formatMessage(m.messages.leakingParamToResult, { name: 'p', result: '~r0', level: 0 })).toBe(
      'leaking param: p to result ~r0 level=0',
    );
    expect(formatMessage(m.messages.storageFor, { expr: 'new(int)' })).toBe('{storage for new(int)}');
    expect(() => formatMessage(m.messages.movedToHeap, {})).toThrow(/needs \$name/);
  });
});
