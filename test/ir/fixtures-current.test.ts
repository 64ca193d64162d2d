// The stored compiler answers for test/ir/cases are current: with Go on PATH, recompile
// each case and compare with its fixture (regenerate with `sh test/ir/gen-fixtures.sh`).
import { expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { irTestDir, readFixture } from './fixtures.js';

const hasGo = spawnSync('go', ['version']).status === 0;
if (!hasGo) console.log('go is not on PATH: the test/ir fixture freshness check is skipped');

it.runIf(hasGo)('test/ir fixtures match the installed compiler', () => {
  const root = join(irTestDir, '..', '..');
  const cfgList = spawnSync('go', ['list', '-export', '-f', '{{if .Export}}packagefile {{.ImportPath}}={{.Export}}{{end}}', 'std'], { encoding: 'utf8' });
  const dir = mkdtempSync(join(tmpdir(), 'goesc-ir-'));
  const cfg = join(dir, 'importcfg');
  writeFileSync(cfg, cfgList.stdout);
  for (const f of readdirSync(join(irTestDir, 'cases'))) {
    const rel = `test/ir/cases/${f}`;
    const r = spawnSync('go', ['tool', 'compile', '-p=p', `-importcfg=${cfg}`, '-o', join(dir, 'x.o'), `-trimpath=${root}=>`, '-m', '-l', rel], { cwd: root, encoding: 'utf8' });
    const live = (r.stdout + r.stderr).split('\n').filter((l) => l.trim() !== '');
    const stored = readFixture(f.replace(/\.go$/, '')).map((l) => `${l.file}:${l.line}:${l.col}: ${l.message}`);
    expect(live, `${rel} (regenerate: sh test/ir/gen-fixtures.sh)`).toEqual(stored);
  }
}, 60_000);
