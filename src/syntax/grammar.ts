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
    if (state.trace || state.recordedFailures) {
      const memoRec = posInfo.memo[memoKey];
      if (memoRec && posInfo.shouldUseMemoizedResult(memoRec)) {
        if (state.hasNecessaryInfo(memoRec)) return state.useMemoizedResult(state.inputStream.pos, memoRec);
        delete posInfo.memo[memoKey];
      }
      return this.reallyEval(state);
    }
    const memo = memoOf(state.grammar, this, memoKey);
    if (memo.on) {
      const memoRec = posInfo.memo[memoKey];
      if (memoRec && posInfo.shouldUseMemoizedResult(memoRec)) {
        // A plain match needs no more than the record has (hasNecessaryInfo is true).
        memo.hits++;
        return state.useMemoizedResult(state.inputStream.pos, memoRec);
      }
      if (++memo.applied >= memoTrial && memo.hits === 0) memo.on = false;
    }
    return evalPlain(this, state, posInfo, memo);
  };
  speedUpBindings(pexprs, apply);
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
 * Applications a rule is memoised for before its memo is judged (see memoOf).
 */
const memoTrial = 512;

/**
 * Whether a rule is worth memoising, per rule of a grammar: Ohm memoises every application
 * at every position (a packrat parser), and over Go's token string almost none is ever
 * looked up again: the grammar is close to LL(1), so alternatives part at their first token.
 * Over GOROOT's src and test (11,224 files) 2.6% of 56 million applications found their
 * memo, nearly all of them of some 20 rules (composite literal elements, the type literals
 * a literal and a type both start with, the statements of if/for/switch headers), and 140
 * of 173 rules never once outside the failed matches explained for error messages. A memo
 * record, its store and its lookup cost more than the application for those, and the
 * records kept every failed alternative's tree alive until the end of the match (for the
 * garbage collector to copy). So a rule is memoised for its first memoTrial applications;
 * one whose memo was never used in them is not memoised from then on (its applications
 * evaluated again where the parser retries them). The memo is an optimisation only: an
 * application's result depends on the rule, the position and the input alone (the grammar
 * has no left recursion, which Ohm's memo implements: a cycle still takes Ohm's own path),
 * so every match is the same; matches that trace or record failures (explaining a failed
 * match) memoise every rule as Ohm does. The records live on the grammar, by memo key (its
 * rules are the same for the whole process).
 */
function memoOf(grammar: OhmState['grammar'], app: OhmExpr, memoKey: string): OhmMemoStats {
  const memos = (grammar.goescMemo ??= new Map());
  let memo = memos.get(memoKey);
  if (memo === undefined) memos.set(memoKey, (memo = { on: true, applied: 0, hits: 0, key: memoKey, rule: grammar.rules[app.ruleName]! }));
  return memo;
}

/**
 * Ohm's Apply.reallyEval in a plain match (no tracing, no failure recording: their
 * bookkeeping left out), the application memoised only when its rule is (a left recursion's
 * head always, as Ohm's cycle handling needs), at `origPosInfo`, the current position's.
 */
