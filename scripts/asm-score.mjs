#!/usr/bin/env node
// npm run build && node scripts/asm-score.mjs [--oracle] [--only corpus|goroot] [--filter S] [--verbose]
//
// Precision and recall of goesc's predicted allocation calls against the real compiler:
// the multiset of (line, runtime call) per file, over the corpus (testdata/cases/**, using
// the `-S -l` allocation calls stored in each case's fixture) and over the Go team's
// escape tests ($GOROOT/test/escape*.go, compiled in place now). The calls counted are
// those of scripts/lib/asm.mjs (runtime allocation routines).
//
// Default: goesc's own pipeline end to end (its escape analysis decides). --oracle feeds
// the lowering the real compiler's -m decisions instead (the fixture's `m` lines, or a live
// `-m -l` run), measuring the allocation-lowering rules alone. A file goesc cannot analyse
// (syntax/type error, unmodelled import) predicts nothing: it counts against recall.

import { readFileSync, readdirSync, statSync, mkdtempSync, rmSync } from 'node:fs';
import { join, dirname, resolve, basename } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { compile, goEnv, hasGo, makeStdImportcfg, pool, defaultJobs } from './lib/gotool.mjs';
import { allocationCalls } from './lib/asm.mjs';
import { predictFiles } from '../dist/asm/pipeline.js';
import { placementFromDiagnostics } from '../dist/asm/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const oracle = args.includes('--oracle');
const verbose = args.includes('--verbose');
const onlyIdx = args.indexOf('--only');
const only = onlyIdx >= 0 ? args[onlyIdx + 1] : null;
const filterIdx = args.indexOf('--filter');
const filter = filterIdx >= 0 ? args[filterIdx + 1] : null;

/** `file:line:col: message` lines of one file as placement diagnostics. */
function diagsOf(lines) {
  const out = [];
  for (const l of lines) {
    const m = /^[^:]+:(\d+):(\d+): (.*)$/.exec(l);
    if (m) out.push({ line: Number(m[1]), col: Number(m[2]), message: m[3] });
  }
  return out;
}

function predict(dir, file, mLines) {
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    const opts = oracle ? { placement: () => placementFromDiagnostics(diagsOf(mLines)) } : {};
    const r = predictFiles([file], opts);
    // Like the real side: the case's own file only (instantiated std bodies have their own).
    const own = r.funcs.filter((f) => f.file === file || basename(f.file) === file);
    return { calls: own.flatMap((f) => f.allocs.map((a) => ({ line: a.line, call: a.call }))), error: null };
  } catch (e) {
    const msg = e && e.lines ? e.lines[0] : String(e && e.message ? e.message : e);
    return { calls: [], error: msg.split('\n')[0] };
  } finally {
    process.chdir(cwd);
  }
}

function corpusItems() {
  const base = join(root, 'testdata', 'cases');
  const items = [];
  for (const rule of readdirSync(base).sort()) {
    const d = join(base, rule);
    if (!statSync(d).isDirectory()) continue;
    for (const n of readdirSync(d).sort()) {
      if (!n.endsWith('.go') || (filter && !`${rule}/${n}`.includes(filter))) continue;
      const fx = JSON.parse(readFileSync(join(d, n.replace(/\.go$/, '.fixture.json')), 'utf8'));
      items.push({ group: 'corpus', name: `${rule}/${n}`, dir: d, file: n, real: fx.asm.allocs, mLines: fx.m.lines });
    }
  }
  return items;
}

async function gorootItems() {
  if (!hasGo()) {
    console.log('# Go not installed: $GOROOT/test/escape*.go skipped');
    return [];
  }
  const dir = join(goEnv('GOROOT'), 'test');
  const files = readdirSync(dir).filter((n) => /^escape.*\.go$/.test(n) && (!filter || n.includes(filter))).sort();
  const cfg = makeStdImportcfg();
  const out = mkdtempSync(join(tmpdir(), 'goesc-score-'));
  try {
    return await pool(files, defaultJobs(), async (n, i) => {
      const o = join(out, `${i}.o`);
      const s = await compile({ dir, file: n, flags: ['-S', '-l'], importcfg: cfg.path, out: o });
      const m = await compile({ dir, file: n, flags: ['-m', '-l'], importcfg: cfg.path, out: o });
      const mLines = (m.stdout + m.stderr).split('\n').filter((l) => l.startsWith(`${n}:`));
      return { group: 'goroot', name: n, dir, file: n, real: s.status === 0 ? allocationCalls(s.stdout) : [], mLines };
    });
  } finally {
    cfg.cleanup();
    rmSync(out, { recursive: true, force: true });
  }
}

