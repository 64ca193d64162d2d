// The server's incremental re-analysis (src/lsp/incremental.ts) against the full one, over
// random edit sequences: each Go file given (default: every file of testdata/cases) is
// edited STEPS times (default 16) by edits that an editor session makes — blank lines,
// statements removed, duplicated or added, a function added or removed, a parameter made
// to leak or moved to the heap, calls added between the file's functions (cycles through
// kept functions) — and after every edit the incremental analyzer's lines and errors must
// equal a fresh full analysis of the same text. A version with errors is analysed, then
// undone. With MULTI=1 each file is one of a two-file package whose other file's function
// is made to leak or not and called from the edited file. Prints how each edit was
// analysed (reduced, or why in full) and the mismatches; exits 1 on any.
//
//   node scripts/lsp-incremental-check.mjs [STEPS] [FILE.go ...]     (needs npm run build)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { Analyzer } = await import(join(root, 'dist/lsp/analysis.js'));
const { parseSettings } = await import(join(root, 'dist/lsp/settings.js'));
const cases = join(root, 'testdata/cases');
const files = process.argv.length > 3
  ? process.argv.slice(3)
  : readdirSync(cases, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.go')).sort().map((f) => join(cases, f));
const steps = Number(process.argv[2] ?? 16);
const multi = !!process.env['MULTI'];
const settings = parseSettings(undefined).settings;
const enc = new TextEncoder();
const show = (r) => JSON.stringify([r.errors.map((e) => `${e.file}:${e.line}:${e.col}: ${e.message}`), r.diagnostics.map((d) => `${d.file}:${d.line}:${d.col}: ${d.message}|${d.kind}|${d.func}`)]);

let seed = 1;
const rnd = (n) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed % n);
let bad = 0;
let total = 0;
const how = {};
for (const f of files) {
  const base = f.split('/').pop();
  seed = [...base].reduce((h, c) => (h * 31 + c.charCodeAt(0)) & 0xffff, 7); // one file reproduces alone
  const inc = new Analyzer();
  const filename = `/virtual/check/${base}`;
  let lines = (readFileSync(f, 'utf8') + '\nvar sinkAny any\n').split('\n');
  let otherLeaks = true;
  const funcs = () => lines.flatMap((l, i) => (l.startsWith('func ') ? [i] : []));
  let lastReduced = 0;
  for (let s = 0; s <= steps; s++) {
    const before = lines.slice();
    if (s > 0) edit(s);
    const text = lines.join('\n');
    const pkgName = /^package (\w+)/m.exec(text)?.[1] ?? 'p';
    const other = `package ${pkgName}\n\nvar sinkB any\n\nfunc fromB(p *int) *int {\n\t${otherLeaks ? 'sinkB = p' : '_ = p'}\n\treturn p\n}\n`;
    const pkg = { dir: '/virtual/check', files: [{ filename, bytes: enc.encode(text) }, ...(multi ? [{ filename: '/virtual/check/zz_other.go', bytes: enc.encode(other) }] : [])] };
    let got;
    let want;
    try {
      got = show(inc.analyzeEdit(pkg, settings));
    } catch (err) {
      got = `THROW ${err.stack}`;
    }
    try {
      want = show(new Analyzer().analyze(pkg, settings));
    } catch (err) {
      want = `THROW ${err.message}`;
    }
    total++;
    const stats = inc.incrementalStats(pkg);
    if (stats) {
      const key = stats.reduced > lastReduced ? 'reduced' : stats.lastReason || 'syntax errors';
      lastReduced = stats.reduced;
      how[key] = (how[key] ?? 0) + 1;
    }
    if (got !== want) {
      bad++;
      if (bad <= 5) console.log(`MISMATCH ${f} step ${s}\n incremental ${got.slice(0, 2000)}\n full        ${want.slice(0, 2000)}`);
    }
    if (want.startsWith('THROW') || JSON.parse(want)[0].length > 0) lines = before;
  }

  function edit(s) {
    const k = rnd(multi ? 12 : 11);
    const i = rnd(lines.length);
    const body = lines[i].startsWith('\t');
    if (k === 0) lines.splice(i, 0, '');
    else if (k === 1 && body) lines.splice(i, 1);
    else if (k === 2 && body) lines.splice(i, 0, lines[i]);
    else if (k === 3) lines.push(`func added${s}(p *int) *int {`, '\tx := 1', '\tif p == nil {', '\t\treturn &x', '\t}', '\treturn p', '}');
    else if (k === 4) {
      const fs = funcs();
      if (fs.length === 0) return;
      const j = fs[rnd(fs.length)];
      let e = j;
      while (e < lines.length && lines[e] !== '}') e++;
      lines.splice(j, e - j + 1);
    } else if (k === 5 && body) lines.splice(i, 0, '\t{', '\t\tq := new(int)', '\t\t_ = q', '\t}');
    else if (k === 6 && body && lines[i].includes('(')) lines[i] = lines[i].replace('(', '(&');
    else if (k === 7 || k === 8) {
      const fs = funcs();
      const j = fs.length ? fs[rnd(fs.length)] : -1;
      const m = j >= 0 ? /^func (?:\([^)]*\) )?\w+\((\w+) /.exec(lines[j]) : null;
      if (m) lines.splice(j + 1, 0, k === 7 ? `\tsinkAny = ${m[1]}` : `\tsinkAny = &${m[1]}`);
    } else if (k === 9) {
      const fs = funcs().filter((j) => !lines[j].includes('['));
      const callees = lines.map((l) => /^func (\w+)\(\)/.exec(l)?.[1]).filter((x) => x && x !== 'init' && x !== 'main');
      if (fs.length && callees.length) lines.splice(fs[rnd(fs.length)] + 1, 0, `\t${callees[rnd(callees.length)]}()`);
    } else if (k === 10 && multi) otherLeaks = !otherLeaks;
    else if (k === 11) {
      const fs = funcs();
      if (fs.length) lines.splice(fs[rnd(fs.length)] + 1, 0, '\t_ = fromB(new(int))');
    }
  }
}
console.log(JSON.stringify(how));
console.log(`files ${files.length}, analyses ${total}, mismatches ${bad}`);
process.exitCode = bad > 0 ? 1 : 0;
