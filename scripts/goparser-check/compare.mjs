// Cross-check goesc's parser against go/parser over many files (default: every .go file
// under $(go env GOROOT)/src outside testdata): for each file, the multiset of
// identifier/call/composite-literal/func-literal/& positions must be equal. Prints the
// agreement and the first differences. Needs `npm run build` (uses dist/) and Go.
// Also counts the files goesc fails to parse at all (the `goesc parse` acceptance number).
//   node scripts/goparser-check/compare.mjs [--sample N] [--shard K/N] [FILE...]
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseFile } from '../../dist/syntax/index.js';
import { crossCheckLines } from '../../dist/syntax/walk.js';

const here = fileURLToPath(new URL('.', import.meta.url));
let args = process.argv.slice(2);
let sample = 1;
let shard = [0, 1];
while (args[0] === '--sample' || args[0] === '--shard') {
  if (args[0] === '--sample') sample = Number(args[1]);
  else shard = args[1].split('/').map(Number);
  args = args.slice(2);
}
let files = args;
if (files.length === 0) {
  const goroot = execFileSync('go', ['env', 'GOROOT'], { encoding: 'utf8' }).trim();
  const found = execFileSync('find', [`${goroot}/src`, '-name', '*.go', '-not', '-path', '*/testdata/*'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  files = found.split('\n').filter(Boolean).sort().filter((_, i) => i % sample === 0);
}
files = files.filter((_, i) => i % shard[1] === shard[0]);
const bin = `${process.env.TMPDIR ?? '/tmp'}/goesc-goparser-check`;
execFileSync('go', ['build', '-o', bin, '.'], { cwd: here });
const res = spawnSync(bin, ['-stdin'], { input: files.join('\n') + '\n', encoding: 'utf8', maxBuffer: 1 << 30 });
const expected = new Map();
let cur = null;
for (const line of res.stdout.split('\n')) {
  if (line.startsWith('== ')) {
    cur = [];
    expected.set(line.slice(3), cur);
  } else if (line.startsWith('!! ')) {
    cur = null;
  } else if (line && cur) cur.push(line);
}
let agree = 0;
let compared = 0;
const disagreements = [];
const parseFailures = [];
let lines = 0;
for (const f of files) {
  const bytes = readFileSync(f);
  for (const b of bytes) if (b === 10) lines++;
  const { file, errors } = parseFile(f, bytes);
  if (!file) parseFailures.push(`${f}:${errors[0]?.line}:${errors[0]?.col}: ${errors[0]?.message}`);
  const want = expected.get(f);
  if (!want) continue; // go/parser rejects it: nothing to compare
  compared++;
  if (!file) {
    disagreements.push(`${f}: goesc failed: ${errors[0]?.line}:${errors[0]?.col}: ${errors[0]?.message}`);
    continue;
  }
  const got = crossCheckLines(file).sort();
  const w = [...want].sort();
  const gotSet = new Map();
  for (const l of got) gotSet.set(l, (gotSet.get(l) ?? 0) + 1);
  const missing = [];
  for (const l of w) {
    const c = gotSet.get(l) ?? 0;
    if (c === 0) missing.push(l);
    else gotSet.set(l, c - 1);
  }
  const extra = [...gotSet].filter(([, c]) => c > 0).map(([l]) => l);
  if (missing.length === 0 && extra.length === 0) agree++;
  else disagreements.push(`${f}: missing [${missing.slice(0, 3).join('; ')}] extra [${extra.slice(0, 3).join('; ')}]`);
}
console.log(`goesc parse: ${files.length - parseFailures.length}/${files.length} files (${lines} lines) parse`);
for (const p of parseFailures) console.log('  failed: ' + p);
const pct = compared === 0 ? 0 : (100 * agree) / compared;
console.log(`go/parser cross-check: ${agree}/${compared} files agree (${pct.toFixed(2)}%)`);
for (const d of disagreements.slice(0, 40)) console.log('  ' + d);
process.exitCode = pct >= 99.5 ? 0 : 1;