function score(items) {
  const byGroup = new Map();
  const byCall = new Map();
  const failures = [];
  for (const it of items) {
    const p = predict(it.dir, it.file, it.mLines);
    if (p.error) failures.push(`${it.name}: ${p.error}`);
    const real = it.real.filter((a) => a.file === it.file || basename(a.file) === it.file).map((a) => `${a.line} ${a.call}`);
    const left = new Map();
    for (const k of real) left.set(k, (left.get(k) ?? 0) + 1);
    let matched = 0;
    const extra = [];
    for (const a of p.calls) {
      const k = `${a.line} ${a.call}`;
      if ((left.get(k) ?? 0) > 0) {
        left.set(k, left.get(k) - 1);
        matched++;
      } else extra.push(k);
    }
    const missing = [...left].flatMap(([k, n]) => Array(n).fill(k));
    const g = byGroup.get(it.group) ?? { files: 0, analysed: 0, predicted: 0, real: 0, matched: 0 };
    g.files++;
    if (!p.error) g.analysed++;
    g.predicted += p.calls.length;
    g.real += real.length;
    g.matched += matched;
    byGroup.set(it.group, g);
    for (const k of extra) {
      const c = k.split(' ')[1];
      const e = byCall.get(c) ?? { fp: 0, fn: 0 };
      e.fp++;
      byCall.set(c, e);
    }
    for (const k of missing) {
      const c = k.split(' ')[1];
      const e = byCall.get(c) ?? { fp: 0, fn: 0 };
      e.fn++;
      byCall.set(c, e);
    }
    if (verbose && (extra.length || missing.length)) {
      console.log(`${it.name}: extra [${extra.join(', ')}] missing [${missing.join(', ')}]`);
    }
  }
  return { byGroup, byCall, failures };
}

const items = [...(only === 'goroot' ? [] : corpusItems()), ...(only === 'corpus' ? [] : await gorootItems())];
const { byGroup, byCall, failures } = score(items);
const fmt = (x) => (Number.isFinite(x) ? x.toFixed(3) : 'n/a');
console.log(`# goesc asm vs go tool compile -S -l, multiset of (line, runtime call); placements: ${oracle ? 'the real -m decisions (--oracle)' : "goesc's escape analysis"}`);
console.log('group    files analysed  predicted   real  matched  precision  recall');
const total = { files: 0, analysed: 0, predicted: 0, real: 0, matched: 0 };
for (const [name, g] of [...byGroup].sort()) {
  for (const k of Object.keys(total)) total[k] += g[k];
  console.log(`${name.padEnd(8)} ${String(g.files).padStart(5)} ${String(g.analysed).padStart(8)} ${String(g.predicted).padStart(10)} ${String(g.real).padStart(6)} ${String(g.matched).padStart(8)} ${fmt(g.matched / g.predicted).padStart(10)} ${fmt(g.matched / g.real).padStart(7)}`);
}
console.log(`${'all'.padEnd(8)} ${String(total.files).padStart(5)} ${String(total.analysed).padStart(8)} ${String(total.predicted).padStart(10)} ${String(total.real).padStart(6)} ${String(total.matched).padStart(8)} ${fmt(total.matched / total.predicted).padStart(10)} ${fmt(total.matched / total.real).padStart(7)}`);
console.log('\n# per call: predicted-only / real-only');
for (const [c, e] of [...byCall].sort((a, b) => b[1].fp + b[1].fn - (a[1].fp + a[1].fn))) console.log(`  ${c.padEnd(32)} +${e.fp} -${e.fn}`);
if (failures.length) {
  console.log(`\n# ${failures.length} files goesc could not analyse (first 15):`);
  for (const f of failures.slice(0, 15)) console.log(`  ${f}`);
}
void spawnSync;
