// Rendering a prediction: text in the style of `go tool compile -S` (only the lines a
// reader looks for: the TEXT directive, each `LEAQ type:T(SB), AX` + `CALL runtime.X(SB)`
// pair at its source line, and the variables that stay on the stack), and the JSON that
// tools compare (docs/CLI.md: one entry per function, one alloc per runtime CALL).

import type { FuncAsm } from './result.js';

/** Calls whose first argument is the type, loaded into AX just before the CALL. */
const typeInAX: ReadonlySet<string> = new Set(['runtime.newobject', 'runtime.makeslice', 'runtime.convT', 'runtime.convTnoptr']);

export function textDirective(f: FuncAsm): string {
  const flags = [
    ...(f.frame.leaf ? ['NOSPLIT'] : []),
    ...(f.frame.wrapper ? ['WRAPPER'] : []),
    ...(f.frame.needCtxt ? ['NEEDCTXT'] : []),
    ...(f.frame.leaf ? ['NOFRAME'] : []),
    'ABIInternal',
  ].join('|');
  const frame = f.frame.frameSize === null ? '?' : String(f.frame.frameSize);
  return `TEXT\t${f.function}(SB), ${flags}, $${frame}-${f.frame.argsSize}`;
}

export function formatListing(funcs: readonly FuncAsm[]): string {
  const out: string[] = [];
  for (const f of funcs) {
    const hex = (n: number) => `0x${n.toString(16)}`;
    const locals = f.frame.frameSize === null ? '?' : hex(f.frame.frameSize);
    out.push(`${f.function} STEXT${f.frame.leaf ? ' nosplit' : ''} args=${hex(f.frame.argsSize)} locals=${locals} (predicted by goesc)`);
    out.push(`\t(${f.file}:${f.line})\t${textDirective(f)}`);
    for (const a of f.allocs) {
      const at = `\t(${a.file ?? f.file}:${a.line})`;
      if (a.type !== undefined && typeInAX.has(a.call)) out.push(`${at}\tLEAQ\ttype:${a.type}(SB), AX`);
      out.push(`${at}\tCALL\t${a.call}(SB)\t; ${a.why}`);
    }
    for (const s of f.stack) {
      out.push(`\t; stack: ${s.name} ${s.type} (${f.file}:${s.line}), ${s.size} bytes in the frame or registers`);
    }
  }
  return out.length ? out.join('\n') + '\n' : '';
}

export interface AllocJson {
  readonly line: number;
  /** Only when not the function's file (code inlined from another file). */
  readonly file?: string;
  readonly call: string;
  readonly type?: string;
}

export interface FuncJson {
  readonly function: string;
  readonly file: string;
  readonly allocs: readonly AllocJson[];
  readonly text: string;
  readonly stack: readonly { readonly name: string; readonly type: string; readonly line: number }[];
}

/** docs/CLI.md's JSON: `type` only on newobject, as `-S` shows it (`LEAQ type:T(SB), AX`). */
export function toJson(funcs: readonly FuncAsm[]): FuncJson[] {
  return funcs.map((f) => ({
    function: f.function,
    file: f.file,
    allocs: f.allocs.map((a) => ({
      line: a.line,
      ...(a.file !== undefined ? { file: a.file } : {}),
      call: a.call,
      ...(a.call === 'runtime.newobject' && a.type !== undefined ? { type: a.type } : {}),
    })),
    text: textDirective(f),
    stack: f.stack.map((s) => ({ name: s.name, type: s.type, line: s.line })),
  }));
}
