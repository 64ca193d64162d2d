// Why-chains across calls. gc's -m=2 explanation of a decision stops at a call: its last
// note is `from pass(&x) (call parameter)`, and why `pass` leaks that parameter is another
// explanation, `parameter q leaks to {heap} for pass`, printed elsewhere. A chain follows
// the flow from the decision through each call that carried the value to the heap, into
// the callee's own explanation of that leak, recursively, until a step that is not a call
// (an assignment to a global, a too-large allocation, ...), a call into the standard
// library (named with its leak tag from models/<go>/std, `//goesc:leaks a=heap:1`), or a
// callee that cannot be resolved (a function value, an interface method):
//
//     x escapes: &x is passed to pass at why.go:15
//       pass leaks q: passed to store at why.go:10
//         store leaks p: assigned to global at why.go:6
//
// It reads only explanations (explain.ts, rebuilt from -m=2 lines), so it works on gc's
// own output as well as goesc's; the caller supplies what the lines do not say: each user
// function's parameter order (to know which parameter an argument lands in), the file's
// imports, and the std lookup.

import { parseLeaksDirective, leaksSlot } from '../escape/leaks.js';
import type { AnalysisResult } from '../api.js';
import { readText, type ModelStore } from '../models/store.js';
import { defaultModelStore, fsModelStore } from '../models/files.js';
import { groupExplanations, type Explanation, type FlowNote, type SourcePos } from './explain.js';

export interface ChainStep {
  /** `escapes` for the starting location, `leaks` for a parameter of a function on the way. */
  readonly event: 'escapes' | 'leaks';
  /** The function the step happens in (gc's name: `pass`, `(*T).M`, or `fmt.Println` for std). */
  readonly func: string;
  /** The escaping location or the leaking parameter. */
  readonly subject: string;
  /** Where the subject is declared (the explanation's position); absent for std. */
  readonly subjectAt?: SourcePos;
  /** What carries it on: `&x is passed to pass`, `assigned to global`, a std leak tag. */
  readonly how: string;
  /** The note's position (the call, the assignment); for std, the stub's declaration. */
  readonly at: SourcePos;
  /** The called function and the parameter the value arrives in, when it is a call. */
  readonly callee?: string;
  readonly param?: string;
  /** For a std function: its import path and the parameter's leak tag (`heap:1`). */
  readonly std?: { readonly path: string; readonly tag: string };
}

export interface Chain {
  readonly steps: readonly ChainStep[];
  /** Whether the last step reaches the heap (false when the chain stops at an unresolved call). */
  readonly reachesHeap: boolean;
}

/** A std function's parameters and leak tags, from its stub in models/<go>/std. */
export interface StdFunc {
  /** Slots in call-argument order: `recv` first for a method, then parameter slots. */
  readonly slots: readonly string[];
  /** The raw tag per slot, as the directive spells it (`heap:1`, `none`). */
  readonly tags: ReadonlyMap<string, string>;
  readonly at: SourcePos;
}

export interface ChainContext {
  readonly explanations: readonly Explanation[];
  /** A user function's parameter names in call-argument order (receiver first), by gc's name. */
  readonly paramsOf?: (func: string) => readonly string[] | undefined;
  /** The import path a package name stands for in a file (by the file's imports). */
  readonly importPathOf?: (name: string, file: string) => string | undefined;
  /** A std function by import path, receiver type (for methods) and name. */
  readonly std?: (path: string, recvType: string | null, name: string) => StdFunc | undefined;
}

