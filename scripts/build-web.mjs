// `npm run build:web`: the browser playground as a static site in dist/web (publishable
// as it is, e.g. on GitHub Pages: every URL is relative, nothing is loaded from elsewhere).
//
//   index.html, style.css     the page (src/web/index.html, style.css)
//   app.js, chunks/           the page's code (src/web/main.ts: CodeMirror 6); Graphviz
//                             (@viz-js/viz, 1.2 MB) is a chunk of its own, loaded the
//                             first time a flow graph is drawn
//   worker.js                 the analysis (src/web/worker.ts): the CLI's pipeline
//   models/versions.json      the model versions, and the one used without --go
//   models/<go>/rules.json    the rule model, as in models/
//   models/<go>/std/index.json, std/<path>/pkg.json
//                             per std package: its api.go and src/*.go and its inline
//                             facts, fetched when a program imports it (models.ts)
//
// esbuild bundles the TypeScript sources directly (the same bundler as build-bundle.mjs;
// it bundles in well under a second and splits the lazy Graphviz chunk). Three modules are
// put in their place for the browser: src/models/files.ts (the disk's model store) by
// src/web/files.ts, and src/syntax/grammar.ts (reads the recipe from the disk) by
// src/web/grammar.ts with the recipe compiled here, src/syntax/pool.ts (worker threads) by
// src/web/pool.ts (no pool); node's `performance` and the part of
// Buffer the pipeline uses come from src/web. Any other `node:` import fails the build:
// the bundle holds no node code path.
//
// `node scripts/build-web.mjs --if-stale` rebuilds only when a source is newer than the
// last build (the browser test runs it so).

import { analyzeMetafile, build } from 'esbuild';
import * as ohm from 'ohm-js';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'dist/web');
const stampFile = join(out, 'build-stamp.json');

/** Newest modification time under the inputs of the site. */
function newestInput() {
  let newest = 0;
  const walk = (p) => {
    const st = statSync(p);
    if (st.isDirectory()) for (const e of readdirSync(p)) walk(join(p, e));
    else newest = Math.max(newest, st.mtimeMs);
  };
  for (const p of ['src', 'models', 'examples', 'scripts/build-web.mjs', 'package-lock.json']) if (existsSync(join(root, p))) walk(join(root, p));
  return newest;
}

export function webStale() {
  if (!existsSync(stampFile)) return true;
  try {
    return JSON.parse(readFileSync(stampFile, 'utf8')).newestInput !== newestInput();
  } catch {
    return true;
  }
}

/** Puts the browser's modules in place of the node ones; refuses any other node import. */
const browserModules = {
  name: 'goesc-browser-modules',
  setup(b) {
    const replaced = new Map([
      [join(root, 'src/models/files.ts'), join(root, 'src/web/files.ts')],
      [join(root, 'src/syntax/grammar.ts'), join(root, 'src/web/grammar.ts')],
      [join(root, 'src/syntax/pool.ts'), join(root, 'src/web/pool.ts')],
    ]);
    b.onResolve({ filter: /(^|\/)(files|grammar|pool)\.js$/ }, (args) => {
      if (!args.path.startsWith('.')) return undefined;
      const target = resolve(args.resolveDir, args.path).replace(/\.js$/, '.ts');
      const web = replaced.get(target);
      return web ? { path: web } : undefined;
    });
    b.onResolve({ filter: /^node:perf_hooks$/ }, () => ({ path: join(root, 'src/web/perf-hooks.ts') }));
    b.onResolve({ filter: /^(node:|fs$|path$|url$|crypto$|os$)/ }, (args) => ({
      errors: [{ text: `the browser bundle must not import ${args.path} (from ${relative(root, args.importer)}): read through the AnalysisContext's ModelStore instead` }],
    }));
    b.onResolve({ filter: /^goesc:/ }, (args) => ({ path: args.path, namespace: 'goesc' }));
    b.onLoad({ filter: /.*/, namespace: 'goesc' }, (args) => {
      if (args.path === 'goesc:grammar-recipe') {
        const grammar = ohm.grammar(readFileSync(join(root, 'src/syntax/go.ohm'), 'utf8'));
        return { contents: grammar.toRecipe(), loader: 'json' };
      }
      if (args.path === 'goesc:examples') return { contents: JSON.stringify(examples()), loader: 'json' };
      return { errors: [{ text: `unknown module ${args.path}` }] };
    });
  },
};

/** examples/*.go and examples/article/*.go, one click each on the page. */
function examples() {
  const list = [];
  const add = (dir, group) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.go')).sort()) {
      const text = readFileSync(join(dir, name), 'utf8');
      // The first comment line says what the example shows.
      const title = /^\/\/\s*(.+)$/m.exec(text)?.[1]?.replace(/[.:,]\s.*$/, '') ?? name;
      list.push({ id: name.replace(/\.go$/, ''), group, title, source: text });
    }
  };
  add(join(root, 'examples'), 'seed');
  add(join(root, 'examples/article'), 'article');
  // The seed example first: the page opens on it.
  list.sort((a, b) => (a.id === 'seed' ? -1 : b.id === 'seed' ? 1 : 0));
  return list;
}

