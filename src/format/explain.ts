// The -m=2 explanation as data. gc prints each explanation as a header line
// (`x escapes to heap in f:` or `parameter p leaks to {heap} for f with derefs=0:`) then,
// per step of the path from the location to where it escapes, a `  flow: dst ← src:` line
// and the notes that carried it (`    from &x (address-of) at file:line:col`);
// see explainPath / explainFlow in cmd/compile/internal/escape/solve.go.
// The formatters (JSON flow paths, gc's -json log, the report) want that structure, so
// groupExplanations() rebuilds it from the lines, attaching each to the decision it
// explains; the escape stage may hand the structure over directly instead.

import type { Diagnostic } from '../api.js';

export interface SourcePos {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

/** `from <where> (<why>) at <pos>`. */
export interface FlowNote {
  readonly where: string;
  readonly why: string;
  readonly at: SourcePos;
}

/** `flow: <dst> ← <ops><src>:`: src's value (ops "&": its address) flows to dst. */
export interface FlowStep {
  readonly dst: string;
  readonly src: string;
  /** "&" for an address, otherwise one "*" per dereference. */
  readonly ops: string;
  /** -1 for an address, else the number of dereferences. */
  readonly derefs: number;
  readonly notes: readonly FlowNote[];
  /**
   * Where gc's -json log places the step: its first note, or else the source location's
   * node, which the text does not show (undefined then).
   */
  readonly at?: SourcePos;
}

export interface Explanation {
  /** The escaping location (the header's position). */
  readonly at: SourcePos;
  /** `escapes`: a value or variable escapes; `leaks`: a parameter leaks to `sink`. */
  readonly event: 'escapes' | 'leaks';
  /** The location as gc prints it: `x`, `make([]int, 10)`, `p`. */
  readonly subject: string;
  /** gc's function name in the header. */
  readonly func: string;
  /** For leaks: the root it leaks to (`{heap}`, `~r0`) and the derefs. */
  readonly sink?: string;
  readonly derefs?: number;
  readonly steps: readonly FlowStep[];
  /** gc cut the path at an assignment cycle (golang.org/issue/35518). */
  readonly truncated: boolean;
  /**
   * The -json log code: `escapes` when found while building the graph (graph.go flow),
   * `escape` when found by the solver, `leak` for parameters. Guessed from the text when
   * absent (see logCodeOf in logopt.ts).
   */
  readonly logCode?: 'escape' | 'escapes' | 'leak';
}

const escapesHeader = /^(.*) escapes to heap in (.*):$/;
const leaksHeader = /^parameter (.*) leaks to (.*) for (.*) with derefs=(-?\d+):$/;
const flowLine = /^  flow: (.*) ← (&|\**)(.*):$/;
const noteLine = /^    from (.*) \(([^()]*)\) at (.*):(\d+):(\d+)$/;

export interface Grouped {
  /** The diagnostics that are not part of an explanation, in their order. */
  readonly decisions: readonly Diagnostic[];
  /** The explanations, in the order gc printed them. */
  readonly explanations: readonly Explanation[];
}

/** Splits -m=2 output into decisions and structured explanations. */
export function groupExplanations(diags: readonly Diagnostic[]): Grouped {
  const decisions: Diagnostic[] = [];
  const explanations: Explanation[] = [];
  type Building = { -readonly [K in keyof Explanation]: Explanation[K] } & { steps: FlowStep[] };
  let current: Building | null = null;
  let notes: FlowNote[] = [];
  const closeStep = () => {
    if (!current || current.steps.length === 0) return;
    const last = current.steps[current.steps.length - 1]!;
    current.steps[current.steps.length - 1] = { ...last, notes, ...(notes[0] ? { at: notes[0].at } : {}) };
  };
  const closeExplanation = () => {
    closeStep();
    if (current) explanations.push(current);
    current = null;
    notes = [];
  };
  for (const d of diags) {
    const at = { file: d.file, line: d.line, col: d.col };
    const samePos = current !== null && sameAt(current.at, at);
    let m: RegExpExecArray | null;
    if ((m = escapesHeader.exec(d.message))) {
      closeExplanation();
      current = { at, event: 'escapes', subject: m[1]!, func: m[2]!, steps: [], truncated: false };
    } else if ((m = leaksHeader.exec(d.message))) {
      closeExplanation();
      current = {
        at,
        event: 'leaks',
        subject: m[1]!,
        sink: m[2]!,
        func: m[3]!,
        derefs: Number(m[4]),
        steps: [],
        truncated: false,
      };
    } else if (samePos && (m = flowLine.exec(d.message))) {
      closeStep();
      notes = [];
      const ops = m[2]!;
      current!.steps.push({ dst: m[1]!, ops, src: m[3]!, derefs: ops === '&' ? -1 : ops.length, notes: [] });
    } else if (samePos && (m = noteLine.exec(d.message))) {
      notes.push({ where: m[1]!, why: m[2]!, at: { file: m[3]!, line: Number(m[4]), col: Number(m[5]) } });
    } else if (samePos && d.message.startsWith('  warning: truncated explanation')) {
      current!.truncated = true;
    } else {
      closeExplanation();
      decisions.push(d);
    }
  }
  closeExplanation();
  return { decisions, explanations };
}

function sameAt(a: SourcePos, b: SourcePos): boolean {
  return a.file === b.file && a.line === b.line && a.col === b.col;
}

/** The explanation of a decision: same position, same subject. */
export function explanationFor(d: Diagnostic, explanations: readonly Explanation[]): Explanation | undefined {
  const subject = subjectOf(d);
  return explanations.find(
    (e) => sameAt(e.at, d) && (subject === undefined || e.subject === subject),
  );
}

/** The location a decision talks about: `x` in `moved to heap: x`, `p` in `leaking param: p`. */
export function subjectOf(d: Diagnostic): string | undefined {
  let m: RegExpExecArray | null;
  if ((m = /^moved to heap: (.*)$/.exec(d.message))) return m[1];
  if ((m = /^leaking param(?: content)?: (\S+)/.exec(d.message))) return m[1];
  if ((m = /^(.*) escapes to heap$/.exec(d.message))) return m[1];
  return undefined;
}

/**
 * Why it escapes, in gc's words: the last note of the path (what finally carried it to the
 * sink: `return`, `call parameter`, `too large for stack`, ...).
 */
export function reasonOf(e: Explanation): string | undefined {
  for (let i = e.steps.length - 1; i >= 0; i--) {
    const notes = e.steps[i]!.notes;
    if (notes.length > 0) return notes[notes.length - 1]!.why;
  }
  return undefined;
}
