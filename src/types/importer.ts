// Importing the standard library from models/<go>/std/<importpath>/api.go: Go source stubs
// (types with all fields, bodyless funcs with //goesc:leaks tags, consts, vars) generated
// from the real toolchain. A stub is parsed and checked like source, lazily on first
// import and once per importer (the caller shares one importer on purpose: across the
// packages of a run, across the edits of a server), so `import "fmt"` costs only the
// packages actually used.
//
// A package with generic functions also has models/<go>/std/<importpath>/src/*.go: their
// source (models/README.md, "src/: generic bodies"), checked with api.go as one package,
// under the names gc prints ($GOROOT/src/<importpath>/<file>). At import those files are
// parsed with every function body blanked (offsets kept), which declares everything; a
// body is parsed (that function alone, at its own offsets) and checked the first time
// Package.bodies.body(decl) asks for it, and kept in that side table: the AST is never
// changed after parsing (lazybodies.ts).

import { parseFile } from '../syntax/index.js';
import type { Importer } from './index.js';
import { checkPackage } from './index.js';
import type { Package, PackageBodies } from './objects.js';
import type * as ast from '../syntax/ast.js';
import { readText, type ModelStore } from '../models/store.js';
import { defaultModelsDir, fsModelStore } from '../models/files.js';
import { bodyTable, splitFuncBodies, type BodySource, type FileParser } from './lazybodies.js';
import type { FuncSplit } from '../syntax/declarations.js';

export { defaultModelsDir } from '../models/files.js';

export interface ModelImporterOptions {
  /** Model version folder, e.g. "go1.26". */
  readonly goVersion?: string;
  /** The models/ folder on disk (default the package's); ignored when `store` is given. */
  readonly modelsDir?: string;
  /** The model files (a run's AnalysisContext passes its own). */
  readonly store?: ModelStore;
  /**
   * $GOROOT as the environment gives it (the loader reads the environment, this module
   * never does): std body files are named under it, as gc prints them on this machine.
   */
  readonly goroot?: string;
  /** Called with a model's own type errors (normally none); default: ignored. */
  readonly onModelError?: (path: string, message: string) => void;
}

/**
 * The GOROOT body files are named under: `goroot` when given ($GOROOT, as gc prints it on
 * this machine), else the one the models were generated from (std/meta.json). `stdDir` is
 * models/<go>/std on disk, or a store and the version.
 */
export function modelGoroot(stdDir: string | { readonly store: ModelStore; readonly goVersion: string }, goroot?: string): string {
  if (goroot) return goroot.replace(/\/+$/, '');
  const meta =
    typeof stdDir === 'string'
      ? readText(fsModelStore(stdDir), 'meta.json')
      : readText(stdDir.store, `${stdDir.goVersion}/std/meta.json`);
  return (meta !== null && (JSON.parse(meta) as { goroot?: string }).goroot) || '/usr/local/go';
}

/**
 * The text with the inside of every top-level function body turned into spaces (newlines
 * kept), so each `{ }` parses fast and every other byte keeps its offset, line and column.
 * Relies on gofmt's layout, which the generator copies: a top-level func starts a line with
 * `func `, its signature lines end with the body's `{`, and the body ends at a line `}`.
 * One-line bodies are left as they are.
 */
export function blankFuncBodies(src: Uint8Array): Uint8Array {
  return splitFuncBodies(src).blanked;
}

/** Parses one stub file: parseFile, or a parse made ahead elsewhere (a worker's). */
export type StubParser = FileParser;

/** A stub file as an import will parse it. */
export interface StubFile {
  readonly filename: string;
  readonly bytes: Uint8Array;
}

/**
 * What a model importer offers a caller that parses ahead (pipeline/prepare.ts, with a pool
 * of parsing threads): the stub files an import will parse, and a way to hand it the parses.
 */
export interface StubPrefetch {
  /**
   * The files importing `paths` will parse (api.go, and the body files with their bodies
   * blanked), following the stubs' own imports unless `follow` is false; packages already
   * imported or in `seen` are left out, and the ones listed are added to `seen`. A hint: a
   * file not listed, or listed and not parsed ahead, is parsed at import. (A stub's imports
   * are loaded when one of their names is first looked up, which many never are: over eleven
   * modules, 58 of the 116 std packages the imports reach.)
   */
  stubFiles(paths: readonly string[], seen: Set<string>, follow?: boolean): StubFile[];
  /** Parse stub files with `parse` from now on (null: parseFile, on this thread). */
  useParser(parse: StubParser | null): void;
}

/** The import paths of a Go file's import declarations (a quick line scan of its header). */
function importsOf(text: string): string[] {
  const out: string[] = [];
  let inGroup = false;
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (inGroup) {
      if (t.startsWith(')')) inGroup = false;
      else {
        const m = /"([^"]+)"/.exec(t);
        if (m) out.push(m[1]!);
      }
    } else if (t.startsWith('import')) {
      if (/^import\s*\(/.test(t)) inGroup = !t.includes(')');
      const m = /"([^"]+)"/.exec(t);
      if (m) out.push(m[1]!);
    } else if (/^(func|type|var|const)\b/.test(t)) break;
  }
  return out;
}

/**
 * An Importer reading models/<go>/std. Each importer has its own cache of packages: share
 * one importer to share the packages (and their checked bodies).
 */
