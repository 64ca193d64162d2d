// Real code as the held-out check sees it: standard-library packages compiled by the real
// compiler (`go tool compile -std -m -l` on the files `go build` would compile) against `goesc -m -l DIR` on the same
// source, line for line (file:line:col: message, as multisets), per package and in total.
// Usage: npm run build && node scripts/realcode-score.mjs [--diff] [--m=2] [--go=go1.27.3] [--default] [PKG...]
//   --go=RELEASE: that release's std, compiled by that release (GOTOOLCHAIN, fetched by the go
//   command), against goesc under its model (--go goX.Y).
//   --default: the default build, inlining on (no -l on either side), as `go build -gcflags=-m`.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const args = process.argv.slice(2);
const showDiff = args.includes('--diff');
const mFlag = args.find((a) => a.startsWith('--m='))?.slice(4) ?? '1';
const noInline = args.includes('--default') ? [] : ['-l'];
const defaults = [
  'container/list', 'container/ring', 'container/heap', 'encoding/hex', 'encoding/base32', 'encoding/base64',
  'encoding/csv', 'encoding/pem', 'unicode/utf16', 'text/tabwriter', 'text/scanner', 'path', 'html', 'bufio',
  'strings', 'bytes', 'strconv', 'sort', 'errors', 'flag', 'log', 'io', 'regexp/syntax', 'regexp', 'net/url',
  'encoding/json', 'go/scanner', 'go/token', 'image', 'image/color', 'archive/tar', 'compress/flate', 'hash/crc32',
  'mime', 'net/textproto', 'expvar', 'index/suffixarray', 'math/big', 'fmt', 'text/template/parse',
];
const pkgs = args.filter((a) => !a.startsWith('--'));
const release = args.find((a) => a.startsWith('--go='))?.slice(5);
const model = release ? `go${release.slice(2).split('.').slice(0, 2).join('.')}` : undefined;
if (release) {
  // Every go command below (and so the std tree, the export data and the compiler) is the release's.
  process.env.GOTOOLCHAIN = release;
  const v = spawnSync('go', ['env', 'GOVERSION'], { encoding: 'utf8' }).stdout.trim();
  if (v !== release) {
    console.error(`realcode-score: GOTOOLCHAIN=${release} gave "${v}"; cannot fetch that release`);
    process.exit(2);
  }
}
const goroot = spawnSync('go', ['env', 'GOROOT'], { encoding: 'utf8' }).stdout.trim();
const goesc = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'bin', 'goesc.js');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'goesc-real-'));
const cfg = path.join(work, 'importcfg');
fs.writeFileSync(cfg, spawnSync('go', ['list', '-export', '-f', '{{if .Export}}packagefile {{.ImportPath}}={{.Export}}{{end}}', 'std'], { encoding: 'utf8', maxBuffer: 1e8 }).stdout);
const pat = /^[^\s:]+\.go:\d+(?::\d+)?: /;
const keep = (l) => pat.test(l);
let tp = 0, nOurs = 0, nGc = 0, exact = 0;
for (const p of pkgs.length ? pkgs : defaults) {
  const dir = path.join(goroot, 'src', p);
  // What `go build` runs for the package, without rebuilding its dependencies.
  const files = spawnSync('go', ['list', '-f', '{{join .GoFiles " "}}', p], { encoding: 'utf8' }).stdout.trim().split(' ');
  const gcRun = spawnSync('go', ['tool', 'compile', `-p=${p}`, '-std', `-importcfg=${cfg}`, '-o', path.join(work, 'x.o'), `-trimpath=${dir}=>`, ...noInline, `-m=${mFlag}`, ...files], { cwd: dir, encoding: 'utf8', maxBuffer: 1e9 });
  const gc = (gcRun.stdout + gcRun.stderr).split('\n').map((l) => l.replace(/^\.\//, '')).filter(keep);
  // The same files gc is given, named as given: go tool compile's view (in $GOROOT/src, a
  // module, `.` would be go build's, which names files `./x.go` and std bodies relatively).
  const r = spawnSync('node', [goesc, `-m=${mFlag}`, ...noInline, `-p=${p}`, ...(model ? ['--go', model] : []), ...files], { cwd: dir, encoding: 'utf8', maxBuffer: 1e9 });
  const ours = (r.stdout + r.stderr).split('\n').filter((l) => pat.test(l));
  const errs = (r.stdout + r.stderr).split('\n').filter((l) => l && !pat.test(l)).slice(0, 2);
  const pool = new Map();
  for (const l of ours) pool.set(l, (pool.get(l) ?? 0) + 1);
  let m = 0; const missing = [];
  for (const l of gc) { const n = pool.get(l) ?? 0; if (n > 0) { m++; pool.set(l, n - 1); } else missing.push(l); }
  const extra = [...pool].flatMap(([l, n]) => Array(n).fill(l));
  tp += m; nOurs += ours.length; nGc += gc.length; if (m === gc.length && m === ours.length) exact++;
  console.log(`${p.padEnd(22)} gc=${String(gc.length).padStart(5)} ours=${String(ours.length).padStart(5)} match=${String(m).padStart(5)} ${r.status !== 0 ? `exit ${r.status} ${errs.join(' | ')}` : ''}`);
  if (showDiff) { for (const l of missing) console.log(`  - ${l}`); for (const l of extra) console.log(`  + ${l}`); }
}
console.log(`TOTAL packages=${(pkgs.length || defaults.length)} exact=${exact} gc=${nGc} ours=${nOurs} match=${tp} precision=${(tp / nOurs).toFixed(3)} recall=${(tp / nGc).toFixed(3)}`);
