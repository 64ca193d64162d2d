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
}

/** The parts of Ohm's expression objects (pexprs) used here: not in its typings. */
interface OhmExpr {
  isSyntactic(): boolean;
  getArity(): number;
  goescKept?: boolean;
  goescSyntactic?: boolean;
  goescArity?: number;
}
