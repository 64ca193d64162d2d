// Loads the Ohm grammar of go.ohm once, lazily. The build step (scripts/build-grammar.mjs)
// saves the compiled grammar as an Ohm recipe next to this module (go.recipe.json), which
// loads in a few milliseconds instead of the ~100 ms of compiling the grammar source; when
// no recipe is present (running from src/ under vitest) the .ohm source is compiled.

import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as ohm from 'ohm-js';
import { once } from '../util/once.js';

const here = (name: string) => fileURLToPath(new URL(name, import.meta.url));

/** The compiled grammar (made once: a grammar is immutable). */
export const goGrammar: () => ohm.Grammar = once(() => {
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
