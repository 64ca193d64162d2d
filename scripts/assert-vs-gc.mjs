#!/usr/bin/env node
// node scripts/assert-vs-gc.mjs [--write] [--gcassert] [DIR]   (default DIR testdata/assert)
//
// Holds `goesc assert` against the real compiler. Every DIR/<name>.go is one package; the
// installed compiler compiles it with default flags and -m (what gcassert's `go build
// -gcflags=-m` sees), and goesc's own directive reading judges the directives once by gc's
// -m lines (gc's verdicts) and once by goesc's analysis. Prints one row per directive and
// the agreement on the checked ones; exit 1 when a verdict goesc checks differs from gc's.
// --write stores gc's verdicts as DIR/gc-verdicts.json for test/assert (a fixture made by
// the compiler, never typed). --gcassert also runs gcassert itself (go run ...@latest in a
// temporary module: needs the network) and prints what it reports, for comparison.
// Runs Go; needs `npm run build` first (it imports dist/).

import { mkdtempSync, readdirSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { compile, diagnosticLines, goEnv, hasGo, makeStdImportcfg, stableJson } from './lib/gotool.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const write = args.includes('--write');
const runGcassert = args.includes('--gcassert');
const dir = args.find((a) => !a.startsWith('--')) ?? 'testdata/assert';

if (!hasGo()) {
  console.error('assert-vs-gc: Go is not installed; nothing to compare');
  process.exit(2);
}
const { assertPaths } = await import(join(root, 'dist/assert/index.js'));

process.chdir(root);
const cfg = makeStdImportcfg();
const importcfg = cfg.path;
const out = mkdtempSync(join(tmpdir(), 'goesc-assert-'));
const files = readdirSync(dir).filter((f) => f.endsWith('.go')).sort();
const rows = [];
const fixture = { go: goEnv('GOVERSION'), flags: ['-m'], verdicts: [] };
let checked = 0;
let agree = 0;
for (const name of files) {
  const file = join(dir, name);
  const r = await compile({ dir: resolve(dir), file: name, flags: ['-m'], importcfg, out: join(out, 'x.o') });
  if (r.status !== 0) {
    console.error(`assert-vs-gc: ${file}: the compiler failed:\n${r.stderr}`);
    process.exit(2);
  }
  const diagnostics = diagnosticLines(r.stdout + r.stderr).map((l) => {
    const m = /^(.*?):(\d+):(\d+): (.*)$/.exec(l);
    return { file, line: Number(m[2]), col: Number(m[3]), message: m[4], kind: 'other' };
  });
  const gc = await assertPaths([file], { diagnostics });
  const ours = await assertPaths([file]);
  const key = (v) => `${v.file}:${v.line}:${v.directive.name}:${v.directive.line}`;
  const oursByKey = new Map(ours.verdicts.map((v) => [key(v), v]));
  for (const v of gc.verdicts) {
    const o = oursByKey.get(key(v));
    const goescStatus = o ? o.status : 'missing';
    fixture.verdicts.push({ file: v.file, line: v.line, directive: v.directive.name, status: v.status, reason: v.reason });
    const judged = goescStatus !== 'not checked' && v.status !== 'not checked';
    if (judged) {
      checked++;
      if (goescStatus === v.status) agree++;
    }
    rows.push(`${judged ? (goescStatus === v.status ? 'same' : 'DIFF') : '    '}  ${v.file}:${v.line}  ${v.directive.name}  gc: ${v.status}${v.reason ? ` (${v.reason})` : ''}  goesc: ${goescStatus}${o && o.reason && o.status !== v.status ? ` (${o.reason})` : ''}`);
  }
}
rmSync(out, { recursive: true, force: true });
cfg.cleanup();
console.log(rows.join('\n'));
console.log(`\n${fixture.go}: goesc agrees with gc on ${agree}/${checked} directives it checks; ${rows.length - checked} not checked by one side`);
if (write) {
  writeFileSync(join(dir, 'gc-verdicts.json'), stableJson(fixture));
  console.log(`written: ${join(dir, 'gc-verdicts.json')}`);
}

if (runGcassert) {
  const mod = mkdtempSync(join(tmpdir(), 'goesc-gcassert-'));
  try {
    writeFileSync(join(mod, 'go.mod'), 'module example.com/assertcases\n\ngo 1.22\n');
    for (const name of files) {
      const pkg = join(mod, name.replace(/\.go$/, ''));
      spawnSync('mkdir', ['-p', pkg]);
      copyFileSync(join(dir, name), join(pkg, name));
    }
    const pkgs = files.map((n) => './' + n.replace(/\.go$/, ''));
    // gcassert's own go.mod pins an x/tools that no longer builds with current Go: take the
    // latest of both into the temporary module, then run the tool from there.
    const env = { ...process.env, GOFLAGS: '-mod=mod' };
    spawnSync('go', ['get', 'github.com/jordanlewis/gcassert@latest', 'golang.org/x/tools@latest'], { cwd: mod, encoding: 'utf8', env, timeout: 300_000 });
    const g = spawnSync('go', ['run', 'github.com/jordanlewis/gcassert/cmd/gcassert', ...pkgs], {
      cwd: mod,
      encoding: 'utf8',
      env,
      timeout: 300_000,
    });
    console.log(`\ngcassert (exit ${g.status}):\n${(g.stdout + g.stderr).split('\n').filter((l) => !l.startsWith('go: ')).join('\n')}`);
    console.log(`(paths relative to a copy of ${relative(root, resolve(dir))} in ${mod})`);
  } finally {
    rmSync(mod, { recursive: true, force: true });
  }
}
process.exit(agree === checked ? 0 : 1);
