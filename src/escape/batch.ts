// The state shared by one batch of mutually recursive functions (escape.go's batch) and
// the per-function walking state (escape.go's escape), plus the primitive operations every
// rule is built from: new locations, flows, and the special holes (heap, mutator, callee,
// discard). Messages are emitted here in gc's order, as gc prints each the moment it warns.

import type { CaseClause, Expr, IrFunc, IrName, Pos, Stmt } from '../ir/ir.js';
import { walkStmts, type Node } from '../ir/walk.js';
import { Attr, allAttrs, Location, hole, isName, shift, type Hole, type LocationIds, type IrNode, type Note } from './graph.js';
import type { EscapeModel } from './utils.js';
import { ReassignOracle } from './staticvalue.js';
import { rootFunc } from '../ir/dump.js';
import { Leaks } from './leaks.js';
import { InternalError, formatPos } from '../errors.js';
import type { Relocate } from '../syntax/linedir.js';

/** Renders IR nodes the way gc's %v does (src/ir/fmt.ts or the diag fallback). */
export interface NodeFormatter {
  node(n: IrNode): string;
  /** A type switch's case clause, `case T1, T2: stmt; stmt` (gc's %v of an OCASE). */
  caseClause(c: CaseClause): string;
}

export type MessageKind =
  | 'moved-to-heap'
  | 'escapes'
  | 'does-not-escape'
  | 'leaking-param'
  | 'leaking-param-content'
  | 'leaking-param-to-result'
  | 'param-does-not-escape'
  | 'flow'
  | 'other';

/** One line of -m output, in emission order. */
export interface EscapeMessage {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly message: string;
  readonly kind: MessageKind;
  readonly func: string;
}

export interface BatchOptions {
  readonly m: number;
  readonly model: EscapeModel;
  readonly fmt: NodeFormatter;
  /** Tags of functions analysed in earlier batches (and model summaries). */
  readonly tags: Map<IrFunc, Leaks[]>;
  /** Tags of imported functions by symbol name, from their packages' facts (pipeline/facts.ts). */
  readonly imported?: ReadonlyMap<string, readonly string[]>;
  readonly oracles: Map<IrFunc, ReassignOracle>;
  /** Closures whose results lost track because the closure was called indirectly. */
  readonly closureResultsLost: Set<IrFunc>;
  /** Where a note prints a position (the files' line directives); absent: as it is. */
  readonly relocate?: Relocate;
  readonly emit: (m: EscapeMessage) => void;
  /** The run's location numbering (shared by its batches). */
  readonly ids: LocationIds;
}

export type FuncState = 'planned' | 'started' | 'tagged';

export interface ClosureSpill {
  readonly k: Hole;
  readonly fn: IrFunc;
}

export class Batch {
  readonly allLocs: Location[] = [];
  readonly heapLoc: Location;
  readonly mutatorLoc: Location;
  readonly calleeLoc: Location;
  readonly blankLoc: Location;
  readonly closures: ClosureSpill[] = [];
  readonly nameLocs = new Map<IrName, Location>();
  readonly funcState = new Map<IrFunc, FuncState>();
  /** Closure capture modes decided by flowClosure: true = by value. */
  readonly byValue = new Map<IrName, boolean>();
  /** Expressions replaced by constants (rewriteWithLiterals), for printing. */
  readonly rewritten = new Map<Expr, Expr>();
  /** Arguments already evaluated by the //go:uintptrescapes rewrite. */
  readonly consumed = new Set<Expr>();
  /** The statement that declares each name (gc's Name.Defn). */
  private readonly defns = new Map<IrName, Stmt>();

  defnOf(n: IrName): Stmt | undefined {
    return this.defns.get(n);
  }

  /** Per function whose definitions were recorded and which is not walked yet: its labels. */
  private readonly labelsFound = new Map<IrFunc, Labels>();

