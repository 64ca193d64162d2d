// `npm run bench:parse`: goesc's parser against gofmt on the same files, in the same run.
//
// Sample (fixed): every .go file, tests included, in $(go env GOROOT)/src/go/{ast,parser,
// scanner,token,printer,constant,format} and src/sort, src/strings, src/fmt, src/bufio,
// sorted by path. goesc parses them in this process (scan + Ohm match + AST); `gofmt -l`
// reads, parses and prints them in one process. Times are reported as wall clock and as CPU
// time (this machine is shared: CPU time is the fairer ratio). Then time per line for
// synthetic 1k, 10k and 100k-line files (the declarations of go/types/expr.go repeated),
// which should stay flat. Then the cost of type checking per line beside parsing.
// Needs `npm run build` first (uses dist/).
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { parseFile } from '../dist/syntax/index.js';
import { checkPackage, modelImporter } from '../dist/types/index.js';

const goroot = execFileSync('go', ['env', 'GOROOT'], { encoding: 'utf8' }).trim();
const dirs = ['go/ast', 'go/parser', 'go/scanner', 'go/token', 'go/printer', 'go/constant', 'go/format', 'sort', 'strings', 'fmt', 'bufio'];
const files = dirs
  .flatMap((d) => readdirSync(`${goroot}/src/${d}`).filter((f) => f.endsWith('.go')).map((f) => `${goroot}/src/${d}/${f}`))
  .sort();
const bufs = files.map((f) => readFileSync(f));
const countLines = (b) => b.reduce((n, c) => n + (c === 10 ? 1 : 0), 0);
const lines = bufs.reduce((n, b) => n + countLines(b), 0);

// warm-up: grammar load and JIT
parseFile('warm.go', bufs[0]);

let peakRss = 0;
const sampleRss = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));
const wall0 = performance.now();
const cpu0 = process.cpuUsage();
let failed = 0;
for (let i = 0; i < bufs.length; i++) {
  if (!parseFile(files[i], bufs[i]).file) failed++;
  if (i % 10 === 0) sampleRss();
}
const cpu = process.cpuUsage(cpu0);
const goescWall = (performance.now() - wall0) / 1000;
const goescCpu = (cpu.user + cpu.system) / 1e6;
sampleRss();

// gofmt in one process over the same files; `times` gives its CPU time
const script = 'gofmt -l "$@" >/dev/null; times';
const g0 = performance.now();
const r = spawnSync('bash', ['-c', script, 'bash', ...files], { encoding: 'utf8' });
const gofmtWall = (performance.now() - g0) / 1000;
const childLine = r.stdout.trim().split('\n').pop() ?? '';
const toSec = (s) => {
  const m = /(\d+)m([\d.]+)s/.exec(s);
  return m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
};
const [u, s] = childLine.split(/\s+/);
const gofmtCpu = toSec(u) + toSec(s);

const fmt = (x, d = 2) => x.toFixed(d);
console.log(`sample: ${files.length} files, ${lines} lines from ${goroot}/src/{${dirs.join(',')}}; goesc failures: ${failed}`);
console.log(`goesc : wall ${fmt(goescWall)} s, cpu ${fmt(goescCpu)} s, ${Math.round(lines / goescCpu)} lines/cpu-s, ${Math.round(lines / goescWall)} lines/s, peak RSS ${Math.round(peakRss / 2 ** 20)} MiB`);
console.log(`gofmt : wall ${fmt(gofmtWall)} s, cpu ${fmt(gofmtCpu)} s, ${Math.round(lines / gofmtCpu)} lines/cpu-s`);
console.log(`ratio goesc/gofmt: cpu ${fmt(goescCpu / gofmtCpu, 1)}x, wall ${fmt(goescWall / gofmtWall, 1)}x (target <= 20x, goal 3x)`);

// type checking beside parsing: each sample directory's non-test files as one package,
// imports resolved through the model's std stubs. The first round loads those stubs (cold);
// the second reuses them (warm), which is the cost per line of the user's own code.
const packages = dirs.map((d) => {
  const names = files.filter((f) => f.startsWith(`${goroot}/src/${d}/`) && !f.endsWith('_test.go'));
  const parsed = names.map((f) => parseFile(f, readFileSync(f)).file).filter(Boolean);
  return { dir: d, parsed, lines: names.reduce((n, f) => n + countLines(readFileSync(f)), 0) };
});
const checkLines = packages.reduce((n, p) => n + p.lines, 0);
const checkRound = () => {
  const importer = modelImporter();
  const c0 = process.cpuUsage();
  let errors = 0;
  for (const p of packages) errors += checkPackage(p.parsed, { importer, path: p.dir }).errors.length;
  const c = process.cpuUsage(c0);
  sampleRss();
  return { cpu: (c.user + c.system) / 1e6, errors };
};
const cold = checkRound();
const warm = checkRound();
console.log(`check : ${packages.length} packages, ${checkLines} lines (non-test files): cold ${fmt(cold.cpu)} s cpu (${fmt((cold.cpu * 1e6) / checkLines, 1)} µs/line, std stubs loaded on first use), warm ${fmt(warm.cpu)} s cpu (${fmt((warm.cpu * 1e6) / checkLines, 1)} µs/line); type errors: ${warm.errors}`);
console.log(`parse : ${fmt((goescCpu * 1e6) / lines, 1)} µs/line cpu over the whole sample, for comparison`);

// time per line as inputs grow
const src = readFileSync(`${goroot}/src/go/types/expr.go`, 'utf8');
const declStart = src.search(/^(func|type|var|const) /m);
const decls = src.slice(declStart);
const declLines = decls.split('\n').length;
for (const target of [1000, 10000, 100000]) {
  let text = 'package p\n\n';
  while (text.split('\n').length < target) text += decls + '\n';
  const bytes = new TextEncoder().encode(text);
  const n = countLines(bytes);
  const c0 = process.cpuUsage();
  const ok = parseFile('big.go', bytes).file !== null;
  const c = process.cpuUsage(c0);
  sampleRss();
  console.log(`${String(n).padStart(6)} lines (expr.go's ${declLines}-line declarations repeated): ${fmt(((c.user + c.system) / n), 1)} µs/line cpu${ok ? '' : ' (FAILED)'}`);
}
// maxRSS (KiB) is the kernel's high-water mark, which sampling between files could miss.
console.log(`peak RSS overall ${Math.round(Math.max(peakRss / 2 ** 10, process.resourceUsage().maxRSS) / 1024)} MiB`);