function evalPlain(app: OhmExpr, state: OhmState, origPosInfo: OhmPosInfo, memo: OhmMemoStats): boolean {
  const inputStream = state.inputStream;
  const origPos = inputStream.pos;
  const memoKey = memo.key;
  const { body, description } = memo.rule;
  state.enterApplication(origPosInfo, app);
  if (description) state.pushFailuresInfo();
  // The examined length is counted for this application from 0, then merged back (as Ohm).
  const origExamined = inputStream.examinedLength;
  inputStream.examinedLength = 0;
  let value = app.evalOnce(body, state);
  const currentLR = origPosInfo.currentLeftRecursion;
  let memoRec: OhmMemoRec | undefined;
  if (state.doNotMemoize) state.doNotMemoize = false;
  else if (currentLR && currentLR.headApplication.toMemoKey() === memoKey) {
    value = app.growSeedResult(body, state, origPos, currentLR, value);
    origPosInfo.endLeftRecursion();
    memoRec = currentLR;
    memoRec.examinedLength = inputStream.examinedLength - origPos;
    memoRec.rightmostFailureOffset = state._getRightmostFailureOffset();
    origPosInfo.memoize(memoKey, memoRec);
  } else if (memo.on && (!currentLR || !currentLR.isInvolved(memoKey))) {
    memoRec = origPosInfo.memoize(memoKey, {
      matchLength: inputStream.pos - origPos,
      examinedLength: inputStream.examinedLength - origPos,
      value,
      failuresAtRightmostPosition: undefined,
      rightmostFailureOffset: state._getRightmostFailureOffset(),
    });
  }
  const succeeded = !!value;
  if (description) {
    state.popFailuresInfo();
    if (!succeeded) state.processFailure(origPos, app);
    if (memoRec) {
      memoRec.failuresAtRightmostPosition = undefined;
      memoRec.rightmostFailureOffset = state._getRightmostFailureOffset();
    }
  }
  inputStream.examinedLength = Math.max(inputStream.examinedLength, origExamined);
  state.exitApplication(origPosInfo, value);
  return succeeded;
}

/**
 * A rule application's body (Apply.evalOnce) and an iteration (Iter.eval) without
 * Array.prototype.splice, which Ohm calls to take the bindings a body or one round of an
 * iteration matched off the binding stack (splice and the arrays it copies were the largest
 * builtins of a parse in perf). The same nodes from the same bindings, in the same order.
 * Ohm's node classes are not exported: each is taken from the first node Ohm's own code builds.
 */
function speedUpBindings(pexprs: Record<string, { prototype: Partial<OhmExpr> } | undefined>, apply: OhmExpr): void {
  const evalOnce = apply.evalOnce;
  apply.evalOnce = function (this: OhmExpr, expr: OhmExpr, state: OhmState): unknown {
    const Nonterminal = apply.goescNonterminal;
    if (Nonterminal === undefined) {
      const v = evalOnce.call(this, expr, state);
      if (v) apply.goescNonterminal = (v as object).constructor as OhmNodeClass;
      return v;
    }
    const inputStream = state.inputStream;
    const origPos = inputStream.pos;
    if (!state.eval(expr)) return false;
    const arity = expr.getArity();
    return new Nonterminal(this.ruleName, takeLast(state._bindings, arity), takeLast(state._bindingOffsets, arity), inputStream.pos - origPos);
  };
  const iter = pexprs['Iter']!.prototype as OhmExpr;
  const iterEval = iter.eval;
  const Opt = pexprs['Opt'] as unknown as abstract new () => object;
  iter.eval = function (this: OhmExpr, state: OhmState): boolean {
    const Iteration = iter.goescIteration;
    if (Iteration === undefined) {
      const ans = iterEval.call(this, state);
      if (ans) iter.goescIteration = (state._bindings[state._bindings.length - 1] as object).constructor as OhmNodeClass;
      return ans;
    }
    const inputStream = state.inputStream;
    const bindings = state._bindings;
    const offsets = state._bindingOffsets;
    const origPos = inputStream.pos;
    const arity = this.getArity();
    const cols: unknown[][] = [];
    const colOffsets: number[][] = [];
    while (cols.length < arity) {
      cols.push([]);
      colOffsets.push([]);
    }
    let numMatches = 0;
    let prevPos = origPos;
    while (numMatches < this.maxNumMatches! && state.eval(this.expr!)) {
      // Ohm throws its own error here (a grammar bug: go.ohm has no nullable iteration).
      if (inputStream.pos === prevPos) throw new Error(`goesc: the grammar iterates over a nullable expression at ${prevPos}`);
      prevPos = inputStream.pos;
      numMatches++;
      const from = bindings.length - arity;
      for (let idx = 0; idx < arity; idx++) {
        cols[idx]!.push(bindings[from + idx]);
        colOffsets[idx]!.push(offsets[from + idx]!);
      }
      for (let idx = 0; idx < arity; idx++) {
        bindings.pop();
        offsets.pop();
      }
    }
    if (numMatches < this.minNumMatches!) return false;
    let offset = state.posToOffset(origPos);
    let matchLength = 0;
    if (numMatches > 0) {
      const lastCol = cols[arity - 1]!;
      const lastColOffsets = colOffsets[arity - 1]!;
      const endOffset = lastColOffsets[lastColOffsets.length - 1]! + (lastCol[lastCol.length - 1] as { matchLength: number }).matchLength;
      offset = colOffsets[0]![0]!;
      matchLength = endOffset - offset;
    }
    const isOptional = this instanceof Opt;
    for (let idx = 0; idx < cols.length; idx++) {
      bindings.push(new Iteration(cols[idx], colOffsets[idx], matchLength, isOptional));
      offsets.push(offset);
    }
    return true;
  };
}

