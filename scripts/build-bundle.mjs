// Build step (run by `npm run build` after tsc and the grammar recipe): the fast start-up
// path of bin/goesc.js. Measured with `node --cpu-prof` on a small file, a fresh process
// spent most of its time loading some 200 ES modules (resolution, reading, compiling) before
// any analysis; so:
//  1. esbuild bundles the compiled CLI (dist/cli/main.js) and its dependencies into one
//     CommonJS file, dist/bundle/goesc.cjs (Graphviz's WebAssembly build stays outside,
//     loaded by dynamic import only by the commands that draw);
//  2. the bundle is run once here on a small program (examples/seed.go), and V8's code cache
//     of the compiled functions is saved beside it (goesc.cjs.cache); bin/goesc.js compiles
//     the bundle with that cache (vm.Script cachedData), so a fresh process skips most
//     parsing and compiling. Node 20 has no module.enableCompileCache (22.1+), and a V8
//     start-up snapshot needs node's --snapshot-blob flag, which an npm bin cannot pass.
// A module that finds files next to itself through `import.meta.url` (models/, the grammar
// recipe, yargs' locales) gets the URL it had before bundling, so those files are found
// where they are. Generated: do not edit dist/bundle/.
import { build } from 'esbuild';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import vm from 'node:vm';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist/bundle`;
const outfile = `${outdir}/goesc.cjs`;

/** `import.meta.url` → the module's own pre-bundle URL, computed from the bundle's path. */
const keepModuleUrls = {
  name: 'keep-module-urls',
  setup(b) {
    b.onLoad({ filter: /\.(m?js|cjs)$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const rel = relative(outdir, args.path).split('\\').join('/');
      // __goescModuleUrl is a parameter of the wrapper bin/bundle-loader.cjs compiles.
      const url = `__goescModuleUrl(${JSON.stringify(rel)})`;
      return { contents: text.replaceAll('import.meta.url', url), loader: 'js', resolveDir: dirname(args.path) };
    });
  },
};

await rm(outdir, { recursive: true, force: true });
await mkdir(outdir, { recursive: true });
await build({
  entryPoints: [`${root}dist/cli/main.js`],
  outfile,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  external: ['@viz-js/viz'],
  plugins: [keepModuleUrls],
  logLevel: 'warning',
});

// The code cache: compile as bin/goesc.js does, run one analysis (output discarded), save.
const code = await readFile(outfile, 'utf8');
const { wrap, cacheFile, moduleUrl } = createRequire(import.meta.url)('../bin/bundle-loader.cjs');
const script = new vm.Script(wrap(code), { filename: outfile, importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER });
const mod = { exports: {} };
script.runInThisContext()(mod.exports, createRequire(outfile), mod, outfile, outdir, moduleUrl(outfile));
const write = process.stdout.write;
process.stdout.write = () => true;
try {
  // Warm-up only: a failure here costs start-up speed, not correctness.
  await mod.exports.main(['-m', '-l', `${root}examples/seed.go`]).catch(() => 1);
} finally {
  process.stdout.write = write;
}
await writeFile(cacheFile(outfile), script.createCachedData());