  /** Records fn's definitions, and its labels for walkFunc (takeLabels): one walk for both. */
  recordDefinitions(fn: IrFunc): void {
    const labels: Labels = new Map();
    walkStmts(
      fn.body ?? [],
      (s) => {
        if ('defs' in s && s.defs) for (const d of s.defs) this.defns.set(d, s as Stmt);
        noteLabel(labels, s);
      },
      false,
    );
    this.labelsFound.set(fn, labels);
  }

  /** fn's labels as recordDefinitions found them (each time once), else found now. */
  takeLabels(fn: IrFunc): Labels {
    const found = this.labelsFound.get(fn);
    if (found !== undefined) {
      this.labelsFound.delete(fn);
      return found;
    }
    const labels: Labels = new Map();
    walkStmts(fn.body ?? [], (n) => noteLabel(labels, n), false);
    return labels;
  }

  constructor(readonly opts: BatchOptions) {
    this.heapLoc = new Location(opts.ids.next(), null, null, 0, 'heap');
    this.mutatorLoc = new Location(opts.ids.next(), null, null, 0, 'mutator');
    this.calleeLoc = new Location(opts.ids.next(), null, null, 0, 'callee');
    this.blankLoc = new Location(opts.ids.next(), null, null, 0, 'blank');
    this.heapLoc.attrs = allAttrs;
    this.mutatorLoc.attrs = Attr.mutates;
    this.calleeLoc.attrs = Attr.calls;
  }

  get m(): number {
    return this.opts.m;
  }

  heapHole(): Hole { return this.heapLoc.asHole(); }
  mutatorHole(): Hole { return this.mutatorLoc.asHole(); }
  calleeHole(): Hole { return this.calleeLoc.asHole(); }
  discardHole(): Hole { return this.blankLoc.asHole(); }

  note(k: Hole, where: IrNode, why: string, file: string, pos?: Pos, text?: string): Hole {
    if (this.m < 2) return k;
    const n: Note = { next: k.notes, where, why, file, pos: pos ?? where.pos, ...(text ? { text } : {}) };
    return hole(k.dst, k.derefs, n, k.addrtaken);
  }

  oldLoc(n: IrName): Location {
    const loc = this.nameLocs.get(n);
    // Every variable a batch's code names was declared by one of its functions (a dcl, a
    // parameter, a closure variable of an enclosing function): gc's "%v has no location".
    if (!loc) throw new InternalError(`${n.sym} has no location (declared at ${n.pos.line}:${n.pos.col}, in ${n.curfn?.name ?? 'no function'})`);
    return loc;
  }

  hasLoc(n: IrName): boolean {
    return this.nameLocs.has(n);
  }

  newLoc(n: IrNode | null, curfn: IrFunc | null, loopDepth: number, persists: boolean): Location {
    const loc = new Location(this.opts.ids.next(), n, curfn, loopDepth);
    if (loc.isNameOfClass('param')) loc.param = true;
    else if (loc.isNameOfClass('result')) loc.paramOut = true;
    if (persists) loc.attrs |= Attr.persists;
    this.allLocs.push(loc);
    if (isName(n)) this.nameLocs.set(n, loc);
    return loc;
  }

  /** Records that k's value flows from src (batch.flow). */
  flow(k: Hole, src: Location): void {
    if (k.addrtaken) src.addrtaken = true;
    const dst = k.dst;
    if (dst === this.blankLoc) return;
    if (dst === src && k.derefs >= 0) return;
    if (dst.hasAttr(Attr.escapes) && k.derefs < 0) {
      if (this.m >= 2 && src.n) {
        this.explainEscape(src);
        this.explainFlow(src, dst, src, k.derefs, k.notes);
      }
      src.attrs |= allAttrs;
      // Kept for the flow graph only: the solver skips edges from escaping sources.
      dst.edges.push({ src, derefs: k.derefs, notes: k.notes });
      return;
    }
    dst.edges.push({ src, derefs: k.derefs, notes: k.notes });
  }

  /** Whether fn is in this batch and not yet tagged: its params are graph nodes here. */
  inMutualBatch(fn: IrFunc | null | undefined): boolean {
    if (!fn) return false;
    const s = this.funcState.get(fn);
    return s !== undefined && s !== 'tagged';
  }

