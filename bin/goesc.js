#!/usr/bin/env node
// Entry point. `npm run build` (run by `npm ci` through `prepare`) compiles the CLI to dist/
// and bundles it into dist/bundle/goesc.cjs with a V8 code cache (scripts/build-bundle.mjs),
// which starts about twice as fast as loading dist/'s modules one by one; without the
// bundle, with a bundle older than dist/cli/main.js (a tsc-only rebuild), or with
// GOESC_NO_BUNDLE=1 (to compare), the modules are loaded directly.
//
// This file is CommonJS (bin/package.json): with the bundle, node then never starts its ES
// module loader, which a profile of a fresh `goesc -m -l small.go` put at a tenth of it.
'use strict';
const { join } = require('node:path');

const bundled = process.env.GOESC_NO_BUNDLE
  ? null
  : require('./bundle-loader.cjs').loadBundle(join(__dirname, '../dist/bundle/goesc.cjs'), join(__dirname, '../dist/cli/main.js'));

(bundled ? Promise.resolve(bundled) : import('../dist/cli/main.js'))
  .then(({ main }) => main(process.argv.slice(2)))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`goesc: internal error: ${err && err.message ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
