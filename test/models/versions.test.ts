// The go1.27 model beside go1.26: what differs between them (only the rule toggles that
// select go1.27's code paths), and which model a project gets (chooseModelVersion).
import { describe, expect, it } from 'vitest';
import { changedParameters, chooseModelVersion, listVersions, loadModel, parseGoVersion } from '../../src/models/index.js';
import { UserError } from '../../src/errors.js';

describe('models/go1.27', () => {
  it('is listed beside go1.26, newest first', () => {
    expect(listVersions().slice(0, 2)).toEqual(['go1.27', 'go1.26']);
  });

  it('extends go1.26 with exactly the go1.27 rule differences', () => {
    const a = loadModel('go1.26');
    const b = loadModel('go1.27');
    expect(b.compiler).toBe('go1.27.3');
    expect(changedParameters(a, b).sort()).toEqual(['asm.sizeSpecializedMallocMax', 'build.releaseTags', 'build.toolTags', 'optimizations.assignedCallees', 'wrappers.forwardInstances']);
    expect(a.optimizations.assignedCallees).toBe(false);
    expect(b.optimizations.assignedCallees).toBe(true);
    expect(a.asm.sizeSpecializedMallocMax).toBe(0);
    expect(b.asm.sizeSpecializedMallocMax).toBe(80);
    expect(a.wrappers.forwardInstances).toBe(true);
    expect(b.wrappers.forwardInstances).toBe(false);
  });
});

describe('chooseModelVersion', () => {
  const available = ['go1.26', 'go1.27'];

  it('takes the newest model outside a module', () => {
    expect(chooseModelVersion({ available })).toEqual({ version: 'go1.27' });
  });

  it('takes go.mod\'s toolchain line over its go line', () => {
    expect(chooseModelVersion({ available, goLine: '1.27', toolchainLine: 'go1.26.8' })).toEqual({ version: 'go1.26' });
    expect(chooseModelVersion({ available, goLine: '1.26.0', toolchainLine: 'default' })).toEqual({ version: 'go1.26' });
    expect(chooseModelVersion({ available, goLine: '1.27rc1' })).toEqual({ version: 'go1.27' });
  });

  it('clamps an older or newer version, with one note', () => {
    const old = chooseModelVersion({ available, goLine: '1.21' });
    expect(old.version).toBe('go1.26');
    expect(old.note).toMatch(/go1\.21.*older.*go1\.26/);
    const future = chooseModelVersion({ available, toolchainLine: 'go1.30.1' });
    expect(future.version).toBe('go1.27');
    expect(future.note).toMatch(/toolchain.*go1\.30.*newer.*go1\.27/);
  });

  it('takes the newest model below a version that has none', () => {
    const r = chooseModelVersion({ available: ['go1.24', 'go1.27'], goLine: '1.25' });
    expect(r.version).toBe('go1.24');
    expect(r.note).toMatch(/no model/);
  });

  it('lets --go override the project, and refuses an unknown one', () => {
    expect(chooseModelVersion({ available, requested: '1.26', goLine: '1.27' })).toEqual({ version: 'go1.26' });
    expect(chooseModelVersion({ available, requested: 'go1.27.3' })).toEqual({ version: 'go1.27' });
    expect(() => chooseModelVersion({ available, requested: 'go1.30' })).toThrow(UserError);
  });

  it('reads Go version spellings', () => {
    expect(parseGoVersion('go1.27.3')).toEqual([1, 27]);
    expect(parseGoVersion('1.21rc2')).toEqual([1, 21]);
    expect(parseGoVersion('go1.21.0+auto')).toEqual([1, 21]);
    expect(parseGoVersion('local')).toBeNull();
  });
});

describe('build tags per model', () => {
  it('are go1.26\'s linux/amd64 tags for go1.26 (src/load linuxAmd64)', async () => {
    const { buildTargetOf } = await import('../../src/models/index.js');
    const { linuxAmd64 } = await import('../../src/load/index.js');
    expect([...buildTargetOf(loadModel('go1.26')).tags].sort()).toEqual([...linuxAmd64.tags].sort());
  });

  it('add go1.27 and its default experiments for go1.27', async () => {
    const { buildTagsOf } = await import('../../src/models/index.js');
    const tags = buildTagsOf(loadModel('go1.27'));
    expect(tags).toContain('go1.27');
    expect(tags).toContain('goexperiment.jsonv2');
    expect(tags).toContain('goexperiment.sizespecializedmalloc');
    expect(buildTagsOf(loadModel('go1.26'))).not.toContain('goexperiment.jsonv2');
  });
});
