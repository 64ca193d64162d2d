// `--format json`: one record per line of the text output, in the same order, so a tool
// reads exactly what a person reads. Decisions that -m=2 explains also carry the flow path
// and the reason as data (from explain.ts), so tools need not parse the text.

import type { Diagnostic } from '../api.js';
import { explanationFor, groupExplanations, reasonOf, type FlowStep } from './explain.js';
import { ruleFor } from './kinds.js';

export interface JsonFlowStep {
  readonly dst: string;
  readonly src: string;
  readonly derefs: number;
  readonly notes: readonly { readonly where: string; readonly why: string; readonly file: string; readonly line: number; readonly col: number }[];
}

export interface JsonDiagnostic {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly message: string;
  readonly kind: string;
  /** SARIF rule id of the kind. */
  readonly rule: string;
  readonly func?: string;
  /** The last note's `why` of the -m=2 explanation (`return`, `call parameter`, ...). */
  readonly reason?: string;
  /** The -m=2 path from this location to where it escapes or leaks. */
  readonly flow?: readonly JsonFlowStep[];
}

export interface JsonReport {
  /** The rule model the analysis used (`go1.27`) and the compiler release it stands for. */
  readonly model?: string;
  readonly compiler?: string;
  readonly diagnostics: readonly JsonDiagnostic[];
}

/** Which model made a report: its version and the compiler release it was checked against. */
export interface ModelStamp {
  readonly version: string;
  readonly compiler: string;
}

/**
 * `explained`: the -m=2 lines of the same run, when `diags` are of a lower -m level, so the
 * records still carry reasons and paths (records stay one to one with `diags`).
 */
export function toJsonReport(diags: readonly Diagnostic[], explained: readonly Diagnostic[] = diags, model?: ModelStamp): JsonReport {
  const { explanations } = groupExplanations(explained);
  const diagnostics = diags.map((d): JsonDiagnostic => {
    const base: JsonDiagnostic = {
      file: d.file,
      line: d.line,
      col: d.col,
      message: d.message,
      kind: d.kind,
      rule: ruleFor(d.kind).ruleId,
      ...(d.func !== undefined ? { func: d.func } : {}),
    };
    if (d.kind === 'flow' || d.kind === 'does-not-escape' || d.kind === 'other') return base;
    const e = explanationFor(d, explanations);
    if (!e) return base;
    const reason = reasonOf(e);
    return {
      ...base,
      ...(base.func === undefined ? { func: e.func } : {}),
      ...(reason !== undefined ? { reason } : {}),
      flow: e.steps.map(jsonStep),
    };
  });
  return model ? { model: model.version, compiler: model.compiler, diagnostics } : { diagnostics };
}

function jsonStep(s: FlowStep): JsonFlowStep {
  return {
    dst: s.dst,
    src: s.src,
    derefs: s.derefs,
    notes: s.notes.map((n) => ({ where: n.where, why: n.why, file: n.at.file, line: n.at.line, col: n.at.col })),
  };
}

/** The text written to stdout: pretty JSON with a final newline. */
export function formatJson(diags: readonly Diagnostic[], explained: readonly Diagnostic[] = diags, model?: ModelStamp): string {
  return JSON.stringify(toJsonReport(diags, explained, model), null, 2) + '\n';
}
