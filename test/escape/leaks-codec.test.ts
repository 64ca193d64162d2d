// The one escape-tag codec (src/escape/leaks.ts) against every `//goesc:leaks` directive of the
// std models: each slot, read by the directive's own rules (models/README.md: `recv` is the
// receiver, `#i` the i-th parameter, anything else a parameter's name), must be the tag the
// analysis reads for that parameter through tagsFromDirective, with the parameter names the
// lowering gives an imported function (src/ir/lower/expr.ts importedFunc). A slot no
// parameter reads, or a parameter that reads another's slot, fails here: go/types'
// (*Checker).validRecv(pos positioner, recv *Var) once read the receiver's tag for `recv`.

import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseFile } from '../../src/syntax/index.js';
import type { FuncDecl } from '../../src/syntax/ast.js';
import { Leaks, formatLeaksDirective, parseLeaksDirective, tagsFromDirective } from '../../src/escape/leaks.js';

const root = path.resolve(__dirname, '../..');
const stdDir = path.join(root, 'models/go1.26/std');
const hasGo = spawnSync('go', ['version']).status === 0;
if (!hasGo) console.log('test/escape/leaks-codec.test.ts: go is not on PATH; skipping the check of validRecv against gc');

function stubFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    // A package's body files (src/) may hold a file named api.go too; the stubs are the point.
    if (statSync(p).isDirectory()) {
      if (name !== 'src') out.push(...stubFiles(p));
    }
    else if (name === 'api.go') out.push(p);
  }
  return out;
}

interface Tagged {
  readonly where: string;
  readonly directive: string;
  readonly decl: FuncDecl;
}

/** Every directive with the func declaration it tags (parsed alone: stubs write one line each). */
function taggedFuncs(): Tagged[] {
  const out: Tagged[] = [];
  for (const file of stubFiles(stdDir)) {
    const lines = readFileSync(file, 'utf8').split('\n');
    const pairs: { line: number; directive: string; func: string }[] = [];
    lines.forEach((l, i) => {
      if (l.startsWith('//goesc:leaks')) pairs.push({ line: i + 1, directive: l, func: lines[i + 1] ?? '' });
    });
    if (pairs.length === 0) continue;
    const src = `package p\n${pairs.map((p) => p.func).join('\n')}\n`;
    const r = parseFile('stub.go', new TextEncoder().encode(src));
    expect(r.errors, file).toEqual([]);
    const decls = r.file!.decls.filter((d): d is FuncDecl => d.kind === 'FuncDecl');
    expect(decls.length, file).toBe(pairs.length);
    pairs.forEach((p, i) => out.push({ where: `${path.relative(root, file)}:${p.line}`, directive: p.directive, decl: decls[i]! }));
  }
  return out;
}

/** The parameter names importedFunc gives: a field's names, or one unnamed (`~pN`) parameter. */
function paramSyms(decl: FuncDecl): { recv: { sym: string } | null; params: { sym: string }[] } {
  const off = decl.recv ? 1 : 0;
  const recvName = decl.recv?.names[0]?.value ?? '';
  const recv = decl.recv ? { sym: recvName === '' || recvName === '_' ? '~p0' : recvName } : null;
  const names = decl.type.params.flatMap((f) => (f.names.length > 0 ? f.names.map((n) => n.value) : ['']));
  return { recv, params: names.map((n, i) => ({ sym: n === '' || n === '_' ? `~p${i + off}` : n })) };
}

const tagged = taggedFuncs();

describe('the escape-tag codec', () => {
  it('decodes every std directive slot to the tag the analysis reads for that parameter', () => {
    expect(tagged.length).toBeGreaterThan(5000);
    const problems: string[] = [];
    for (const t of tagged) {
      const { recv, params } = paramSyms(t.decl);
      const analysis = tagsFromDirective(t.directive, recv, params);
      const slots = parseLeaksDirective(t.directive);
      const read = new Set<number>();
      for (const [slot, tag] of slots) {
        const off = recv ? 1 : 0;
        const param = slot.startsWith('#') ? Number(slot.slice(1)) : params.findIndex((p) => p.sym === slot);
        const i = slot === 'recv' ? (recv ? 0 : -1) : param < 0 ? -1 : param + off;
        const got = analysis[i];
        if (i < 0 || !got) problems.push(`${t.where}: slot ${slot} names no parameter`);
        else if (!got.equals(tag)) problems.push(`${t.where}: slot ${slot} is ${tag.format()}, the analysis reads ${got.format()}`);
        read.add(i);
      }
      analysis.forEach((l, i) => {
        if (!read.has(i) && !l.equals(Leaks.unknown())) problems.push(`${t.where}: parameter ${i} has no slot but reads ${l.format()}`);
      });
      // The codec writes back what it read.
      if (`//goesc:leaks ${formatLeaksDirective(slots)}` !== t.directive) problems.push(`${t.where}: does not round-trip`);
    }
    expect(problems).toEqual([]);
  });

  it("reads go/types (*Checker).validRecv's parameter `recv` from its own slot #1, not the receiver's", () => {
    const t = tagged.find((x) => x.decl.name.value === 'validRecv' && x.where.startsWith('models/go1.26/std/go/types/'));
    expect(t).toBeDefined();
    const { recv, params } = paramSyms(t!.decl);
    expect(params.map((p) => p.sym)).toEqual(['pos', 'recv']);
    const slots = parseLeaksDirective(t!.directive);
    const [receiver, , recvParam] = tagsFromDirective(t!.directive, recv, params);
    expect(receiver!.equals(slots.get('recv')!)).toBe(true);
    expect(recvParam!.equals(slots.get('#1')!)).toBe(true);
  });

  it.runIf(hasGo)("agrees with gc's -m lines for validRecv's parameters", () => {
    // gc prints `leaking param: p` for heap:0 and `leaking param content: p` for heap:1.
    const goroot = spawnSync('go', ['env', 'GOROOT'], { encoding: 'utf8' }).stdout.trim();
    const file = path.join(goroot, 'src/go/types/signature.go');
    const line = readFileSync(file, 'utf8').split('\n').findIndex((l) => l.startsWith('func (check *Checker) validRecv(')) + 1;
    expect(line).toBeGreaterThan(0);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'goesc-leaks-'));
    try {
      const r = spawnSync('go', ['build', '-gcflags=go/types=-m', '-o', path.join(dir, 'types.a'), 'go/types'], { encoding: 'utf8', cwd: dir });
      const gc = r.stderr.split('\n').filter((l) => l.startsWith(`${file}:${line}:`)).map((l) => l.replace(/^.*?:\d+:\d+: /, ''));
      const t = tagged.find((x) => x.decl.name.value === 'validRecv' && x.where.startsWith('models/go1.26/std/go/types/'))!;
      const { recv, params } = paramSyms(t.decl);
      const ours = tagsFromDirective(t.directive, recv, params).map((l, i) => {
        const name = i === 0 ? 'check' : params[i - 1]!.sym;
        return l.heap() === 0 ? `leaking param: ${name}` : l.heap() === 1 ? `leaking param content: ${name}` : `? ${name}`;
      });
      expect(gc.sort()).toEqual(ours.sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
