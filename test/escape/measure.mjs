// Precision/recall of goesc's -m -l lines against `go tool compile -m -l`, as multisets of
// `file:line:col: message`, per file and in total.
// Usage: npm run build && node test/escape/measure.mjs [FILES...]
//   default FILES: $GOROOT/test/escape*.go whose header is `// errorcheck -0 -m -l`.
//   --m=2 compares the -m=2 output instead; --diff prints missing (-) and extra (+) lines.
//   --go=go1.27.3 compiles with that release (GOTOOLCHAIN, fetched by the go command) and
//   analyses with its model (go1.27); the default files stay the installed Go's tests.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const args = process.argv.slice(2);
const showDiff = args.includes('--diff');
const mFlag = args.find((a) => a.startsWith('--m='))?.slice(4) ?? '1';
const release = args.find((a) => a.startsWith('--go='))?.slice(5);
let files = args.filter((a) => !a.startsWith('--'));
const goroot = spawnSync('go', ['env', 'GOROOT'], { encoding: 'utf8' }).stdout.trim();
// The compiler asked: the installed one, or the release given with --go.
const gcEnv = release ? { ...process.env, GOTOOLCHAIN: release } : process.env;
const model = release ? `go${release.slice(2).split('.').slice(0, 2).join('.')}` : undefined;
if (release) {
  const v = spawnSync('go', ['env', 'GOVERSION'], { encoding: 'utf8', env: gcEnv }).stdout.trim();
  if (v !== release) {
    console.error(`measure: GOTOOLCHAIN=${release} gave "${v}"; cannot fetch that release`);
    process.exit(2);
  }
}
if (files.length === 0) {
  const dir = path.join(goroot, 'test');
  files = fs.readdirSync(dir)
    .filter((f) => /^escape.*\.go$/.test(f))
    .filter((f) => fs.readFileSync(path.join(dir, f), 'utf8').startsWith('// errorcheck -0 -m -l'))
    .map((f) => path.join(dir, f));
}
const cfg = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'goesc-m-')), 'importcfg');
fs.writeFileSync(cfg, spawnSync('go', ['list', '-export', '-f', '{{if .Export}}packagefile {{.ImportPath}}={{.Export}}{{end}}', 'std'], { encoding: 'utf8', env: gcEnv, maxBuffer: 64 << 20 }).stdout);
const { analyzeFiles, formatDiagnostic } = await import(new URL('../../dist/api.js', import.meta.url).href);

const pat = /^[^\s:]+\.go:\d+:\d+: /;
let tp = 0, nOurs = 0, nGc = 0, exact = 0;
for (const file of files) {
  const dir = path.dirname(path.resolve(file));
  const base = path.basename(file);
  const r = spawnSync('go', ['tool', 'compile', '-p=p', `-importcfg=${cfg}`, '-o', path.join(os.tmpdir(), 'goesc-m.o'), `-trimpath=${dir}=>`, '-l', `-m=${mFlag}`, base], { cwd: dir, encoding: 'utf8', env: gcEnv });
  const gc = (r.stdout + r.stderr).split('\n').filter((l) => pat.test(l));
  let ours = [];
  let note = '';
  const cwd = process.cwd();
  try {
    process.chdir(dir);
    const res = await analyzeFiles([base], { m: Number(mFlag), ...(model ? { go: model } : {}) });
    if (res.errors.length) note = `errors: ${res.errors.slice(0, 2).map((e) => `${e.line}:${e.col}: ${e.message}`).join(' | ')}`;
    ours = res.diagnostics.map(formatDiagnostic);
  } catch (err) {
    note = `crash: ${String(err && err.message).split('\n')[0]}`;
  } finally {
    process.chdir(cwd);
  }
  const bag = new Map();
  for (const l of gc) bag.set(l, (bag.get(l) ?? 0) + 1);
  let match = 0;
  const extra = [];
  for (const l of ours) {
    const c = bag.get(l) ?? 0;
    if (c > 0) { match++; bag.set(l, c - 1); } else extra.push(l);
  }
  const missing = [...bag].flatMap(([l, c]) => Array(c).fill(l));
  tp += match; nOurs += ours.length; nGc += gc.length;
  if (match === gc.length && match === ours.length) exact++;
  console.log(`${base.padEnd(28)} gc=${String(gc.length).padStart(4)} ours=${String(ours.length).padStart(4)} match=${String(match).padStart(4)} ${note}`);
  if (showDiff) {
    for (const l of missing) console.log(`  - ${l}`);
    for (const l of extra) console.log(`  + ${l}`);
  }
}
const p = nOurs ? tp / nOurs : 0, rc = nGc ? tp / nGc : 0;
console.log(`TOTAL files=${files.length} exact=${exact} gc=${nGc} ours=${nOurs} match=${tp} precision=${p.toFixed(3)} recall=${rc.toFixed(3)}`);
