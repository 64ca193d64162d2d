// `npm run bench:lsp`: the editor loop's latency. Starts the real server (`node bin/goesc.js
// lsp`), opens testdata/lsp/inventory.go (300 lines, eight std imports) from a temporary
// copy, then makes N edits as a typist would (one at a time, a pause between them longer
// than the server's debounce window): a line typed into a function body in the middle of
// the file (which shifts everything below it) and a small escaping function added at the end
// and removed again. Each latency is the time from sending didChange to receiving the
// publishDiagnostics for that version. After each edit, a cold `go tool compile -m -l` of
// the same file (a fresh process each time, as an editor's compile-on-save is) runs in the
// pause, so both see the same load and the ratio holds on a busy machine too. Medians (and
// minimums, the least disturbed runs) of N (default 30; `node scripts/bench-lsp.mjs N`).
// Needs `npm run build`; gc is skipped when go is missing. GOESC_BENCH_CPU_PROF=DIR writes
// the server's CPU profile (node --cpu-prof) to DIR.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

const root = fileURLToPath(new URL('..', import.meta.url));
const n = Number(process.argv[2] ?? 30);
const pauseMs = 100;
const dir = mkdtempSync(join(tmpdir(), 'goesc-bench-lsp-'));
const file = join(dir, 'inventory.go');
copyFileSync(join(root, 'testdata/lsp/inventory.go'), file);
const text = readFileSync(file, 'utf8');
const lines = text.split('\n');
const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let gcRun = null;
function gcSetup() {
  if (spawnSync('go', ['version']).status !== 0) return;
  const cfg = join(dir, 'importcfg');
  const list = spawnSync('go', ['list', '-export', '-f', '{{if .Export}}packagefile {{.ImportPath}}={{.Export}}{{end}}', 'std'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  writeFileSync(cfg, list.stdout);
  const obj = join(dir, 'out.o'); // never /dev/null: gc removes its output on error
  const gcFile = join(dir, 'gc', 'inventory.go'); // its own copy: the server's file is open
  mkdirSync(join(dir, 'gc'));
  copyFileSync(file, gcFile);
  gcRun = () => {
    const t0 = performance.now();
    const r = spawnSync('go', ['tool', 'compile', '-p=p', `-importcfg=${cfg}`, '-o', obj, '-m', '-l', gcFile], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`go tool compile failed: ${r.stderr}`);
    return performance.now() - t0;
  };
}

async function serverLatencies() {
  const prof = process.env['GOESC_BENCH_CPU_PROF'];
  const nodeArgs = prof ? ['--cpu-prof', `--cpu-prof-dir=${prof}`, '--cpu-prof-interval=250'] : [];
  const proc = spawn(process.execPath, [...nodeArgs, join(root, 'bin/goesc.js'), 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  const waiting = new Map();
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    const w = waiting.get(p.version);
    if (w) (waiting.delete(p.version), w(p));
  });
  conn.listen();
  const published = (version) => new Promise((r) => waiting.set(version, r));
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(dir).href, capabilities: {} });
  await conn.sendNotification('initialized', {});
  const uri = pathToFileURL(file).href;
  let p = published(1);
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'go', version: 1, text } });
  const opened = await p;
  // The edits: a statement typed into Load (line "n := 0") and removed; a function added at
  // the end and removed. Each is applied to the server's current text.
  const bodyLine = lines.findIndex((l) => l === '\tn := 0');
  const endLine = lines.length - 1;
  const added = 'func leak() *int {\n\ty := 1\n\treturn &y\n}\n';
  const edits = [
    { range: { start: { line: bodyLine + 1, character: 0 }, end: { line: bodyLine + 1, character: 0 } }, text: '\tz := &n\n\t_ = z\n' },
    { range: { start: { line: bodyLine + 1, character: 0 }, end: { line: bodyLine + 3, character: 0 } }, text: '' },
    { range: { start: { line: endLine, character: 0 }, end: { line: endLine, character: 0 } }, text: added },
    { range: { start: { line: endLine, character: 0 }, end: { line: endLine + 4, character: 0 } }, text: '' },
  ];
  const times = [];
  const gcTimes = [];
  const counts = new Set();
  for (let i = 0; i < n + 4; i++) {
    const version = i + 2;
    p = published(version);
    const t0 = performance.now();
    await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [edits[i % edits.length]] });
    const got = await p;
    if (i >= 4) times.push(performance.now() - t0); // the first round warms the JIT
    counts.add(got.diagnostics.length);
    const before = performance.now();
    if (gcRun && i >= 4) gcTimes.push(gcRun());
    await sleep(Math.max(0, pauseMs - (performance.now() - before)));
  }
  await conn.sendRequest('shutdown');
  await conn.sendNotification('exit');
  conn.dispose();
  return { times, gcTimes, opened: opened.diagnostics.length, counts: [...counts] };
}

try {
  gcSetup();
  const s = await serverLatencies();
  const gc = gcRun ? s.gcTimes : null;
  const sm = median(s.times);
  console.log(`file: testdata/lsp/inventory.go (${lines.length} lines), ${n} edits, diagnostics per version: ${s.counts.join('/')}`);
  console.log(`goesc lsp  didChange → publishDiagnostics  median ${sm.toFixed(1)} ms  (min ${Math.min(...s.times).toFixed(1)}, max ${Math.max(...s.times).toFixed(1)})`);
  if (gc) {
    const gm = median(gc);
    console.log(`go tool compile -m -l (cold process)      median ${gm.toFixed(1)} ms  (min ${Math.min(...gc).toFixed(1)}, max ${Math.max(...gc).toFixed(1)})`);
    console.log(`ratio goesc lsp / gc: median ${(sm / gm).toFixed(2)}x, min ${(Math.min(...s.times) / Math.min(...gc)).toFixed(2)}x  (target <= 0.2x)`);
  } else {
    console.log('go tool compile: skipped (go is not on PATH)');
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
