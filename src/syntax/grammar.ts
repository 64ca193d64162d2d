// Loads the Ohm grammar of go.ohm once, lazily. The build step (scripts/build-grammar.mjs)
// saves the compiled grammar as an Ohm recipe next to this module (go.recipe.json), which
// loads in a few milliseconds instead of the ~100 ms of compiling the grammar source; when
// no recipe is present (running from src/ under vitest) the .ohm source is compiled.
//
// Before the first match, one of Ohm's per-application computations is made once per rule
// application instead (speedUpOhm): what it answers is the same, so every match is too.

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
 * Ohm decides before every expression it evaluates whether to skip white space, by asking
 * the current rule application whether its rule is syntactic, which Ohm answers from the
 * rule's name each time (`name[0] === name[0].toUpperCase()`, a fresh string per call):
 * measured 2-4% of a parse's self time on a cold run (node --cpu-prof). The answer depends on
 * the name alone, and an application's name never changes, so it is kept on the
 * application after the first call.
 */
function speedUpOhm(): void {
  const apply = (ohm as unknown as { pexprs: { Apply: { prototype: SyntacticCheck } } }).pexprs.Apply.prototype;
  if (apply.goescCached) return;
  const computed = apply.isSyntactic;
  apply.isSyntactic = function (this: SyntacticCheck & { goescSyntactic?: boolean }): boolean {
    return (this.goescSyntactic ??= computed.call(this));
  };
  apply.goescCached = true;
}

interface SyntacticCheck {
  isSyntactic(): boolean;
  goescCached?: boolean;
}
