// Build step for the Go grammar (run by `npm run build` after tsc): copies
// src/syntax/go.ohm beside the compiled parser and saves the compiled grammar as an Ohm
// recipe (dist/syntax/go.recipe.json), which loads in milliseconds at start-up instead of
// the ~300 ms of compiling the grammar source. Generated: do not edit the outputs.
import { readFileSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as ohm from 'ohm-js';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = process.argv[2] ?? `${root}dist/syntax`;
const source = readFileSync(`${root}src/syntax/go.ohm`, 'utf8');
const grammar = ohm.grammar(source);
mkdirSync(outDir, { recursive: true });
copyFileSync(`${root}src/syntax/go.ohm`, `${outDir}/go.ohm`);
const recipe = JSON.parse(grammar.toRecipe());
writeFileSync(`${outDir}/go.recipe.json`, JSON.stringify(recipe));