  oracle(fn: IrFunc): ReassignOracle {
    const root = rootFunc(fn);
    let ro = this.opts.oracles.get(root);
    if (!ro) {
      ro = new ReassignOracle(root);
      this.opts.oracles.set(root, ro);
    }
    return ro;
  }

  // ───────────────────────────────────────── messages

  /** Locations made while walking a statement of another file than their function's. */
  readonly locFiles = new Map<Location, string>();

  fileOf(l: Location): string {
    return (isName(l.n) ? l.n.file : undefined) ?? this.locFiles.get(l) ?? l.curfn?.file ?? '';
  }

  posOf(n: IrNode): Pos {
    return n.pos;
  }

  /** A note's position as gc prints it. */
  private notePos(note: Note): string {
    if (note.pos.line === 0) return '<unknown line number>';
    const at = this.opts.relocate?.(note.file, note.pos.line, note.pos.col) ?? { file: note.file, line: note.pos.line, col: note.pos.col };
    return formatPos(at.file, at.line, at.col);
  }

  say(file: string, pos: Pos, message: string, kind: MessageKind, fn: IrFunc | null): void {
    this.opts.emit({ file, line: pos.line, col: pos.col, message, kind, func: fn?.name ?? '' });
  }

  /**
   * n with the constants rewriteWithLiterals put in (gc rewrites in place, so later
   * explanations print `f(2, 1)` where the source says `f(2, x)`).
   */
  substituted(n: IrNode): IrNode {
    if (this.rewritten.size === 0 || isName(n)) return n;
    const direct = this.rewritten.get(n as Expr);
    if (direct) return direct;
    const seen = new Map<object, unknown>();
    const copy = (v: unknown): unknown => {
      if (!v || typeof v !== 'object') return v;
      const r = this.rewritten.get(v as Expr);
      if (r) return r;
      if (seen.has(v)) return seen.get(v);
      if (Array.isArray(v)) {
        const out: unknown[] = [];
        seen.set(v, out);
        for (const x of v) out.push(copy(x));
        return out;
      }
      const o = v as Record<string, unknown>;
      // Only expression and statement trees are copied; names, types and functions are shared.
      if (typeof o['op'] !== 'string') return v;
      const out: Record<string, unknown> = {};
      seen.set(v, out);
      for (const [key, val] of Object.entries(o)) out[key] = key === 'type' || key === 'func' || key === 'name' || key === 'method' ? val : copy(val);
      return out;
    };
    return copy(n) as IrNode;
  }

  /** How -m=2 names a location (explainLoc). */
  explainLoc(l: Location): string {
    if (l === this.heapLoc) return '{heap}';
    if (!l.n) return '{temp}';
    if (isName(l.n)) return l.n.sym;
    return `{storage for ${this.opts.fmt.node(l.n)}}`;
  }

  /** The `x escapes to heap in f:` header of a -m=2 explanation. */
  explainEscape(l: Location): void {
    if (!l.n) return;
    this.say(this.fileOf(l), l.n.pos, `${this.opts.fmt.node(l.n)} escapes to heap in ${funcName(l.curfn)}:`, 'flow', l.curfn);
  }

  explainFlow(at: Location, dst: Location, src: Location, derefs: number, notes: Note | null): void {
    if (!at.n) return;
    const ops = derefs < 0 ? '&' : '*'.repeat(derefs);
    const file = this.fileOf(at);
    const pos = at.n.pos;
    this.say(file, pos, `  flow: ${this.explainLoc(dst)} ← ${ops}${this.explainLoc(src)}:`, 'flow', at.curfn);
    for (let note = notes; note; note = note.next) {
      this.say(
        file,
        pos,
        `    from ${note.text ?? this.opts.fmt.node(this.substituted(note.where))} (${note.why}) at ${this.notePos(note)}`,
        'flow',
        at.curfn,
      );
    }
  }
}

