// Bad input through the real CLI (issue 9, item 1): every malformed input must end with exit 2,
// gc-shaped `file:line:col: message` lines on stderr (one plain line for a path problem), no
// JavaScript stack trace, within 20 s, and the input bytes untouched. When `go` is on PATH,
// the inputs on which goesc already words its first error as gc does are compared with gc.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const goesc = resolve('bin/goesc.js');
const hasGo = spawnSync('go', ['version']).status === 0;
if (!hasGo) console.log('bad-input: go not on PATH, comparisons with gc skipped');

interface BadInput {
  readonly name: string;
  /** Files to write, relative to the case folder. */
  readonly files: Readonly<Record<string, string | Uint8Array>>;
  /** Arguments after `-m -l`, relative to the case folder; default: the single file. */
  readonly args?: readonly string[];
  /** A path problem: one plain line rather than file:line:col. */
  readonly oneLine?: boolean;
  /** goesc's first line is gc's first line (checked when go is present). */
  readonly sameAsGc?: boolean;
}

const nested = (open: string, close: string, n: number) => open.repeat(n) + close.repeat(n);
const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));
const binary = Uint8Array.from({ length: 1024 }, (_, i) => (i * 37 + 11) % 256);

const cases: readonly BadInput[] = [
  { name: 'empty file', files: { 'a.go': '' }, sameAsGc: true },
  { name: 'missing package clause', files: { 'a.go': 'func f() {}\n' }, sameAsGc: true },
  { name: 'prose', files: { 'a.go': 'Escape analysis decides where values live.\nThis is not Go.\n' }, sameAsGc: true },
  { name: 'binary data', files: { 'a.go': binary } },
  { name: 'NUL bytes', files: { 'a.go': bytes('package p\n\nvar x = 1', [0], '\n') } },
  { name: 'invalid UTF-8', files: { 'a.go': bytes('package p\n\nvar s = "', [0xff, 0xfe], '"\n') }, sameAsGc: true },
  { name: 'unterminated string', files: { 'a.go': 'package p\n\nvar s = "abc\n' }, sameAsGc: true },
  { name: 'unterminated raw string', files: { 'a.go': 'package p\n\nvar s = `abc\n' }, sameAsGc: true },
  { name: 'unterminated rune', files: { 'a.go': "package p\n\nvar r = 'a\n" }, sameAsGc: true },
  { name: 'unterminated comment', files: { 'a.go': 'package p\n\n/* never closed\n' }, sameAsGc: true },
  { name: 'unbalanced braces', files: { 'a.go': 'package p\n\nfunc f() {\n\tif true {\n}\n' }, sameAsGc: true },
  { name: 'unbalanced closing brace', files: { 'a.go': 'package p\n\nfunc f() {\n}\n}\n' }, sameAsGc: true },
  // gc itself accepts these two; goesc may analyse them (exit 0) or refuse them with a clear
  // depth error (exit 2): both are fine, a stack overflow is not. See the dedicated test below.
  { name: 'undefined name', files: { 'a.go': 'package p\n\nfunc f() int { return y }\n' }, sameAsGc: true },
  { name: 'type error', files: { 'a.go': 'package p\n\nfunc f() int { return "s" }\n' }, sameAsGc: true },
  { name: 'missing path', files: {}, args: ['missing.go'], oneLine: true },
  { name: 'missing directory', files: {}, args: ['nowhere'], oneLine: true },
  { name: 'directory with no Go files', files: { 'd/readme.txt': 'hi\n' }, args: ['d'], oneLine: true },
];

let root = '';
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'goesc-bad-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface Run {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly seconds: number;
}

// At most two goesc processes at once: the 20 s budget is per run, and more processes than
// cores would measure the machine's load rather than goesc.
const maxRunning = 2;
let running = 0;
const waiting: (() => void)[] = [];
async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= maxRunning) await new Promise<void>((r) => waiting.push(r));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/** Runs goesc asynchronously so that cases can overlap on a loaded machine. */
function runGoesc(cwd: string, args: readonly string[]): Promise<Run> {
  return slot(() => spawnGoesc(cwd, args));
}

function spawnGoesc(cwd: string, args: readonly string[]): Promise<Run> {
  return new Promise((done) => {
    const started = Date.now();
    const child = spawn(process.execPath, [goesc, '-m', '-l', ...args], { cwd, timeout: 20_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status, signal) => done({ status, signal, stdout, stderr, seconds: (Date.now() - started) / 1000 }));
  });
}