/** Follows `start` through the calls that carry it to the heap. */
export function buildChain(start: Explanation, ctx: ChainContext): Chain {
  const steps: ChainStep[] = [];
  const seen = new Set<Explanation>();
  let e: Explanation | undefined = start;
  while (e && !seen.has(e)) {
    seen.add(e);
    const notes: readonly FlowNote[] = e.steps.flatMap((s) => s.notes);
    const last: FlowNote | undefined = notes[notes.length - 1];
    const base = { event: e.event, func: e.func, subject: e.subject, subjectAt: e.at };
    if (!last) {
      steps.push({ ...base, how: e.sink ? `leaks to ${e.sink}` : 'escapes to heap', at: e.at });
      return { steps, reachesHeap: true };
    }
    const call: { callee: string; args: string[] } | null = last.why === 'call parameter' ? parseCall(last.where) : null;
    if (!call) {
      steps.push({ ...base, how: terminal(last), at: last.at });
      return { steps, reachesHeap: true };
    }
    const lastStep = e.steps[e.steps.length - 1]!;
    const value = notes.length > 1 ? notes[notes.length - 2]!.where : lastStep.src;
    // A variadic call's packed arguments print as `... argument...` in the call and
    // `... argument` in the note before it.
    let argIndex = call.args.findIndex((a) => a === value || a === lastStep.src || (value === '... argument' && a === '... argument...'));
    if (argIndex < 0 && call.args.length === 1) argIndex = 0;
    const how = e === start && e.event === 'escapes' ? `${value} is passed to ${call.callee}` : `passed to ${call.callee}`;
    const user = ctx.paramsOf?.(call.callee);
    if (user) {
      const param = argIndex >= 0 ? user[argIndex] : undefined;
      steps.push({ ...base, how, at: last.at, callee: call.callee, ...(param ? { param } : {}) });
      e = ctx.explanations.find((x) => x.event === 'leaks' && x.func === call.callee && x.subject === param && x.sink === '{heap}');
      if (!e) return { steps, reachesHeap: false };
      continue;
    }
    const std = stdCallee(call.callee, last.at.file, ctx);
    if (std && argIndex >= 0) {
      const slot = std.fn.slots[argIndex];
      const tag = slot !== undefined ? std.fn.tags.get(slot) : undefined;
      steps.push({ ...base, how, at: last.at, callee: call.callee, ...(slot ? { param: slot } : {}) });
      if (slot && tag) {
        steps.push({
          event: 'leaks',
          func: call.callee,
          subject: slot,
          how: `//goesc:leaks ${slot}=${tag} (${describeTag(tag)})`,
          at: std.fn.at,
          std: { path: std.path, tag },
        });
        return { steps, reachesHeap: /\bheap:/.test(tag) };
      }
      return { steps, reachesHeap: false };
    }
    steps.push({ ...base, how, at: last.at, callee: call.callee });
    // An interface method or a function value: gc gives it every argument to the heap.
    return { steps, reachesHeap: true };
  }
  return { steps, reachesHeap: false };
}

/** The chain as indented text, one step a line. */
export function formatChain(chain: Chain): string[] {
  return chain.steps.map((s, i) => {
    const head = s.event === 'escapes' ? `${s.subject} escapes` : `${s.func} leaks ${s.subject}`;
    const at = s.at.line > 0 ? ` at ${s.at.file}:${s.at.line}` : '';
    return `${'  '.repeat(i)}${head}: ${s.how}${at}`;
  });
}

/** `f(a, b)` → callee `f`, args [`a`, `b`]; null when the text is not a call. */
export function parseCall(where: string): { callee: string; args: string[] } | null {
  if (!where.endsWith(')')) return null;
  let depth = 0;
  let open = -1;
  for (let i = where.length - 1; i >= 0; i--) {
    const c = where[i];
    if (c === ')' || c === ']' || c === '}') depth++;
    else if (c === '(' || c === '[' || c === '{') {
      if (--depth === 0) {
        open = i;
        break;
      }
    }
  }
  if (open <= 0) return null;
  const callee = where.slice(0, open);
  const inner = where.slice(open + 1, -1);
  const args: string[] = [];
  let cur = '';
  depth = 0;
  for (const c of inner) {
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    if (c === ',' && depth === 0) {
      args.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  if (cur.trim() !== '') args.push(cur.trim());
  return { callee, args };
}

/** The note that ends the flow, in words: `assigned to global`, `returned`, gc's reason. */
function terminal(n: FlowNote): string {
  if (n.why === 'assign') {
    const eq = n.where.indexOf(' = ');
    return eq > 0 ? `assigned to ${n.where.slice(0, eq)}` : `assigned (${n.where})`;
  }
  return `${n.where} (${n.why})`;
}

function describeTag(tag: string): string {
  const m = /heap:(\d+)/.exec(tag);
  if (!m) return 'does not reach the heap';
  return m[1] === '0' ? 'the argument escapes to the heap' : `what the argument points to escapes to the heap (derefs=${m[1]})`;
}

/** A call's callee as a std function: `fmt.Println`, `(*sync.Mutex).Lock`. */
function stdCallee(callee: string, file: string, ctx: ChainContext): { path: string; fn: StdFunc } | undefined {
  let m = /^\(\*?([\p{L}_][\p{L}\p{N}_]*)\.([\p{L}_][\p{L}\p{N}_]*)\)\.([\p{L}_][\p{L}\p{N}_]*)$/u.exec(callee);
  let qualifier: string, recv: string | null, name: string;
  if (m) [qualifier, recv, name] = [m[1]!, m[2]!, m[3]!];
  else if ((m = /^([\p{L}_][\p{L}\p{N}_]*)\.([\p{L}_][\p{L}\p{N}_]*)$/u.exec(callee))) [qualifier, recv, name] = [m[1]!, null, m[2]!];
  else return undefined;
  const path = ctx.importPathOf?.(qualifier, file) ?? qualifier;
  const fn = ctx.std?.(path, recv, name);
  return fn ? { path, fn } : undefined;
}

/**
 * The import paths of a Go file's imports, by package name. gc qualifies a callee with the
 * package's own name, never the file's alias (`import f "fmt"` still prints `fmt.Println`);
 * for std that name is the path's last element.
 */
export function importsOf(source: string): Map<string, string> {
  const out = new Map<string, string>();
  const code = source.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, ' ');
  const add = (_alias: string | undefined, path: string) => {
    out.set(path.slice(path.lastIndexOf('/') + 1), path);
  };
  for (const m of code.matchAll(/\bimport\s*\(([^)]*)\)/g)) {
    for (const s of m[1]!.matchAll(/(?:([\p{L}_.][\p{L}\p{N}_]*)\s+)?"([^"]+)"/gu)) add(s[1], s[2]!);
  }
  for (const m of code.matchAll(/\bimport\s+(?:([\p{L}_.][\p{L}\p{N}_]*)\s+)?"([^"]+)"/gu)) add(m[1], m[2]!);
  return out;
}

