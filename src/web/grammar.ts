// The browser's stand-in for src/syntax/grammar.ts (put in its place by
// scripts/build-web.mjs): the Ohm recipe of go.ohm, compiled by the build and bundled, loads
// in milliseconds, as the CLI loads dist/syntax/go.recipe.json.

import * as ohm from 'ohm-js';
import recipe from 'goesc:grammar-recipe';
import { once } from '../util/once.js';

/** The compiled grammar (made once: a grammar is immutable). */
export const goGrammar: () => ohm.Grammar = once(() => {
  const makeRecipe = (ohm as unknown as { makeRecipe: (r: unknown) => ohm.Grammar }).makeRecipe;
  return makeRecipe(recipe);
});

export function grammarSourcePath(): string {
  throw new Error('goesc (browser): the grammar comes bundled as a recipe; there is no go.ohm file');
}