function writeCase(name: string, files: BadInput['files']): string {
  const dir = join(root, name.replace(/[^a-z0-9]+/gi, '_'));
  mkdirSync(dir, { recursive: true });
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), content);
  }
  return dir;
}

/** sha256 of every file under dir, keyed by path: the inputs must come out as they went in. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d)) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else out[p] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

const stackTrace = /^\s+at .+(\(.*:\d+:\d+\)|:\d+:\d+)$/m;
const gcLine = /^[^\s:][^:]*\.go:\d+:\d+: \S/;

function expectCleanFailure(run: Run, oneLine: boolean): void {
  expect(run.signal, run.stderr).toBeNull();
  expect(run.status, run.stderr).toBe(2);
  expect(run.stderr).not.toMatch(stackTrace);
  expect(run.seconds).toBeLessThan(20);
  const lines = run.stderr.split('\n').filter((l) => l !== '');
  expect(lines.length).toBeGreaterThan(0);
  if (oneLine) {
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^goesc: /);
  } else {
    // gc stops after ten errors and says so; every other line is file:line:col: message.
    for (const l of lines) expect(l).toMatch(l.includes('too many errors') ? /too many errors/ : gcLine);
  }
}

function gcFirstLine(cwd: string, file: string): string {
  const cfg = spawnSync('go', ['list', '-export', '-f', '{{if .Export}}packagefile {{.ImportPath}}={{.Export}}{{end}}', 'std'], {
    encoding: 'utf8',
  }).stdout;
  const cfgFile = join(root, 'importcfg');
  writeFileSync(cfgFile, cfg);
  const r = spawnSync('go', ['tool', 'compile', '-p=p', `-importcfg=${cfgFile}`, '-o', join(root, 'x.o'), '-m', '-l', file], {
    cwd,
    encoding: 'utf8',
  });
  return (r.stdout + r.stderr).split('\n')[0]!;
}

describe.concurrent('bad input through the CLI', () => {
  for (const c of cases) {
    it(`${c.name}: exit 2, a clear message, input untouched`, async () => {
      const dir = writeCase(c.name, c.files);
      const args = c.args ?? Object.keys(c.files);
      const before = snapshot(dir);
      const run = await runGoesc(dir, args);
      expectCleanFailure(run, c.oneLine ?? false);
      expect(snapshot(dir)).toEqual(before);
      if (c.sameAsGc && hasGo) {
        expect(run.stderr.split('\n')[0]).toBe(gcFirstLine(dir, args[0]!));
      }
    });
  }

  for (const [what, body] of [
    ['parentheses', `package p\n\nvar x = ${nested('(', ')', 20_000).replace('()', '(1)')}\n`],
    ['blocks', `package p\n\nfunc f() {${nested('{', '}', 20_000)}}\n`],
  ] as const) {
    it(`20,000 nested ${what}: no stack overflow, exit 0 or a clear exit 2`, async () => {
      const dir = writeCase(`nested ${what}`, { 'a.go': body });
      const before = snapshot(dir);
      const run = await runGoesc(dir, ['a.go']);
      expect(run.stderr).not.toMatch(stackTrace);
      expect(run.stderr).not.toMatch(/Maximum call stack|RangeError/);
      if (run.status !== 0) expectCleanFailure(run, false);
      expect(snapshot(dir)).toEqual(before);
    });
  }

  // A mix of packages: gc's message for files given together, the go command's for a directory.
  it('files of two packages given together: exit 2, gc\'s "package b; expected package a"', async () => {
    const dir = writeCase('mixed files', { 'a.go': 'package a\n', 'b.go': 'package b\n' });
    const run = await runGoesc(dir, ['a.go', 'b.go']);
    expectCleanFailure(run, false);
    expect(run.stderr).toMatch(/^b\.go:\d+:\d+: package b; expected package a/);
  });

  it('a directory holding two packages: exit 2 with one line naming both', async () => {
    const dir = writeCase('mixed dir', { 'm/a.go': 'package a\n', 'm/b.go': 'package b\n' });
    const run = await runGoesc(dir, ['m']);
    expectCleanFailure(run, true);
    expect(run.stderr).toMatch(/found packages a \(a\.go\) and b \(b\.go\)/);
  });
});