export function modelImporter(opts: ModelImporterOptions = {}): Importer & StubPrefetch {
  const store = opts.store ?? fsModelStore(opts.modelsDir ?? defaultModelsDir());
  const goVersion = opts.goVersion ?? 'go1.26';
  const dir = `${goVersion}/std`;
  const cache = new Map<string, Package | null>();
  const inProgress = new Set<string>();
  let gorootSeen: string | undefined;
  const goroot = (): string => (gorootSeen ??= modelGoroot({ store, goVersion }, opts.goroot));
  let parse: StubParser = parseFile;
  // A body file's text and split, made once: a run lists the stubs it will parse ahead
  // (stubFiles, up to twice per package) before importing them.
  const bodyFiles = new Map<string, { readonly text: Buffer; readonly split: FuncSplit }>();
  const bodyFile = (rel: string) => {
    let f = bodyFiles.get(rel);
    if (f === undefined) {
      const text = Buffer.from(store.read(rel)!);
      bodyFiles.set(rel, (f = { text, split: splitFuncBodies(text) }));
    }
    return f;
  };
  const importer: Importer & StubPrefetch = {
    stubFiles(paths, seen, follow = true) {
      const out: StubFile[] = [];
      const queue = [...paths];
      for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
        if (cache.has(path) || seen.has(path)) continue;
        seen.add(path);
        const rel = `${dir}/${path}/api.go`;
        const api = store.read(rel);
        if (api === null) continue;
        // The names import() parses them under, so a parse made ahead is found.
        out.push({ filename: `${store.location}/${rel}`, bytes: api });
        if (follow) queue.push(...importsOf(Buffer.from(api).toString('latin1')));
        const srcDir = `${dir}/${path}/src`;
        const names = store.list(srcDir);
        if (names === null) continue;
        for (const name of names.filter((n) => n.endsWith('.go'))) {
          const { text, split } = bodyFile(`${srcDir}/${name}`);
          out.push({ filename: `${goroot()}/src/${path}/${name}`, bytes: split.blanked });
          if (follow) queue.push(...importsOf(text.toString('latin1')));
        }
      }
      return out;
    },
    useParser(p) {
      parse = p ?? parseFile;
    },
    import(path: string): Package | null {
      const hit = cache.get(path);
      if (hit !== undefined) return hit;
      if (inProgress.has(path)) return null;
      const rel = `${dir}/${path}/api.go`;
      const file = `${store.location}/${rel}`;
      const apiText = store.read(rel);
      if (apiText === null) {
        cache.set(path, null);
        return null;
      }
      inProgress.add(path);
      try {
        const files: ast.File[] = [];
        // Body files: parsed at import with their function bodies blanked (cheap: the
        // declarations are all the package's users need), the bodies parsed on demand.
        const bodySources: BodySource[] = [];
        const api = parse(file, apiText);
        if (!api.file) {
          for (const e of api.errors) opts.onModelError?.(path, `${file}:${e.line}:${e.col}: ${e.message}`);
          cache.set(path, null);
          return null;
        }
        files.push(api.file);
        const srcDir = `${dir}/${path}/src`;
        const srcNames = store.list(srcDir);
        if (srcNames !== null) {
          for (const name of srcNames.filter((n) => n.endsWith('.go')).sort()) {
            const shown = `${goroot()}/src/${path}/${name}`;
            const { text, split } = bodyFile(`${srcDir}/${name}`);
            bodyFiles.delete(`${srcDir}/${name}`);
            let parsed = parse(shown, split.blanked);
            let full = false;
            if (!parsed.file) {
              parsed = parseFile(shown, text);
              full = true;
            }
            if (!parsed.file) {
              for (const e of parsed.errors) opts.onModelError?.(path, `${shown}:${e.line}:${e.col}: ${e.message}`);
              cache.set(path, null);
              return null;
            }
            files.push(parsed.file);
            bodySources.push({ shown, text, file: parsed.file, full, split: () => split });
          }
        }
        const r = checkPackage(files, { importer: fromStd, path, fromModel: true });
        // A stub's //goesc:pos lines name files under $GOROOT/src, as gc prints them.
        (r.pkg as { sourceRoot?: string }).sourceRoot = `${goroot()}/src`;
        for (const e of r.errors) opts.onModelError?.(path, `${e.file}:${e.line}:${e.col}: ${e.message}`);
        if (bodySources.length > 0 && r.checkBody) {
          // A body is parsed with the parser in use when it is first asked for (a run's
          // keeps the parse with the stubs' in the result cache: a body's text is the model's).
          (r.pkg as { bodies?: PackageBodies }).bodies = bodyTable(bodySources, r.info, r.checkBody, (e) => opts.onModelError?.(path, e), () => parse);
        }
        cache.set(path, r.pkg);
        return r.pkg;
      } finally {
        inProgress.delete(path);
      }
    },
  };
  // A std package's own imports: its body files name golang.org/x/... as the source does,
  // which std's importcfg maps to $GOROOT/src/vendor (the stubs say vendor/... already).
  const fromStd: Importer = {
    import(path: string): Package | null {
      if (path.split('/')[0]!.includes('.')) return importer.import(`vendor/${path}`) ?? importer.import(path);
      return importer.import(path);
    },
  };
  return importer;
}

