// npm run bench:whatif — how much a what-if run costs next to a full analysis.
//
// Analyses a large program once (load, parse, check, lower, solve: the cost a user pays for
// `goesc -m`), then applies a series of rule changes, each as a what-if run does it: derive
// the changed model (immer), solve the prepared program again, diff against the base lines.
// Prints each run's time (median of three) as a fraction of the first analysis (the target:
// at most 1/20), and of a second, warm full analysis for comparison.
//
// Input: the packages named on the command line (each a .go file or a directory), default
// every $GOROOT/test/escape*.go file as its own package (the Go team's escape tests).

import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadModel, withSettings } from '../models/index.js';
import { createContext, loadSources, type SourcePackage } from '../api.js';
import { diffDiagnostics } from './diff.js';
import { prepareSources } from './session.js';

const changes: ReadonlyArray<[string, Readonly<Record<string, string>>, boolean]> = [
  ['--smallframes', {}, true],
  ['limits.maxStackVarSize=1k', { 'limits.maxStackVarSize': '1k' }, false],
  ['limits.maxImplicitStackVarSize=64', { 'limits.maxImplicitStackVarSize': '64' }, false],
  ['limits.closureByValueMaxSize=0', { 'limits.closureByValueMaxSize': '0' }, false],
  ['optimizations.closureCaptureByValue=off', { 'optimizations.closureCaptureByValue': 'off' }, false],
  ['optimizations.zeroCopyStringToBytes=off', { 'optimizations.zeroCopyStringToBytes': 'off' }, false],
  ['rewrites.convIfaceConst=off', { 'rewrites.convIfaceConst': 'off' }, false],
  ['rewrites.makeSliceConstSize=off', { 'rewrites.makeSliceConstSize': 'off' }, false],
];

async function inputs(args: readonly string[]): Promise<{ label: string; sources: SourcePackage[] }> {
  if (args.length > 0) {
    const sources: SourcePackage[] = [];
    for (const a of args) sources.push(...(await loadSources([a])));
    return { label: args.join(' '), sources };
  }
  const goroot = spawnSync('go', ['env', 'GOROOT'], { encoding: 'utf8' }).stdout?.trim();
  if (!goroot) throw new Error('bench:whatif: no PATH given and no go on PATH to find $GOROOT/test/escape*.go');
  const dir = path.join(goroot, 'test');
  const files = readdirSync(dir).filter((f) => /^escape.*\.go$/.test(f)).sort();
  const sources: SourcePackage[] = [];
  for (const f of files) sources.push(...(await loadSources([path.join(dir, f)])));
  return { label: `$GOROOT/test/escape*.go (${files.length} packages)`, sources };
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const { label, sources } = await inputs(process.argv.slice(2));
  const base = loadModel();
  // One context: the second preparation finds std checked already, as a warm run would.
  const context = createContext();
  const session = prepareSources(sources, { go: base.version, context }, t0);
  const prepared = session.prepared;
  const baseLines = session.solve(base);
  const first = (performance.now() - t0) / 1000;

  // A fresh preparation, so that no package solve is reused.
  const t1 = performance.now();
  prepareSources(sources, { go: base.version, context }).solve(base);
  const warm = (performance.now() - t1) / 1000;

  const lines = sources.reduce((n, s) => n + s.files.reduce((k, f) => k + countLines(f.bytes), 0), 0);
  console.log(`bench:whatif — ${label}: ${lines} lines, ${prepared.packages.length} packages analysed, ${prepared.errors.length} errors (packages with errors are skipped)`);
  console.log(`first full analysis ${ms(first)} (load+parse+check+lower ${ms(prepared.seconds)}, solve ${ms(first - prepared.seconds)}); warm full analysis ${ms(warm)}; ${baseLines.length} -m lines`);
  console.log('');
  console.log(pad('what-if run', 44) + pad('time', 10) + pad('of first', 10) + pad('of warm', 10) + pad('re-solved', 11) + 'lines changed');
  let worst = 0;
  for (const [name, settings, smallframes] of changes) {
    // The median of five runs, each starting from the base solves only: the machine is
    // shared, single timings are noisy, and the first re-solves still pay V8's warm-up of
    // the solver (measured: 490, 370, 160 ms for the same change).
    const times: number[] = [];
    let diff: ReturnType<typeof diffDiagnostics> = [];
    for (let i = 0; i < 5; i++) {
      session.memo.keepOnly(base, 1);
      const t = performance.now();
      const framed = smallframes ? loadModel(base.version, { smallframes: true }) : base;
      const changed = Object.keys(settings).length > 0 ? withSettings(framed, settings) : framed;
      diff = diffDiagnostics(baseLines, session.solve(changed));
      times.push((performance.now() - t) / 1000);
    }
    const s = times.sort((a, b) => a - b)[2]!;
    worst = Math.max(worst, s / first);
    const resolved = `${session.memo.solved}/${session.memo.solved + session.memo.reused}`;
    console.log(pad(name, 44) + pad(ms(s), 10) + pad(`1/${Math.round(first / s)}`, 10) + pad(`1/${Math.round(warm / s)}`, 10) + pad(resolved, 11) + diff.length);
  }
  console.log('');
  console.log(`worst what-if run: ${(worst * 100).toFixed(1)}% of the first analysis (target: at most 5%) — ${worst <= 0.05 ? 'OK' : 'OVER'}`);
  // resourceUsage().maxRSS is the process's high-water mark (KiB): the prepared program and
  // every solve it kept, which is what a what-if session holds.
  console.log(`peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`);
}

function countLines(b: Uint8Array): number {
  let n = 0;
  for (const c of b) if (c === 10) n++;
  return n;
}

function ms(seconds: number): string {
  return `${(seconds * 1000).toFixed(0)} ms`;
}

function pad(s: string, n: number): string {
  return s.length >= n ? s + ' ' : s + ' '.repeat(n - s.length);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
