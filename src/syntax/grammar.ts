// Loads the Ohm grammar of go.ohm once, lazily. The build step (scripts/build-grammar.mjs)
// saves the compiled grammar as an Ohm recipe next to this module (go.recipe.json), which
// loads in a few milliseconds instead of the ~100 ms of compiling the grammar source; when
// no recipe is present (running from src/ under vitest) the .ohm source is compiled.
//
// Before the first match, some of Ohm's per-expression computations are made once per
// grammar expression instead (speedUpOhm): what they answer is the same, so every match is too.

import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as ohm from 'ohm-js';
import { once } from '../util/once.js';

const here = (name: string) => fileURLToPath(new URL(name, import.meta.url));

/** The compiled grammar (made once: a grammar is immutable). */
export const goGrammar: () => ohm.Grammar = once(() => {
  speedUpOhm();
  const recipePath = here('./go.recipe.json');
  if (existsSync(recipePath)) {
    const makeRecipe = (ohm as unknown as { makeRecipe: (r: unknown) => ohm.Grammar }).makeRecipe;
    return makeRecipe(JSON.parse(readFileSync(recipePath, 'utf8')));
  }
  return ohm.grammar(readFileSync(grammarSourcePath(), 'utf8'));
});

/** go.ohm beside this module (src/syntax, or dist/syntax where the build copies it). */
export function grammarSourcePath(): string {
  const beside = here('./go.ohm');
  if (existsSync(beside)) return beside;
  return here('../../src/syntax/go.ohm');
}

/**
 * Answers Ohm computes again and again during a match from parts of the grammar that never
 * change, kept on the grammar's expression objects after the first time instead:
 * - whether an application's rule is syntactic, asked before every expression evaluated (to
 *   decide on skipping white space), which Ohm answers from the rule's name each time
 *   (`name[0] === name[0].toUpperCase()`, a fresh string per call): measured 2-4% of a
 *   parse's self time on a cold run (node --cpu-prof);
 * - an expression's arity (how many results it binds), asked by every application and every
 *   iteration matched and computed over the expression's parts each time: 3%.
 * Each depends on the expression alone (its rule name, its parts), which Ohm never changes
 * after building the grammar, so the answers, and so every match, are the same.
 */
function speedUpOhm(): void {
  const pexprs = (ohm as unknown as { pexprs: Record<string, { prototype: Partial<OhmExpr> } | undefined> }).pexprs;
  const apply = pexprs['Apply']!.prototype as OhmExpr;
  if (apply.goescKept) return;
  apply.goescKept = true;
  const syntactic = apply.isSyntactic;
  apply.isSyntactic = function (this: OhmExpr): boolean {
    return (this.goescSyntactic ??= syntactic.call(this));
  };
  // The kinds whose arity is computed from their parts (Star, Plus and Opt inherit Iter's).
  for (const kind of ['Alt', 'Seq', 'Iter', 'Lookahead', 'Lex']) {
    const proto = pexprs[kind]!.prototype as OhmExpr;
    const arity = proto.getArity;
    proto.getArity = function (this: OhmExpr): number {
      return (this.goescArity ??= arity.call(this));
    };
  }
  // An application without arguments is its own substitution (Ohm's substituteParams returns
  // it), so the caller's arguments (a fresh empty array at the top) are not needed.
  const applyEval = apply.eval;
  apply.eval = function (this: OhmExpr, state: OhmState): boolean {
    if (this.args.length !== 0) return applyEval.call(this, state);
    const posInfo = state.getCurrentPosInfo();
    if (posInfo.isActive(this)) return this.handleCycle(state);
    const memoKey = this.toMemoKey();
    const memoRec = posInfo.memo[memoKey];
    if (memoRec && posInfo.shouldUseMemoizedResult(memoRec)) {
      if (state.hasNecessaryInfo(memoRec)) return state.useMemoizedResult(state.inputStream.pos, memoRec);
      delete posInfo.memo[memoKey];
    }
    return this.reallyEval(state);
  };
  // The match state's class is not exported: its prototype is taken from the first match's
  // state, before that match evaluates anything (Grammar's _setUpMatchState hook).
  const grammarProto = (ohm as unknown as { ohmGrammar: object }).ohmGrammar;
  const grammarClass = Object.getPrototypeOf(grammarProto) as { _setUpMatchState(state: OhmState): void };
  const setUp = grammarClass._setUpMatchState;
  grammarClass._setUpMatchState = function (this: { rules: Record<string, { body: unknown }> }, state: OhmState): void {
    speedUpMatchState(Object.getPrototypeOf(state) as OhmState, this.rules['applySyntactic']!.body);
    setUp.call(this, state);
  };
}