/** The last `n` elements of `a`, removed from it (pop, not a length store: V8 inlines pop). */
function takeLast<T>(a: T[], n: number): T[] {
  const out = a.slice(a.length - n);
  for (let i = 0; i < n; i++) a.pop();
  return out;
}

/** An Ohm CST node class (nodes.js: NonterminalNode, IterationNode). */
type OhmNodeClass = new (...args: unknown[]) => object;

/**
 * A rule's memo record: memoised (`on`), applications memoised and memo hits so far; its
 * memo key and the rule (Ohm looks it up by name at every application).
 */
interface OhmMemoStats {
  on: boolean;
  applied: number;
  hits: number;
  readonly key: string;
  readonly rule: OhmRule;
}

/** A memo record (PosInfo.js). */
interface OhmMemoRec {
  matchLength: number;
  examinedLength: number;
  value: unknown;
  failuresAtRightmostPosition: unknown;
  rightmostFailureOffset: number;
}

/** A left recursion in progress: a memo record with Ohm's additions (PosInfo.startLeftRecursion). */
interface OhmLeftRecursion extends OhmMemoRec {
  headApplication: OhmExpr;
  isInvolved(memoKey: string): boolean;
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
  inputStream: { pos: number; examinedLength: number };
  grammar: { rules: Record<string, OhmRule | undefined>; goescMemo?: Map<string, OhmMemoStats> };
  doNotMemoize: boolean;
  enterApplication(posInfo: OhmPosInfo, app: OhmExpr): void;
  exitApplication(posInfo: OhmPosInfo, value: unknown): void;
  pushFailuresInfo(): void;
  popFailuresInfo(): void;
  processFailure(pos: number, expr: OhmExpr): void;
  _getRightmostFailureOffset(): number;
  posToOffset(pos: number): number;
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
  currentLeftRecursion: OhmLeftRecursion | undefined;
  memoize(memoKey: string, memoRec: OhmMemoRec): OhmMemoRec;
  endLeftRecursion(): void;
}

/** A grammar's rule (Grammar.rules' values). */
interface OhmRule {
  readonly body: OhmExpr;
  readonly description?: string;
}

/** The parts of Ohm's expression objects (pexprs) used here: not in its typings. */
interface OhmExpr {
  isSyntactic(): boolean;
  getArity(): number;
  eval(state: OhmState): boolean;
  handleCycle(state: OhmState): boolean;
  reallyEval(state: OhmState): boolean;
  evalOnce(expr: OhmExpr, state: OhmState): unknown;
  growSeedResult(body: OhmExpr, state: OhmState, origPos: number, lr: OhmLeftRecursion, value: unknown): unknown;
  toMemoKey(): string;
  readonly args: readonly OhmExpr[];
  readonly ruleName: string;
  /** An iteration's expression and bounds (Iter, Star, Plus, Opt). */
  readonly expr?: OhmExpr;
  readonly minNumMatches?: number;
  readonly maxNumMatches?: number;
  goescNonterminal?: OhmNodeClass;
  goescIteration?: OhmNodeClass;
  goescKept?: boolean;
  goescSyntactic?: boolean;
  goescArity?: number;
}