/** The models for the browser: rules as they are, std split per package with an index. */
function writeModels() {
  const src = join(root, 'models');
  const dst = join(out, 'models');
  mkdirSync(dst, { recursive: true });
  const versions = readdirSync(src)
    .filter((v) => /^go\d+\.\d+$/.test(v) && existsSync(join(src, v, 'rules.json')))
    .sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1]))
    .reverse();
  // The CLI without --go uses the Go installed beside it; the models were made with
  // go1.26's (models/go1.26/std/meta.json), so the page's default is go1.26 as well.
  writeFileSync(join(dst, 'versions.json'), JSON.stringify({ versions, defaultGo: 'go1.26' }));
  for (const v of versions) {
    mkdirSync(join(dst, v, 'std'), { recursive: true });
    copyFileSync(join(src, v, 'rules.json'), join(dst, v, 'rules.json'));
    const std = join(src, v, 'std');
    if (!existsSync(std)) continue;
    const inline = existsSync(join(std, 'inline.json')) ? JSON.parse(readFileSync(join(std, 'inline.json'), 'utf8')) : { funcs: {}, intrinsics: [] };
    const pkgs = [];
    const walk = (dir) => {
      if (existsSync(join(dir, 'api.go'))) pkgs.push(relative(std, dir).split('\\').join('/'));
      for (const e of readdirSync(dir)) if (e !== 'src' && statSync(join(dir, e)).isDirectory()) walk(join(dir, e));
    };
    walk(std);
    const known = new Set(pkgs);
    // A fact's key is `<importpath>.<symbol>`; the import path is the longest known prefix.
    const pkgOfKey = (key) => {
      for (let i = key.indexOf('.', key.lastIndexOf('/') + 1); i > 0; i = key.lastIndexOf('.', i - 1)) {
        if (known.has(key.slice(0, i))) return key.slice(0, i);
      }
      const slash = key.lastIndexOf('/');
      const p = key.slice(0, key.indexOf('.', slash + 1));
      return known.has(p) ? p : null;
    };
    const factsOf = new Map(pkgs.map((p) => [p, {}]));
    for (const [key, fact] of Object.entries(inline.funcs ?? {})) {
      const p = pkgOfKey(key);
      if (p) factsOf.get(p)[key] = fact;
    }
    const index = { meta: readFileSync(join(std, 'meta.json'), 'utf8'), intrinsics: inline.intrinsics ?? [], packages: {} };
    for (const p of pkgs.sort()) {
      const dir = join(std, ...p.split('/'));
      const files = { 'api.go': readFileSync(join(dir, 'api.go'), 'utf8') };
      if (existsSync(join(dir, 'src'))) {
        for (const n of readdirSync(join(dir, 'src')).filter((n) => n.endsWith('.go')).sort()) files[`src/${n}`] = readFileSync(join(dir, 'src', n), 'utf8');
      }
      const imports = new Set();
      for (const text of Object.values(files)) {
        for (const m of text.matchAll(/^import\s*\(([^)]*)\)/gm)) for (const q of m[1].matchAll(/"([^"]+)"/g)) imports.add(q[1]);
        for (const m of text.matchAll(/^import\s+(?:[\w.]+\s+)?"([^"]+)"/gm)) imports.add(m[1]);
      }
      const facts = factsOf.get(p);
      const calls = new Set();
      for (const f of Object.values(facts)) for (const c of f.calls ?? []) {
        const q = pkgOfKey(c);
        if (q && q !== p) calls.add(q);
      }
      const pack = JSON.stringify({ files, inline: facts });
      mkdirSync(join(dst, v, 'std', ...p.split('/')), { recursive: true });
      writeFileSync(join(dst, v, 'std', ...p.split('/'), 'pkg.json'), pack);
      index.packages[p] = { imports: [...imports].filter((i) => known.has(i)).sort(), inlineCalls: [...calls].sort(), bytes: Buffer.byteLength(pack) };
    }
    writeFileSync(join(dst, v, 'std', 'index.json'), JSON.stringify(index));
  }
}

/** esbuild's options shared by the worker and the page. */
function commonOptions() {
  return {
    bundle: true,
    platform: 'browser',
    target: ['chrome110', 'firefox110', 'safari16'],
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [browserModules],
    inject: [join(root, 'src/web/buffer.ts')],
    tsconfig: join(root, 'tsconfig.web.json'),
  };
}

/**
 * The source files each bundle is made of (paths relative to the repository), without
 * writing anything: for test/architecture's check that no node code reaches the browser.
 */
export async function bundleInputs() {
  const inputs = {};
  for (const [name, entry, extra] of [
    ['worker', 'src/web/worker.ts', { format: 'iife', external: ['@viz-js/viz'] }],
    ['app', 'src/web/main.ts', { format: 'esm', splitting: true, outdir: join(root, 'dist/web-check') }],
  ]) {
    const r = await build({ ...commonOptions(), ...extra, entryPoints: [join(root, entry)], write: false, metafile: true, ...(extra.outdir ? {} : { outfile: join(root, 'dist/web-check/x.js') }) });
    inputs[name] = Object.keys(r.metafile.inputs);
  }
  return inputs;
}

export async function buildWeb({ quiet = false } = {}) {
  const started = Date.now();
  const stamp = newestInput();
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const common = commonOptions();
  // The worker draws nothing: report/graph.ts's lazy Graphviz import stays out of it (the page loads Graphviz).
  const worker = await build({ ...common, entryPoints: [join(root, 'src/web/worker.ts')], outfile: join(out, 'worker.js'), format: 'iife', external: ['@viz-js/viz'], metafile: true });
  if (process.env.GOESC_WEB_ANALYZE) console.log(await analyzeMetafile(worker.metafile));
  await build({
    ...common,
    entryPoints: { app: join(root, 'src/web/main.ts') },
    outdir: out,
    format: 'esm',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
  });
  for (const f of ['index.html', 'style.css']) copyFileSync(join(root, 'src/web', f), join(out, f));
  writeModels();
  writeFileSync(stampFile, JSON.stringify({ newestInput: stamp }));
  if (!quiet) console.log(`build:web: dist/web in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--if-stale') && !webStale()) process.exit(0);
  await buildWeb();
}
