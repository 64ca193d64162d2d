// Measures how many escape records of gc's -json=0,DIR log goesc's logopt writer
// reproduces byte for byte from gc's own -m=2 text, over $GOROOT/test/escape*.go (read in
// place). Usage: npm run build && node scripts/logopt-vs-gc.mjs [-v]
import { spawnSync } from 'node:child_process';
import * as os from 'node:os';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseGcOutput } from '../dist/format/gcline.js';
import { renderOptLog } from '../dist/format/logopt.js';
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'goesc-logopt-'));
const cfgPath = path.join(work, 'importcfg');
fs.writeFileSync(cfgPath, spawnSync('go', ['list', '-export', '-f', '{{if .Export}}packagefile {{.ImportPath}}={{.Export}}{{end}}', 'std'], { encoding: 'utf8' }).stdout);
const goroot = spawnSync('go', ['env', 'GOROOT'], { encoding: 'utf8' }).stdout.trim();
const version = spawnSync('go', ['env', 'GOVERSION'], { encoding: 'utf8' }).stdout.trim();
const files = fs.readdirSync(path.join(goroot, 'test')).filter((f) => /^escape.*\.go$/.test(f));
let total = 0, equal = 0, fileMismatch = 0, failed = 0; const bad = [];
const codes = new Set(['escape', 'escapes', 'leak']);
const esc = (t) => t.split('\n').filter((l) => l && (l.startsWith('{"version"') || codes.has(JSON.parse(l).code)));
for (const f of files) {
  const dir = fs.mkdtempSync(path.join(work, 'log-'));
  const r = spawnSync('go', ['tool', 'compile', '-p=p', `-importcfg=${cfgPath}`, '-o', path.join(work, 'x.o'), '-l', '-m=2', `-json=0,file://${dir}`, path.join(goroot, 'test', f)], { encoding: 'utf8', maxBuffer: 1e8 });
  if (r.status !== 0) { failed++; continue; }
  const ours = renderOptLog(parseGcOutput(r.stdout + r.stderr), { pkgPath: 'p', gcVersion: version });
  for (const pkg of fs.readdirSync(dir)) for (const jf of fs.readdirSync(path.join(dir, pkg))) {
    const want = esc(fs.readFileSync(path.join(dir, pkg, jf), 'utf8'));
    const o = ours.get(`${pkg}/${jf}`); if (!o) { fileMismatch++; total += want.length - 1; continue; }
    const got = esc(o);
    const pool = new Map(); for (const g of got.slice(1)) pool.set(g, (pool.get(g) ?? 0) + 1);
    for (const w of want.slice(1)) { total++; const n = pool.get(w) ?? 0; if (n > 0) { equal++; pool.set(w, n - 1); } else bad.push(`${f}: missing ${w}`); }
    for (const [g, n] of pool) for (let i = 0; i < n; i++) bad.push(`${f}: extra ${g}`);
  }
}
console.log(`files ${files.length} failed-to-compile ${failed} missing-files ${fileMismatch} records ${equal}/${total} = ${(100*equal/total).toFixed(2)}%`);
if (process.argv.includes('-v')) console.log(bad.join('\n'));
fs.rmSync(work, { recursive: true, force: true });
