// `npm run bench:parse`: goesc's parser against gofmt on the same files, side by side.
//
// Sample (fixed): a quarter of $(go env GOROOT)/src, every fourth .go file (tests included,
// testdata/ trees left out: they hold deliberately broken and generated inputs) in sorted
// path order. Each run is a fresh process, timed whole (start-up included):
//   - goesc: `node scripts/bench-parse.mjs --child LIST`, which parses every file of LIST
//     (read, scan, Ohm match, AST) on a parse pool, every core in use (src/syntax/pool.ts),
//     as a cold goesc run parses a project;
//   - gofmt: `gofmt -l FILES` (reads, parses and prints every file; gofmt is parallel too).
// Runs alternate, goesc first (default 3 each; `--runs=N`); the medians of wall time and
// CPU time (user+sys, from bash's `times`) are printed, and the median of the pairwise wall
// ratios, which is the figure to quote (target <= 20x on a 2-core machine). `--details`
// adds, in this process, the time per line as a file grows (synthetic 1k, 10k and 100k-line
// files: the declarations of go/types/expr.go repeated), which should stay flat, and the
// cost of type checking per line beside parsing. Needs `npm run build` first (uses dist/).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);

if (args[0] === '--child') {
  // One goesc run over the files listed in args[1]: the figures come from the parent's timing.
  const { startParsePool } = await import('../dist/syntax/pool.js');
  const { parseFile } = await import('../dist/syntax/index.js');
  const files = readFileSync(args[1], 'utf8').split('\n').filter(Boolean);
  const pool = startParsePool();
  const parse = (id, f) => (pool && id >= 0 ? pool.result(id) : parseFile(f, readFileSync(f)));
  const ids = files.map((f) => (pool ? pool.submit(f, readFileSync(f)) : -1));
  let failed = 0;
  files.forEach((f, i) => {
    if (!parse(ids[i], f).file) failed++;
  });
  pool?.close();
  console.log(JSON.stringify({ failed, workers: pool ? 'pool' : 'none', maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024) }));
  process.exit(0);
}

const runs = Number(args.find((a) => a.startsWith('--runs='))?.slice(7) ?? 3);
const details = args.includes('--details');
const goroot = execFileSync('go', ['env', 'GOROOT'], { encoding: 'utf8' }).trim();

function goFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'testdata' ? [] : goFiles(p);
    return e.name.endsWith('.go') ? [p] : [];
  });
}
const files = goFiles(join(goroot, 'src'))
  .sort()
  .filter((_, i) => i % 4 === 0);
const countLines = (b) => b.reduce((n, c) => n + (c === 10 ? 1 : 0), 0);
let lines = 0;
let bytes = 0;
for (const f of files) {
  const b = readFileSync(f);
  lines += countLines(b);
  bytes += b.length;
}

const work = mkdtempSync(join(tmpdir(), 'goesc-bench-parse-'));
const list = join(work, 'files.txt');
writeFileSync(list, files.join('\n'));
const self = fileURLToPath(import.meta.url);

/** Runs argv under bash, timed: wall seconds (here) and the child's CPU seconds (bash's `times`). */
function timed(argv) {
  const script = '"$@" >"$OUT" 2>/dev/null; times';
  const out = join(work, 'out.txt');
  const t0 = performance.now();
  const r = spawnSync('bash', ['-c', script, 'bash', ...argv], { encoding: 'utf8', env: { ...process.env, OUT: out }, maxBuffer: 1 << 26 });
  const wall = (performance.now() - t0) / 1000;
  const childLine = r.stdout.trim().split('\n').pop() ?? '';
  const toSec = (s) => {
    const m = /(\d+)m([\d.]+)s/.exec(s);
    return m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
  };
  const [u, s] = childLine.split(/\s+/);
  return { wall, cpu: toSec(u) + toSec(s), output: readFileSync(out, 'utf8') };
}