/**
 * Looks std functions up in models/<go>/std/<path>/api.go: the `func` line of the stub and
 * the `//goesc:leaks` directive above it. Files are read once per lookup object.
 */
export function stdLookup(models: string | ModelStore, goVersion: string): NonNullable<ChainContext['std']> {
  const store = typeof models === 'string' ? fsModelStore(models) : models;
  const files = new Map<string, string[] | null>();
  const read = (rel: string): string[] | null => {
    let lines = files.get(rel);
    if (lines === undefined) {
      let text: string | null = null;
      try {
        text = readText(store, rel);
      } catch {
        text = null;
      }
      lines = text === null ? null : text.split('\n');
      files.set(rel, lines);
    }
    return lines;
  };
  return (path, recvType, name) => {
    const dir = `${goVersion}/std/${path}`;
    const recvPart = recvType ? `\\(\\s*\\w*\\s*\\*?${recvType}(?:\\[[^\\]]*\\])?\\)\\s*` : '';
    const decl = new RegExp(`^func\\s+${recvPart}${name}(?:\\[[^\\]]*\\])?\\((.*?)\\)`);
    // The stub, else the body files (a function gc can inline keeps its body there).
    let srcFiles: string[] = [];
    try {
      srcFiles = (store.list(`${dir}/src`) ?? []).filter((f) => f.endsWith('.go')).sort().map((f) => `${dir}/src/${f}`);
    } catch {
      srcFiles = [];
    }
    let file = '';
    let lines: string[] | null = null;
    let at = -1;
    for (const rel of [`${dir}/api.go`, ...srcFiles]) {
      const ls = read(rel);
      const i = ls ? ls.findIndex((l) => decl.test(l)) : -1;
      if (ls && i >= 0) {
        file = `${store.location}/${rel}`;
        lines = ls;
        at = i;
        break;
      }
    }
    if (!lines || at < 0) return undefined;
    const params = paramNames(decl.exec(lines[at]!)![1]!);
    const slots = [...(recvType ? ['recv'] : []), ...params.map((p, i) => leaksSlot(p, i))];
    const tags = new Map<string, string>();
    for (let i = at - 1; i >= 0 && lines[i]!.startsWith('//'); i--) {
      if (!lines[i]!.startsWith('//goesc:leaks')) continue;
      for (const [slot, leaks] of parseLeaksDirective(lines[i]!)) tags.set(slot, leaks.format());
    }
    for (const s of slots) if (!tags.has(s)) tags.set(s, 'none');
    return { slots, tags, at: { file, line: at + 1, col: 1 } };
  };
}

/** Parameter names of a Go parameter list (`format string, a ...any`, `x, y int`); null for unnamed ones. */
function paramNames(list: string): (string | null)[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const c of list) {
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    if (c === ',' && depth === 0) {
      parts.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  if (cur.trim() !== '') parts.push(cur.trim());
  const named = parts.some((p) => /^[\p{L}_][\p{L}\p{N}_]*\s+\S/u.test(p));
  return parts.map((p) => (named ? /^[\p{L}_][\p{L}\p{N}_]*/u.exec(p)![0] : null));
}

/**
 * The context for chains over one -m=2 analysis: parameter order from its IR, imports from
 * the files' text (`source(file)`, e.g. the editor's buffer or the file on disk), std from
 * the models of `goVersion` (in `models`, default the package's models/).
 */
export function chainContext(
  result: AnalysisResult,
  source: (file: string) => string | undefined,
  goVersion: string,
  models: ModelStore = defaultModelStore(),
): ChainContext {
  const params = new Map<string, string[]>();
  for (const p of result.packages) {
    for (const f of p.ir.funcs) {
      const name = f.name.startsWith(p.ir.path + '.') ? f.name.slice(p.ir.path.length + 1) : f.name;
      params.set(name, [...(f.recv ? [f.recv.sym] : []), ...f.params.map((x) => x.sym)]);
    }
  }
  const imports = new Map<string, Map<string, string>>();
  return {
    explanations: groupExplanations(result.diagnostics).explanations,
    paramsOf: (func) => params.get(func),
    importPathOf: (name, file) => {
      let m = imports.get(file);
      if (!m) imports.set(file, (m = importsOf(source(file) ?? '')));
      return m.get(name);
    },
    std: stdLookup(models, goVersion),
  };
}
