// Loads dist/bundle/goesc.cjs (scripts/build-bundle.mjs) with V8's code cache saved at build
// time, so a fresh process compiles little. The cache is only an accelerator: when V8
// rejects it (another node version or flags), the bundle compiles normally. Shared by
// bin/goesc.js and the build step that makes the cache, so both compile the same text.
'use strict';
const { readFileSync, statSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname } = require('node:path');
const vm = require('node:vm');

const { pathToFileURL } = require('node:url');

// A CommonJS module wrapper with one more parameter: the URL a bundled module had before
// bundling, from its path relative to the bundle (scripts/build-bundle.mjs).
const wrap = (code) => `(function (exports, require, module, __filename, __dirname, __goescModuleUrl) {${code}\n})`;
const moduleUrl = (bundle) => (rel) => new URL(rel, pathToFileURL(bundle)).href;
const cacheFile = (bundle) => `${bundle}.cache`;

/**
 * The bundle's exports, or null when it was not built or is older than `source` (the
 * compiled entry it was made from: a `tsc` run without the bundle step must not be shadowed
 * by a stale bundle).
 */
function loadBundle(bundle, source) {
  let built;
  try {
    built = statSync(bundle).mtimeMs;
  } catch {
    return null;
  }
  try {
    if (source && statSync(source).mtimeMs > built) return null;
  } catch {
    // no compiled entry beside it: the bundle is all there is
  }
  const code = readFileSync(bundle, 'utf8');
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile(bundle));
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(wrap(code), {
    filename: bundle,
    cachedData,
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const mod = { exports: {} };
  script.runInThisContext()(mod.exports, createRequire(bundle), mod, bundle, dirname(bundle), moduleUrl(bundle));
  return mod.exports;
}

/**
 * Puts back NODE_EXTRA_CA_CERTS, which bin/goesc.js's shell part set aside for node's start
 * (GOESC_NODE_EXTRA_CA_CERTS), so that the programs goesc starts see the user's environment.
 */
function restoreEnvironment() {
  const saved = process.env.GOESC_NODE_EXTRA_CA_CERTS;
  if (saved === undefined) return;
  process.env.NODE_EXTRA_CA_CERTS = saved;
  delete process.env.GOESC_NODE_EXTRA_CA_CERTS;
}

/**
 * Runs the CLI's main on argv with the process's exit code set from its answer; an
 * internal failure prints one line (main prints stacks itself only under --debug).
 * `loaded` is the module holding main, or a promise of it.
 */
function runMain(loaded, argv) {
  // A reader that stops reading (`goesc -m ./... | head`) closes the pipe: the run ends
  // there, quietly, as the resident goesc's client does (bin/daemon-client.cjs), not with
  // node's stack trace for an unhandled EPIPE.
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => process.exit(1));
  Promise.resolve(loaded)
    .then(({ main }) => main(argv))
    .then(
      (code) => {
        process.exitCode = code;
        exitWhenWritten(code);
      },
      (err) => {
        process.stderr.write(`goesc: internal error: ${err && err.message ? err.message : String(err)}\n`);
        process.exitCode = 1;
      },
    );
}

/** What an ended command leaves active that does not keep it: its output's handles and writes. */
const outputResources = new Set(['PipeWrap', 'TTYWrap', 'SimpleWriteWrap', 'WriteWrap']);

/**
 * Ends the process once stdout and stderr are written, when nothing else is active (no
 * server, timer, child or file request: a command's main resolves when it is done, the
 * language server's and the resident goesc's only when they stop), rather than letting node
 * tear its heap down first: after a cold run over eleven modules (a heap of about 300 MB),
 * strace showed a tenth of a second from the last write to exit_group, most of it freeing
 * pages, and the whole run measured 2% faster (paired runs). A write to a pipe may still be
 * pending (asynchronous on POSIX), so each stream is flushed first.
 */
function exitWhenWritten(code) {
  const written = (stream) => new Promise((resolve) => stream.write('', resolve));
  Promise.all([written(process.stdout), written(process.stderr)]).then(() =>
    setImmediate(() => {
      if (process.getActiveResourcesInfo().every((r) => outputResources.has(r))) process.exit(code);
    }),
  );
}

/**
 * The build's warm-up of a freshly loaded bundle (for its code cache, scripts/build-bundle.mjs,
 * and its start-up snapshot, bin/snapshot-entry.cjs): the paths a run takes, each once, so
 * that V8 has compiled them: each seed file analysed with a result cache of its own
 * (written), the same command again (its recorded output reused, pipeline/run-memo.ts; the
 * copy is dated a minute back, as a run does not record files written within two seconds),
 * and without the cache at -m -l, -m (inlining) and -m=2. A function a run needs that the
 * warm-up never ran is compiled lazily in every fresh process (V8's --log-function-events
 * counted 152 such functions, about 25 ms, on a small file while the warm-up was
 * examples/seed.go alone: testdata/warmup/warmup.go covers the rest of the language).
 * Output is discarded; a failure costs start-up speed, not correctness.
 */
async function warmUp(main, seeds) {
  const { copyFileSync, mkdirSync, mkdtempSync, rmSync, utimesSync } = require('node:fs');
  const { join } = require('node:path');
  const { tmpdir } = require('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'goesc-warm-up-'));
  const saved = { cache: process.env.GOESC_CACHE, write: process.stdout.write };
  process.env.GOESC_CACHE = join(dir, 'cache');
  process.stdout.write = () => true;
  try {
    for (const [i, seed] of [seeds].flat().entries()) {
      const copy = join(dir, String(i), 'seed.go');
      mkdirSync(join(dir, String(i)));
      copyFileSync(seed, copy);
      const past = Date.now() / 1000 - 60;
      utimesSync(copy, past, past);
      const runs = [['-m', '-l', copy], ['-m', '-l', copy], ['-m', '-l', '--cache=off', copy], ['-m', '--cache=off', copy], ['-m=2', '-l', '--cache=off', copy]];
      for (const args of runs) await main(args).catch(() => 1);
    }
  } finally {
    process.stdout.write = saved.write;
    if (saved.cache === undefined) delete process.env.GOESC_CACHE;
    else process.env.GOESC_CACHE = saved.cache;
    rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { wrap, cacheFile, moduleUrl, loadBundle, restoreEnvironment, runMain, warmUp };