const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
const goesc = [];
const gofmt = [];
let childInfo = null;
try {
  for (let i = 0; i < runs; i++) {
    const g = timed([process.execPath, self, '--child', list]);
    childInfo = JSON.parse(g.output.trim().split('\n').pop() || '{}');
    goesc.push(g);
    gofmt.push(timed(['gofmt', '-l', ...files]));
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const fmt = (x, d = 2) => x.toFixed(d);
const med = (rows, k) => median(rows.map((r) => r[k]));
const ratios = goesc.map((g, i) => g.wall / gofmt[i].wall);
console.log(`sample: ${files.length} files (every 4th .go file of ${goroot}/src, testdata/ left out), ${lines} lines, ${(bytes / 2 ** 20).toFixed(1)} MiB; goesc failures: ${childInfo?.failed ?? '?'}`);
console.log(`goesc : wall ${fmt(med(goesc, 'wall'))} s, cpu ${fmt(med(goesc, 'cpu'))} s, ${Math.round(lines / med(goesc, 'cpu'))} lines/cpu-s, peak RSS ${childInfo?.maxRssMiB ?? '?'} MiB (${childInfo?.workers === 'pool' ? 'parse pool' : 'one thread'}), medians of ${runs}`);
console.log(`gofmt : wall ${fmt(med(gofmt, 'wall'))} s, cpu ${fmt(med(gofmt, 'cpu'))} s, ${Math.round(lines / med(gofmt, 'cpu'))} lines/cpu-s`);
console.log(`ratio goesc/gofmt: wall ${fmt(median(ratios), 1)}x (median of pairs; target <= 20x), cpu ${fmt(med(goesc, 'cpu') / med(gofmt, 'cpu'), 1)}x`);

if (details) {
  const { parseFile } = await import('../dist/syntax/index.js');
  const { checkPackage, modelImporter } = await import('../dist/types/index.js');
  // type checking beside parsing: a few std directories' non-test files as one package each,
  // imports resolved through the model's std stubs; the first round loads those stubs (cold),
  // the second reuses them (warm), which is the cost per line of the user's own code.
  const dirs = ['go/ast', 'go/parser', 'go/scanner', 'go/token', 'go/printer', 'go/constant', 'go/format', 'sort', 'strings', 'fmt', 'bufio'];
  const packages = dirs.map((d) => {
    const names = readdirSync(join(goroot, 'src', d)).filter((f) => f.endsWith('.go') && !f.endsWith('_test.go')).map((f) => join(goroot, 'src', d, f));
    return { dir: d, parsed: names.map((f) => parseFile(f, readFileSync(f)).file).filter(Boolean), lines: names.reduce((n, f) => n + countLines(readFileSync(f)), 0) };
  });
  const checkLines = packages.reduce((n, p) => n + p.lines, 0);
  const checkRound = () => {
    const importer = modelImporter();
    const c0 = process.cpuUsage();
    let errors = 0;
    for (const p of packages) errors += checkPackage(p.parsed, { importer, path: p.dir }).errors.length;
    const c = process.cpuUsage(c0);
    return { cpu: (c.user + c.system) / 1e6, errors };
  };
  const cold = checkRound();
  const warm = checkRound();
  console.log(`check : ${packages.length} packages, ${checkLines} lines (non-test files): cold ${fmt(cold.cpu)} s cpu (${fmt((cold.cpu * 1e6) / checkLines, 1)} µs/line, std stubs loaded on first use), warm ${fmt(warm.cpu)} s cpu (${fmt((warm.cpu * 1e6) / checkLines, 1)} µs/line); type errors: ${warm.errors}`);

  const src = readFileSync(join(goroot, 'src/go/types/expr.go'), 'utf8');
  const decls = src.slice(src.search(/^(func|type|var|const) /m));
  const declLines = decls.split('\n').length;
  parseFile('warm.go', new TextEncoder().encode(`package p\n\n${decls}`));
  for (const target of [1000, 10000, 100000]) {
    let text = 'package p\n\n';
    while (text.split('\n').length < target) text += decls + '\n';
    const b = new TextEncoder().encode(text);
    const n = countLines(b);
    const c0 = process.cpuUsage();
    const ok = parseFile('big.go', b).file !== null;
    const c = process.cpuUsage(c0);
    console.log(`${String(n).padStart(6)} lines (expr.go's ${declLines}-line declarations repeated): ${fmt((c.user + c.system) / n, 1)} µs/line cpu${ok ? '' : ' (FAILED)'}`);
  }
}
