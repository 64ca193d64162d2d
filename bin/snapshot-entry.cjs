// The V8 start-up snapshot's builder script (scripts/build-snapshot.mjs runs it under
// `node --build-snapshot`). It loads the bundle (dist/bundle/goesc.cjs), warms it up on
// the warm-up files (scripts/lib/warmup.mjs; bundle-loader.cjs warmUp: analysed, re-run,
// uncached; output discarded),
// so that the code a run needs is loaded, compiled and initialised, and names the function a
// process started from the snapshot runs. A fresh
// `goesc` then starts from that heap instead of compiling and initialising the bundle
// (bin/goesc.js decides when the snapshot may be used).
//
// Nothing of the warm-up's run is kept: goesc keeps no process-wide state, each run builds
// its own context; what the snapshot holds is code and module constants.
'use strict';
const { delimiter, dirname } = require('node:path');
const v8 = require('node:v8');
const { readFileSync } = require('node:fs');
const vm = require('node:vm');

// The builder's `require` loads only node's own modules, which is all the bundle and
// bundle-loader.cjs ask for (Graphviz's wasm build is a dynamic import, made only by the
// commands that draw); so the loader is evaluated here as the bundle is.
const runCommonJs = (file, code, ...args) => vm.runInThisContext(code, { filename: file })(...args);
const loaderFile = `${__dirname}/bundle-loader.cjs`;
const loader = { exports: {} };
runCommonJs(loaderFile, `(function (exports, require, module) {${readFileSync(loaderFile, 'utf8')}\n})`, loader.exports, require, loader);
const { wrap, moduleUrl, restoreEnvironment, runMain, warmUp } = loader.exports;
const bundle = process.env.GOESC_SNAPSHOT_BUNDLE;
const seeds = (process.env.GOESC_SNAPSHOT_SEED ?? '').split(delimiter).filter(Boolean);
const mod = { exports: {} };
runCommonJs(bundle, wrap(readFileSync(bundle, 'utf8')), mod.exports, require, mod, bundle, dirname(bundle), moduleUrl(bundle));
const { main } = mod.exports;

warmUp(main, seeds);

v8.startupSnapshot.setDeserializeMainFunction(() => {
  restoreEnvironment();
  runMain(mod.exports, process.argv.slice(1));
});
