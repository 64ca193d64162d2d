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
// changed after parsing.

import { parseFile, type ParseResult } from '../syntax/index.js';
import type { Importer } from './index.js';
import { checkPackage } from './index.js';
import type { Package, PackageBodies } from './objects.js';
import type * as ast from '../syntax/ast.js';
import type { GoError } from '../errors.js';
import { readText, type ModelStore } from '../models/store.js';
import { defaultModelsDir, fsModelStore } from '../models/files.js';

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

/** Where one top-level function is: its first line, the byte range [start, end) of its text. */
interface FuncText {
  readonly start: number;
  readonly end: number;
}

/**
 * blankFuncBodies, plus what parsing one body alone needs: the text of each blanked
 * function by the line its `func` keyword (and so its name) is on, the end of the package
 * clause, and the file as blanks (newlines kept).
 */
function splitFuncBodies(src: Uint8Array): { blanked: Buffer; funcs: Map<number, FuncText>; header: number; blank: Buffer } {
  const out = Buffer.from(src);
  const text = out.toString('latin1'); // one char per byte, so string offsets are byte offsets
  const lines: number[] = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines.push(i + 1);
  const lineText = (k: number): string => text.slice(lines[k]!, k + 1 < lines.length ? lines[k + 1]! - 1 : text.length);
  const funcs = new Map<number, FuncText>();
  const pkg = /^package [^\n]*/m.exec(text);
  const header = pkg ? pkg.index + pkg[0].length : 0;
  // Lines are tested where they start in `text` before any is cut out of it: this scans every
  // line of the std body files a run imports (a cold run's profile put it at 60 ms).
  const startsFunc = (k: number): boolean => text.startsWith('func ', lines[k]!);
  for (let k = 0; k < lines.length; k++) {
    if (!startsFunc(k)) continue;
    // The signature: this line and the next non-blank, non-comment, non-func lines.
    let open = -1;
    for (let j = k; j < lines.length && j < k + 30; j++) {
      const t = lineText(j).trimEnd();
      if (j > k && (t === '' || t.startsWith('//') || t.startsWith('func '))) break;
      if (t.endsWith('{')) {
        open = j;
        break;
      }
      if (t.endsWith('}')) break;
    }
    if (open < 0) continue;
    let close = -1;
    for (let j = open + 1; j < lines.length; j++) {
      if (text.charCodeAt(lines[j]!) === 0x7d && lineText(j).trimEnd() === '}') {
        close = j;
        break;
      }
      if (startsFunc(j)) break;
    }
    if (close < 0) continue;
    const from = lines[open]! + lineText(open).trimEnd().length; // just after the `{`
    // Every byte but the newlines, line by line (lines[j] - 1 is line j-1's newline).
    out.fill(0x20, from, lines[open + 1]! - 1);
    for (let j = open + 1; j < close; j++) out.fill(0x20, lines[j]!, lines[j + 1]! - 1);
    funcs.set(k + 1, { start: lines[k]!, end: lines[close]! + lineText(close).length });
    k = close;
  }
  const blank = Buffer.alloc(out.length, 0x20);
  for (let k = 1; k < lines.length; k++) blank[lines[k]! - 1] = 0x0a;
  return { blanked: out, funcs, header, blank };
}

/**
 * Parses one function of a body file alone (the package clause and its own text, every
 * other byte blank, so positions are the file's) and returns its body, for `target`, the
 * FuncDecl the checker bound (whose own body is the blanked `{ }`).
 */
function parseOneBody(target: ast.FuncDecl, at: FuncText, header: number, blank: Buffer, shown: string, text: Buffer, parse: StubParser): { body: ast.BlockStmt | null; errors: readonly GoError[] } {
  const one = Buffer.from(blank);
  text.copy(one, 0, 0, header);
  text.copy(one, at.start, at.start, at.end);
  const parsed = parse(shown, one);
  if (!parsed.file) return { body: null, errors: parsed.errors };
  const d = parsed.file.decls.find((x) => x.kind === 'FuncDecl' && x.name.line === target.name.line && x.name.col === target.name.col);
  if (!d || d.kind !== 'FuncDecl' || !d.body) {
    return { body: null, errors: [{ file: shown, line: target.name.line, col: target.name.col, message: `goesc: no body found for ${target.name.value}` }] };
  }
  return { body: d.body, errors: [] };
}

/** Parses one stub file: parseFile, or a parse made ahead elsewhere (a worker's). */
export type StubParser = (filename: string, bytes: Uint8Array) => ParseResult;

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
  const bodyFiles = new Map<string, { readonly text: Buffer; readonly split: ReturnType<typeof splitFuncBodies> }>();
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
            bodySources.push({ shown, text, file: parsed.file, full, split });
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

/** One body file of a model package: its text, the parse with bodies blanked, the split. */
interface BodySource {
  readonly shown: string;
  readonly text: Buffer;
  readonly file: ast.File;
  /** Parsed whole (the blanking failed): its FuncDecls have their bodies. */
  readonly full: boolean;
  readonly split: ReturnType<typeof splitFuncBodies>;
}

/**
 * Package.bodies: each function's body parsed alone and checked the first time it is asked
 * for, then kept here, so instantiating slices.Sort costs the sort functions it reaches, not
 * all of slices. A function the blanking left alone (one-line body, or a file parsed whole)
 * has its body in the AST already.
 */
function bodyTable(
  sources: readonly BodySource[],
  info: import('./info.js').Info,
  checkBody: (decl: ast.FuncDecl, body: ast.BlockStmt) => readonly GoError[],
  onError: (message: string) => void,
  parser: () => StubParser,
): PackageBodies {
  const sourceOf = new Map<ast.FuncDecl, BodySource>();
  for (const src of sources) for (const d of src.file.decls) if (d.kind === 'FuncDecl' && d.body) sourceOf.set(d, src);
  const done = new Map<ast.FuncDecl, ast.BlockStmt | null>();
  const errors: GoError[] = [];
  const report = (list: readonly GoError[]): void => {
    for (const e of list) onError(`${e.file}:${e.line}:${e.col}: ${e.message}`);
    errors.push(...list);
  };
  const body = (decl: ast.FuncDecl): ast.BlockStmt | null => {
    if (done.has(decl)) return done.get(decl)!;
    const src = sourceOf.get(decl);
    if (!src) return decl.body;
    const at = src.full ? undefined : src.split.funcs.get(decl.name.line);
    let b = decl.body;
    if (at) {
      const one = parseOneBody(decl, at, src.split.header, src.split.blank, src.shown, src.text, parser());
      report(one.errors);
      b = one.body;
    }
    done.set(decl, b);
    if (b) report(checkBody(decl, b));
    return b;
  };
  return {
    files: sources.map((s) => s.file),
    info,
    body,
    checkAll(): readonly GoError[] {
      for (const d of sourceOf.keys()) body(d);
      return errors;
    },
  };
}