/** gc's ir.FuncName: the symbol without the package qualifier (`f`, `(*T).M`, `f.func1`). */
export function shortName(fn: IrFunc | null): string {
  if (!fn) return '<nil>';
  return (fn.qual ?? '') + funcName(fn);
}

/** ir.FuncName: the function's own name, never package-qualified (the -m=2 flow headers). */
export function funcName(fn: IrFunc | null): string {
  if (!fn) return '<nil>';
  if (fn.pkgPath && fn.name.startsWith(fn.pkgPath + '.')) return fn.name.slice(fn.pkgPath.length + 1);
  return withoutPackage(fn.name);
}

/**
 * A symbol without its package path: `example.com/m/inner.(*T).Add` → `(*T).Add`. The path
 * may hold dots and slashes; it ends at the first dot after its last slash, looked for
 * before any `[` or `(` (type arguments may spell other paths: `Map[go.shape.struct { a/b.v int }]`).
 */
export function withoutPackage(sym: string): string {
  let end = sym.length;
  for (const c of ['[', '(']) {
    const i = sym.indexOf(c);
    if (i >= 0 && i < end) end = i;
  }
  const slash = sym.lastIndexOf('/', end - 1);
  const dot = sym.indexOf('.', slash + 1);
  return dot >= 0 && dot < end ? sym.slice(dot + 1) : sym;
}

/** Per-function walking state (escape.go's escape). */
/** A function's labels: looping when a goto after the label jumps back to it. */
export type Labels = Map<string, 'looping' | 'nonlooping'>;

/** A label counts as a loop head when a goto after it jumps back to it (nodes in order). */
function noteLabel(labels: Labels, n: Node): void {
  if (n.op === 'LABEL' && n.label !== '_') labels.set(n.label, 'nonlooping');
  else if (n.op === 'GOTO' && n.label && labels.get(n.label) === 'nonlooping') labels.set(n.label, 'looping');
}

export class Escape {
  loopDepth = 1;
  labels: Labels = new Map();

  /** The file of the statement being walked (an init statement may come from any file). */
  file: string;

  constructor(readonly b: Batch, readonly curfn: IrFunc) {
    this.file = curfn.file;
  }

  note(k: Hole, where: IrNode, why: string, pos?: Pos, text?: string): Hole {
    return this.b.note(k, where, why, this.file, pos, text);
  }
  addr(k: Hole, where: IrNode, why: string): Hole {
    return this.note(shift(k, -1), where, why);
  }
  deref(k: Hole, where: IrNode, why: string): Hole {
    return this.note(shift(k, 1), where, why);
  }
  /** A type assertion to a non-pointer-shaped type reads through the interface's data word. */
  dotType(k: Hole, t: Expr['type'], where: IrNode, why: string, pos?: Pos, text?: string): Hole {
    if (t.kind !== 'interface' && !t.directIface) k = shift(k, 1);
    return this.note(k, where, why, pos, text);
  }

  newLoc(n: IrNode | null, persists: boolean): Location {
    const loc = this.b.newLoc(n, this.curfn, this.loopDepth, persists);
    if (this.file !== this.curfn.file) this.b.locFiles.set(loc, this.file);
    return loc;
  }

  /** A temporary that flows into each of ks (teeHole). */
  teeHole(ks: readonly Hole[]): Hole {
    if (ks.length === 0) return this.b.discardHole();
    if (ks.length === 1) return ks[0]!;
    const loc = this.newLoc(null, false);
    for (const k of ks) this.b.flow(k, loc);
    return loc.asHole();
  }

  /** A hole flowing into k some time later: keeps temporaries from immediate reuse. */
  later(k: Hole): Hole {
    const loc = this.newLoc(null, true);
    this.b.flow(k, loc);
    return loc.asHole();
  }

  /** A new location for the allocation n, its address flowing to k (spill). */
  spill(k: Hole, n: Expr): Hole {
    const loc = this.newLoc(n, false);
    this.b.flow(this.addr(k, n, 'spill'), loc);
    return loc.asHole();
  }
}
