// Build step (run by `npm run build` after tsc and the grammar recipe): the fast start-up
// path of bin/goesc.js. Measured with `node --cpu-prof` on a small file, a fresh process
// spent most of its time loading some 200 ES modules (resolution, reading, compiling) before
// any analysis; so:
//  1. esbuild bundles the compiled CLI (dist/cli/main.js) and its dependencies into one
//     CommonJS file, dist/bundle/goesc.cjs (Graphviz's WebAssembly build stays outside,
//     loaded by dynamic import only by the commands that draw);
//  2. the bundle is warmed up here on small programs (scripts/lib/warmup.mjs, bin/bundle-loader.cjs
//     warmUp), and V8's code cache
//     of the compiled functions is saved beside it (goesc.cjs.cache); bin/goesc.js compiles
//     the bundle with that cache (vm.Script cachedData), so a fresh process skips most
//     parsing and compiling. Node 20 has no module.enableCompileCache (22.1+). Faster
//     still is the V8 start-up snapshot made from this bundle (scripts/build-snapshot.mjs),
//     which bin/goesc.js's shell part starts when it can; this path is its fallback.
//  3. the parse pool's worker (dist/syntax/parse-worker.js) gets a bundle of its own,
//     dist/bundle/parse-worker.cjs, with its own code cache (made after one parse), which
//     src/syntax/pool.ts starts through bin/bundle-loader.cjs when it runs from the bundle
//     (GOESC_BUNDLED, defined here).
// A module that finds files next to itself through `import.meta.url` (models/, the grammar
// recipe, yargs' locales) gets the URL it had before bundling, so those files are found
// where they are. Generated: do not edit dist/bundle/.
import { build } from 'esbuild';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import vm from 'node:vm';
import { warmUpFiles } from './lib/warmup.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist/bundle`;
const outfile = `${outdir}/goesc.cjs`;

/**
 * Two rewrites of module text while bundling:
 * - `import.meta.url` → the module's own pre-bundle URL, computed from the bundle's path;
 * - a top-level `const s = new Intl.Segmenter(...)` (string-width, under yargs' help
 *   layout) → created on first use: building a segmenter loads ICU data, ~25 ms of every
 *   start-up (cpu profile) for help text that a run rarely prints.
 */
const startupRewrites = {
  name: 'startup-rewrites',
  setup(b) {
    b.onLoad({ filter: /\.(m?js|cjs)$/ }, async (args) => {
      let text = await readFile(args.path, 'utf8');
      const before = text;
      if (text.includes('import.meta.url')) {
        const rel = relative(outdir, args.path).split('\\').join('/');
        // __goescModuleUrl is a parameter of the wrapper bin/bundle-loader.cjs compiles.
        text = text.replaceAll('import.meta.url', `__goescModuleUrl(${JSON.stringify(rel)})`);
      }
      text = text.replace(
        /^const (\w+) = new Intl\.Segmenter\(([^)]*)\);$/gm,
        (_, name, args) => `let ${name}$lazy;\nconst ${name} = { segment: (s) => (${name}$lazy ??= new Intl.Segmenter(${args})).segment(s) };`,
      );
      return text === before ? undefined : { contents: text, loader: 'js', resolveDir: dirname(args.path) };
    });
  },
};

/**
 * string-width (yargs' and cliui's measure of help text) builds Unicode-property regular
 * expressions at load, ~10 ms of every start-up (cpu profile) for help that a run rarely
 * prints: each import of it gets a stub that loads the real module on first call (esbuild
 * initialises a module reached by require() only when it is first required).
 */
const lazyStringWidth = {
  name: 'lazy-string-width',
  setup(b) {
    b.onResolve({ filter: /^string-width$/ }, async (args) => {
      if (args.pluginData === 'real') return undefined;
      const real = await b.resolve('string-width', { resolveDir: args.resolveDir, kind: 'require-call', pluginData: 'real' });
      return { path: real.path, namespace: 'lazy-string-width' };
    });
    b.onLoad({ filter: /.*/, namespace: 'lazy-string-width' }, (args) => ({
      contents: `let real; export default function stringWidth(s, o) { real ??= require(${JSON.stringify(args.path)}); return (real.default ?? real)(s, o); }`,
      loader: 'js',
      resolveDir: dirname(args.path),
    }));
  },
};

await rm(outdir, { recursive: true, force: true });
await mkdir(outdir, { recursive: true });
const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  supported: { 'regexp-set-notation': true },
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  define: { GOESC_BUNDLED: 'true' },
  logLevel: 'warning',
};
// Node 20's V8 has RegExp's v flag; esbuild would otherwise turn such literals (in
// string-width) into `new RegExp(...)` calls, which parse their Unicode-property patterns at
// every start-up instead of on first use (~19 ms, cpu profile): hence regexp-set-notation.
await build({
  ...common,
  entryPoints: [`${root}dist/cli/main.js`],
  outfile,
  external: ['@viz-js/viz'],
  plugins: [lazyStringWidth, startupRewrites],
});
const workerFile = `${outdir}/parse-worker.cjs`;
await build({ ...common, entryPoints: [`${root}dist/syntax/parse-worker.js`], outfile: workerFile, plugins: [startupRewrites] });

// The code cache: compile as bin/goesc.js does, run one analysis (output discarded), save.
const code = await readFile(outfile, 'utf8');
// V8 keeps a script's source in the heap (lazy functions compile from it), and a single
// character above U+00FF makes all of it two-byte: 2.8 MB instead of 1.4 MB in every start-up
// snapshot's heap, whose deserialising is most of a fresh run (bench:startup). esbuild escapes
// such characters in strings but not in regular expressions: write those as \uXXXX.
for (const [file, text] of [[outfile, code], [workerFile, await readFile(workerFile, 'utf8')]]) {
  const wide = /[^\x00-\xff]/.exec(text);
  if (wide) throw new Error(`${relative(root, file)}: ${JSON.stringify(text.slice(Math.max(0, wide.index - 40), wide.index + 10))}: a character above U+00FF in the bundle; escape it in the source`);
}
const { wrap, cacheFile, moduleUrl, warmUp } = createRequire(import.meta.url)('../bin/bundle-loader.cjs');
const script = new vm.Script(wrap(code), { filename: outfile, importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER });
const mod = { exports: {} };
script.runInThisContext()(mod.exports, createRequire(outfile), mod, outfile, outdir, moduleUrl(outfile));
await warmUp(mod.exports.main, warmUpFiles);
await writeFile(cacheFile(outfile), script.createCachedData());

// The worker's code cache: its bundle compiled the same way, one file parsed, saved.
{
  const workerCode = await readFile(workerFile, 'utf8');
  const ws = new vm.Script(wrap(workerCode), { filename: workerFile, importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER });
  const wm = { exports: {} };
  ws.runInThisContext()(wm.exports, createRequire(workerFile), wm, workerFile, outdir, moduleUrl(workerFile));
  for (const file of warmUpFiles) wm.exports.warmUp(await readFile(file));
  await writeFile(cacheFile(workerFile), ws.createCachedData());
}
