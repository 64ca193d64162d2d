// What-if: the diagnostics a rule change adds or removes. The base model is the version's
// default (gc's defaults); the changed model is derived from it with immer (withSettings),
// plus the -smallframes values when asked. The program is prepared once and solved under
// both models (session.ts); the two line sets are diffed (diff.ts).

import { performance } from 'node:perf_hooks';
import type { Diagnostic } from '../api.js';
import type { GoError } from '../errors.js';
import { changedParameters, getParameter, loadModel, withSettings, type Model, type ParamValue } from '../models/index.js';
import { diffDiagnostics, type DiagnosticChange } from './diff.js';
import { prepare, type WhatifSession } from './session.js';

export { diffDiagnostics, formatChanges, type DiagnosticChange } from './diff.js';
export { prepare, prepareSources, WhatifSession } from './session.js';

export interface WhatifOptions {
  /** Model version; default the newest. */
  readonly go?: string;
  /** Change the limits to the compiler's -smallframes values. */
  readonly smallframes?: boolean;
  /** `{ 'limits.maxStackVarSize': '1k' }`: values as typed on a command line, or typed. */
  readonly settings?: Readonly<Record<string, unknown>>;
  /** -m level of the compared lines (2 compares the flow explanations too). */
  readonly m?: number;
  /** gc's -p (default `p`). */
  readonly packagePath?: string;
  /**
   * Run gc's inliner (the default build) in the base and the changed analysis; default both
   * off (-l). `{ base: true, changed: false }` asks what inlining saves.
   */
  readonly inline?: { readonly base: boolean; readonly changed: boolean };
}

export interface ParameterChange {
  readonly key: string;
  readonly from: ParamValue | undefined;
  readonly to: ParamValue | undefined;
}

export interface WhatifResult {
  readonly base: Model;
  readonly changed: Model;
  readonly parameters: readonly ParameterChange[];
  readonly changes: readonly DiagnosticChange[];
  readonly errors: readonly GoError[];
  readonly seconds: { readonly prepare: number; readonly base: number; readonly changed: number };
}

/** The base and changed models a what-if compares. Bad keys/values are UserErrors. */
export function whatifModels(options: WhatifOptions): { base: Model; changed: Model } {
  const base = loadModel(options.go);
  const framed = options.smallframes ? loadModel(base.version, { smallframes: true }) : base;
  const changed = options.settings && Object.keys(options.settings).length > 0 ? withSettings(framed, options.settings) : framed;
  return { base, changed };
}

export function parameterChanges(base: Model, changed: Model): ParameterChange[] {
  return changedParameters(base, changed).map((key) => ({ key, from: getParameter(base, key), to: getParameter(changed, key) }));
}

/** Diff a prepared program under two models; the base solve may be given when already known. */
export function compare(
  session: WhatifSession,
  base: Model,
  changed: Model,
  m = 1,
  baseDiagnostics?: readonly Diagnostic[],
  inline: { readonly base: boolean; readonly changed: boolean } = { base: false, changed: false },
): { changes: DiagnosticChange[]; baseSeconds: number; changedSeconds: number; baseDiagnostics: readonly Diagnostic[] } {
  let t = performance.now();
  const before = baseDiagnostics ?? session.solve(base, m, inline.base);
  const baseSeconds = (performance.now() - t) / 1000;
  t = performance.now();
  const after = session.solve(changed, m, inline.changed);
  const changedSeconds = (performance.now() - t) / 1000;
  return { changes: diffDiagnostics(before, after), baseSeconds, changedSeconds, baseDiagnostics: before };
}

/** Analyse `paths` under the base and the changed model and return what differs. */
export async function whatif(paths: readonly string[], options: WhatifOptions = {}): Promise<WhatifResult> {
  const { base, changed } = whatifModels(options);
  const session = await prepare(paths, { go: base.version, ...(options.packagePath ? { packagePath: options.packagePath } : {}) });
  const prepared = session.prepared;
  const parameters = parameterChanges(base, changed);
  if (prepared.errors.length > 0) {
    return { base, changed, parameters, changes: [], errors: prepared.errors, seconds: { prepare: prepared.seconds, base: 0, changed: 0 } };
  }
  const r = compare(session, base, changed, options.m ?? 1, undefined, options.inline);
  return {
    base,
    changed,
    parameters,
    changes: r.changes,
    errors: [],
    seconds: { prepare: prepared.seconds, base: r.baseSeconds, changed: r.changedSeconds },
  };
}