/**
 * The evaluation of every expression (MatchState.eval) without the bookkeeping of tracing
 * and of failure recording when neither is on (a plain match: Ohm turns failure recording on
 * only to explain a failed match, which then takes Ohm's own path). Skipping white space
 * before an expression is asked only where Ohm could skip any: in the context of a
 * syntactic rule or at the top; inside a lexical rule's application Ohm's answer is always
 * the current position, whatever the expression.
 */
function speedUpMatchState(proto: OhmState, applySyntacticBody: unknown): void {
  if (proto.goescKept) return;
  proto.goescKept = true;
  const evalSlow = proto.eval;
  const skipSlow = proto.maybeSkipSpacesBefore;
  proto.maybeSkipSpacesBefore = function (this: OhmState, expr: OhmExpr): number {
    const stack = this._applicationStack;
    const app = stack[stack.length - 1];
    if (app !== undefined && !app.isSyntactic()) return this.inputStream.pos;
    return skipSlow.call(this, expr);
  };
  proto.eval = function (this: OhmState, expr: OhmExpr): boolean {
    if (this.trace || this.recordedFailures) return evalSlow.call(this, expr);
    const inputStream = this.inputStream;
    const bindings = this._bindings;
    const origNumBindings = bindings.length;
    const origUserData = this.userData;
    const origPos = inputStream.pos;
    const stack = this._applicationStack;
    const app = stack[stack.length - 1];
    if (app === undefined || app.isSyntactic()) skipSlow.call(this, expr);
    const ans = expr.eval(this);
    if (!ans) {
      inputStream.pos = origPos;
      if (bindings.length > origNumBindings) {
        bindings.length = origNumBindings;
        this._bindingOffsets.length = origNumBindings;
      }
      this.userData = origUserData;
    }
    if (expr === applySyntacticBody) this.skipSpaces();
    return ans;
  };
}

/** The parts of Ohm's match state (MatchState.js) used here: not in its typings. */
interface OhmState {
  eval(expr: OhmExpr): boolean;
  maybeSkipSpacesBefore(expr: OhmExpr): number;
  skipSpaces(): number;
  getCurrentPosInfo(): OhmPosInfo;
  hasNecessaryInfo(memoRec: object): boolean;
  useMemoizedResult(pos: number, memoRec: object): boolean;
  inputStream: { pos: number };
  _bindings: unknown[];
  _bindingOffsets: number[];
  _applicationStack: OhmExpr[];
  userData: unknown;
  trace?: unknown;
  recordedFailures?: unknown;
  goescKept?: boolean;
}

/** Ohm's memo entries at one input position (PosInfo.js). */
interface OhmPosInfo {
  isActive(app: OhmExpr): boolean;
  memo: Record<string, object | undefined>;
  shouldUseMemoizedResult(memoRec: object): boolean;
}

/** The parts of Ohm's expression objects (pexprs) used here: not in its typings. */
interface OhmExpr {
  isSyntactic(): boolean;
  getArity(): number;
  eval(state: OhmState): boolean;
  handleCycle(state: OhmState): boolean;
  reallyEval(state: OhmState): boolean;
  toMemoKey(): string;
  readonly args: readonly OhmExpr[];
  goescKept?: boolean;
  goescSyntactic?: boolean;
  goescArity?: number;
}
