#!/usr/bin/env node
// Entry point. `npm run build` (run by `npm ci` through `prepare`) compiles the CLI to dist/
// and bundles it into dist/bundle/goesc.cjs with a V8 code cache (scripts/build-bundle.mjs),
// which starts about twice as fast as loading dist/'s modules one by one; without the
// bundle, with a bundle older than dist/cli/main.js (a tsc-only rebuild), or with
// GOESC_NO_BUNDLE=1 (to compare), the modules are loaded directly.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = (rel) => fileURLToPath(new URL(rel, import.meta.url));
const bundled = process.env.GOESC_NO_BUNDLE ? null : require('./bundle-loader.cjs').loadBundle(here('../dist/bundle/goesc.cjs'), here('../dist/cli/main.js'));
const { main } = bundled ?? (await import('../dist/cli/main.js'));

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => {
    process.stderr.write(`goesc: internal error: ${err && err.message ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
