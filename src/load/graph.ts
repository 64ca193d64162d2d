// The package graph of a goesc run: command-line patterns → the named packages and every
// non-std package they import, each with its chosen files, in dependency order.
//
// Inside a module (go.mod found upward from the working directory, or a go.work), patterns
// are the go command's (cmd/go/internal/search, modload/search.go):
//   - `.go` files: one package, `command-line-arguments`;
//   - local paths (`.`, `./dir`, `../x`, `/abs`) and local `...` patterns (`./...`,
//     `./cmd/...`): directories of the main modules (or of a selected module on disk);
//   - import paths (`example.com/m/inner`, `github.com/go-chi/chi/v5`) and import-path
//     patterns (`example.com/m/...`), over the main modules and the selected modules;
//   - goesc also takes a directory spelled without `./` (`inner`, `inner/...`) when no
//     package has that import path, as its PATH arguments always have.
// `...` walks skip `testdata`, `vendor`, `_`/`.` directories and nested modules, and keep
// only directories with buildable Go files. Imports resolve through modules.ts; std import
// paths are only marked std (the pipeline reads std from models/, never from GOROOT).
//
// Order: depth-first from the named packages in command-line order, each package's imports
// in sorted order, a package listed after its imports (`go list -deps` order). A package met
// again while it is on the depth-first stack is an import cycle, reported as go does.
//
// Outside any module the PATH arguments keep their meaning from index.ts's loadPackages
// (files as named, directories, DIR/...), each package named, with the import path the
// caller gives (gc's -p); an import of a non-std package there is the go command's error.

import { basename, isAbsolute, join, resolve } from 'node:path';
import { Disk } from './disk.js';
import { moduleCacheRoot } from './modcache.js';
import { UserError } from '../errors.js';
import { loadPackages, type SourceFile } from './index.js';
import { displayNamer, shortPath } from './paths.js';
import { hasGoFiles, ModuleContext, type Env, type MainModule, type ModuleRef, type Resolution } from './modules.js';
import { scanPackageDir, type ScannedFile, type ScanResult } from './pkgdir.js';
import { readHeader } from './header.js';
import { outsideModuleImports } from './outside.js';
import { defaultGoMinor, linuxAmd64For, type BuildTarget } from './target.js';

/** A source file of a loaded package. */
export interface LoadedFile extends SourceFile {
  /** As go build prints it in compiler output, run from opts.cwd (paths.ts's rule). */
  readonly filename: string;
  /** Absolute path on disk. */
  readonly absPath: string;
}

/** One import of a package. */
export interface ImportRef {
  /** The import path as written (`fmt`, `example.com/m/inner`). */
  readonly path: string;
  /**
   * A standard-library path (no dot in its first element and no module provides it; inside
   * $GOROOT/src, every import), left to the pipeline's models.
   */
  readonly std: boolean;
  /**
   * For a non-std import, the importPath of the LoadedPackage it resolves to: the same as
   * path, except for $GOROOT/src/cmd's vendored packages (`cmd/vendor/golang.org/x/...`).
   */
  readonly packagePath?: string;
  /**
   * Its first occurrence: 1-based line and byte column, and the importing file as the go
   * command names it in its own errors (base.ShortPath: `main.go`, where compiler output,
   * rewritten by go build, says `./main.go`).
   */
  readonly pos: { readonly file: string; readonly line: number; readonly col: number };
}

export interface LoadedPackage {
  /**
   * The import path (`example.com/m/inner`); `command-line-arguments` for `.go` files named
   * inside a module; outside any module, opts.outsideModuleImportPath (gc's -p the caller passes).
   */
  readonly importPath: string;
  /** The package clause's name (`main`, `inner`). */
  readonly name: string;
  /** Absolute directory. */
  readonly dir: string;
  /** The chosen files, sorted by name, `filename` as go build prints it. */
  readonly files: readonly LoadedFile[];
  /** Every import of the chosen files, deduplicated by path, sorted by path. */
  readonly imports: readonly ImportRef[];
  /**
   * The module providing the package; null outside any module. Its version is the selected
   * one (before replacement); its dir is where the files are (after replacement).
   */
  readonly module: ModuleRef | null;
  /**
   * The directory has chosen `.s`/`.S` (or `.syso`) files: go build then compiles without
   * -complete, so function declarations without bodies are legal.
   */
  readonly hasAsm: boolean;
  /** Base names of the files left out because they import "C" (CGO_ENABLED=0), sorted. */
  readonly cgoFilesOmitted: readonly string[];
  /** Matched by a command-line pattern: its lines are printed. Dependencies are not. */
  readonly named: boolean;
}

export interface PackageGraph {
  /** The main modules (one, or go.work's `use` modules); empty outside any module. */
  readonly mainModules: readonly MainModule[];
  /** The go.work file in workspace mode. */
  readonly workFile: string | null;
  /** Dependencies come from vendor/ rather than the module cache. */
  readonly vendorMode: boolean;
  /** The module cache the dependencies are read from ($GOMODCACHE's rule). */
  readonly moduleCache: string | null;
  /** Every non-std package reachable from the named ones, imports before importers. */
  readonly packages: readonly LoadedPackage[];
  /** The command line named .go files (one package of them) rather than packages. */
  readonly filesNamed: boolean;
}

export interface LoadGraphOptions {
  /** Absolute working directory (go.mod and go.work are looked for upward from it). */
  readonly cwd: string;
  /** The environment: GOMODCACHE, GOPATH, HOME, GOWORK, GOFLAGS (-mod=), GO111MODULE. */
  readonly env: Env;
  /** The model's Go minor version: release tags go1.1 … go1.<goMinor>. Default 26. */
  readonly goMinor?: number;
  /** Outside any module, every package's import path (gc's -p). Default `p`. */
  readonly outsideModuleImportPath?: string;
  /**
   * The load's view of the disk (disk.ts), given by a caller that wants its stamp (a
   * recording Disk whose immutableRoot is moduleCacheRoot(env)); default a fresh one.
   */
  readonly disk?: Disk;
}

const commandLineArguments = 'command-line-arguments';

/** Load the packages named by `patterns` and everything they import (see the header). */
export function loadGraph(patterns: readonly string[], opts: LoadGraphOptions): PackageGraph {
  const cwd = resolve(opts.cwd);
  const target = linuxAmd64For(opts.goMinor ?? defaultGoMinor);
  const disk = opts.disk ?? new Disk({ immutableRoot: moduleCacheRoot(opts.env) });
  const ctx = ModuleContext.find(cwd, opts.env, disk) ?? goRootContext(patterns, cwd, opts.env, disk);
  if (!ctx) return outsideModule(patterns, cwd, target, opts.outsideModuleImportPath ?? 'p', disk);
  return new GraphLoader(ctx, cwd, target).load(patterns);
}

/**
 * A directory of $GOROOT/src named from outside any module: the go command builds it as the
 * std (or cmd) package it is, resolving its golang.org/x imports through GOROOT's vendor
 * trees. Its module is found from the directory (`module std` in $GOROOT/src/go.mod).
 */
function goRootContext(patterns: readonly string[], cwd: string, env: Env, disk: Disk): ModuleContext | null {
  const dirs = patterns.filter((p) => !p.endsWith('.go')).map((p) => resolve(cwd, p.replace(/\/\.\.\.$/, '')));
  if (dirs.length === 0) return null;
  const ctx = ModuleContext.find(dirs[0]!, env, disk);
  const isGoRoot = ctx?.mainModules.length === 1 && (ctx.mainModules[0]!.path === 'std' || ctx.mainModules[0]!.path === 'cmd');
  return isGoRoot && dirs.every((d) => d.startsWith(ctx.mainModules[0]!.dir + '/')) ? ctx : null;
}

/**
 * The main modules of the working directory, without loading any package: for choosing the
 * model from go.mod's toolchain or go line before loadGraph (whose goMinor depends on it).
 * Null outside any module. Throws the go command's message for a malformed go.mod/go.work.
 */
export function findMainModules(opts: Pick<LoadGraphOptions, 'cwd' | 'env'>): { mainModules: readonly MainModule[]; workFile: string | null } | null {
  const ctx = ModuleContext.find(resolve(opts.cwd), opts.env);
  if (!ctx) return null;
  return { mainModules: ctx.mainModules.map(({ path, dir, goVersion, toolchain }) => ({ path, dir, goVersion, toolchain })), workFile: ctx.workFile };
}

/** A package to load: where it is, and what names it. */
interface Root {
  readonly importPath: string;
  readonly dir: string;
  readonly module: ModuleRef | null;
  /** For command-line-arguments: the files named. */
  readonly files?: readonly string[];
}

class GraphLoader {
  private readonly done = new Map<string, LoadedPackage | null>();
  private readonly onStack: { path: string; from?: string }[] = [];
  private readonly inProgress = new Set<string>();
  private readonly order: LoadedPackage[] = [];
  private readonly errors: string[] = [];
  private named = new Set<string>();

  constructor(private readonly ctx: ModuleContext, private readonly cwd: string, private readonly target: BuildTarget) {}

  load(patterns: readonly string[]): PackageGraph {
    if (patterns.length === 0) patterns = ['.'];
    const roots: Root[] = [];
    const filesNamed = this.namesFiles(patterns);
    if (filesNamed) {
      if (!patterns.every((p) => p.endsWith('.go'))) {
        throw new UserError('goesc: named files must all be .go files of one package, not mixed with directories');
      }
      roots.push(this.filesRoot(patterns));
    } else {
      for (const p of patterns) roots.push(...this.match(p));
    }
    const seen = new Set<string>();
    const unique = roots.filter((r) => !seen.has(r.importPath) && seen.add(r.importPath));
    this.named = new Set(unique.map((r) => r.importPath));
    for (const r of unique) this.visit(r);
    if (this.errors.length > 0) throw new UserError([...new Set(this.errors)]);
    return {
      mainModules: this.ctx.mainModules.map(({ path, dir, goVersion, toolchain }) => ({ path, dir, goVersion, toolchain })),
      workFile: this.ctx.workFile,
      vendorMode: this.ctx.vendorMode,
      moduleCache: this.ctx.vendorMode ? null : this.ctx.cacheRoot,
      packages: this.order,
      filesNamed,
    };
  }

  /**
   * Whether the arguments name .go files, as the go command decides (load.PackagesAndErrors):
   * an argument ending in .go names a file when one is there, else it is a package path like
   * any other (github.com/nats-io/nats.go). One that is neither is still read as a file, so
   * that a missing file is reported as go tool compile words it.
   */
  private namesFiles(patterns: readonly string[]): boolean {
    const suffixed = patterns.filter((p) => p.endsWith('.go'));
    if (suffixed.length === 0) return false;
    if (suffixed.some((p) => this.ctx.disk.isFile(resolve(this.cwd, p)))) return true;
    const isPackage = (p: string) => !isLocalPattern(p) && !p.includes('...') && this.resolve(p).kind === 'dir';
    return suffixed.length === patterns.length && !suffixed.some(isPackage);
  }

  // ---- patterns ----

  private filesRoot(files: readonly string[]): Root {
    const abs = files.map((f) => resolve(this.cwd, f));
    const dirs = new Set(abs.map((f) => f.slice(0, f.lastIndexOf('/')) || '/'));
    if (dirs.size > 1) throw new UserError('go: named files must all be in one directory; have ' + [...dirs].join(' and '));
    const dir = [...dirs][0]!;
    return { importPath: commandLineArguments, dir, module: this.ctx.mainModuleOfDir(dir), files: abs };
  }

  private match(pattern: string): Root[] {
    const local = isLocalPattern(pattern);
    const wild = pattern.includes('...');
    if (local) return wild ? this.matchLocalWild(pattern) : [this.localDir(pattern, resolve(this.cwd, pattern))];
    if (wild) {
      const found = this.matchImportWild(pattern);
      if (found.length > 0) return found;
      // goesc's PATH: `dir/...` for a directory below the working directory.
      const base = pattern.slice(0, pattern.indexOf('...')).replace(/\/$/, '');
      if (base !== '' && this.ctx.disk.isDir(resolve(this.cwd, base))) return this.matchLocalWild('./' + pattern);
      throw new UserError(`go: warning: "${pattern}" matched no packages`);
    }
    const res = this.resolve(pattern);
    if (res.kind === 'dir') return [{ importPath: pattern, dir: res.dir, module: res.module }];
    // goesc's PATH: a directory below the working directory spelled without `./`.
    if (this.ctx.disk.isDir(resolve(this.cwd, pattern))) return [this.localDir(pattern, resolve(this.cwd, pattern))];
    if (res.kind === 'std') {
      throw new UserError(`goesc: package ${pattern} is in the standard library: goesc reads it from its models, as a dependency only`);
    }
    if (res.kind === 'missing-module') throw new UserError(missingModuleMessage(pattern, res));
    if (res.kind === 'ambiguous') throw new UserError(res.message);
    // As the go command words it when it may not look modules up (-mod=readonly).
    throw new UserError(`cannot find module providing package ${pattern}: import lookup disabled by -mod=readonly`);
  }

  /** A directory named on the command line. */
  private localDir(pattern: string, dir: string): Root {
    if (!this.ctx.disk.isDir(dir)) throw new UserError(`stat ${dir}: directory not found`);
    const main = this.ctx.mainModuleOfDir(dir);
    if (main) return { importPath: importPathIn(main, dir), dir, module: main };
    for (const { ref } of this.ctx.modulesForPatterns()) {
      if (!ref.main && (dir === ref.dir || dir.startsWith(ref.dir + '/'))) return { importPath: importPathIn(ref, dir), dir, module: ref };
    }
    throw new UserError(`directory ${pattern} outside main module or its selected dependencies`);
  }

  private matchLocalWild(pattern: string): Root[] {
    const i = pattern.indexOf('...');
    const baseText = pattern.slice(0, i).replace(/\/$/, '') || '.';
    const base = isAbsolute(baseText) ? baseText : resolve(this.cwd, baseText);
    if (!this.ctx.disk.isDir(base)) throw new UserError(`pattern ${pattern}: lstat ${pattern.slice(0, i)}: no such file or directory`);
    const re = wildRegExp(resolve(this.cwd, pattern.replace(/\/\.\.\.$/, '') || '.') + (pattern.endsWith('/...') ? '/...' : ''));
    const roots: Root[] = [];
    for (const dir of walkPackageDirs(base, base, this.ctx.disk)) {
      if (!re.test(dir)) continue;
      const main = this.ctx.mainModuleOfDir(dir);
      let module: ModuleRef | null = main;
      if (!module) {
        module = this.ctx.modulesForPatterns().find(({ ref }) => !ref.main && (dir === ref.dir || dir.startsWith(ref.dir + '/')))?.ref ?? null;
      }
      if (!module) continue;
      if (this.scan(dir).kind !== 'ok') continue;
      roots.push({ importPath: importPathIn(module, dir), dir, module });
    }
    if (roots.length === 0) throw new UserError(`go: warning: "${pattern}" matched no packages`);
    return roots;
  }

  private matchImportWild(pattern: string): Root[] {
    const re = wildRegExp(pattern);
    const literal = pattern.slice(0, pattern.indexOf('...')).replace(/\/$/, '');
    const roots: Root[] = [];
    for (const { ref, root } of this.ctx.modulesForPatterns()) {
      // A module can hold matches only if its path and the pattern's literal prefix overlap.
      if (!(ref.path.startsWith(literal) || literal.startsWith(ref.path + '/') || literal === ref.path || literal === '')) continue;
      for (const dir of walkPackageDirs(root, root, this.ctx.disk)) {
        const importPath = importPathIn(ref, dir);
        if (!re.test(importPath)) continue;
        if (this.ctx.vendorMode && !ref.main && !this.ctx.ownsVendored(ref.path, importPath)) continue;
        if (this.scan(dir).kind !== 'ok') continue;
        roots.push({ importPath, dir, module: ref });
      }
    }
    return roots;
  }

  private readonly scans = new Map<string, ScanResult>();

  /** scanPackageDir, once per directory (a pattern's match is then loaded without rereading). */
  private scan(dir: string): ScanResult {
    let r = this.scans.get(dir);
    if (!r) {
      r = scanPackageDir(dir, this.target, this.ctx.disk);
      this.scans.set(dir, r);
    }
    return r;
  }

  // ---- the depth-first walk ----

  private readonly resolved = new Map<string, Resolution>();

  /** resolveImport, once per import path. */
  private resolve(path: string): Resolution {
    let r = this.resolved.get(path);
    if (!r) {
      r = this.ctx.resolveImport(path);
      this.resolved.set(path, r);
    }
    return r;
  }

  private visit(root: Root): LoadedPackage | null {
    if (this.done.has(root.importPath)) return this.done.get(root.importPath)!;
    this.inProgress.add(root.importPath);
    const pkg = this.loadOne(root);
    this.inProgress.delete(root.importPath);
    this.done.set(root.importPath, pkg);
    if (pkg) this.order.push(pkg);
    return pkg;
  }

  private loadOne(root: Root): LoadedPackage | null {
    let scanned: ScanResult;
    if (root.files) {
      scanned = scanNamedFiles(root.files, this.ctx.disk);
    } else {
      scanned = this.scan(root.dir);
    }
    if (scanned.kind !== 'ok') {
      // The go command's words: a named directory without Go files is `no Go files in DIR`;
      // otherwise the package is named, or the import stack leading to it is printed.
      const msg = scanned.kind === 'mixed' ? scanned.message
        : scanned.kind === 'excluded' ? `build constraints exclude all Go files in ${root.dir}`
        : `no Go files in ${root.dir}`;
      if (this.onStack.length === 0) {
        this.errors.push(scanned.kind === 'no-go-files' ? msg : `package ${root.importPath}: ${msg}`);
      } else {
        const lines = [`package ${this.onStack[0]!.path}`, ...this.onStack.slice(1).map((e) => `\timports ${e.path}`)];
        lines.push(`\timports ${root.importPath}: ${msg}`);
        this.errors.push(lines.join('\n'));
      }
      return null;
    }
    const display = displayNamer(root.dir, this.cwd);
    const files: LoadedFile[] = scanned.files.map((f) => ({
      filename: display(f.absPath),
      absPath: f.absPath,
      bytes: f.bytes,
    }));
    const firstUse = new Map<string, { file: string; base: string; line: number; col: number }>();
    scanned.files.forEach((f, i) => {
      for (const imp of f.header.imports) {
        if (!firstUse.has(imp.path)) firstUse.set(imp.path, { file: shortPath(f.absPath, this.cwd), base: basename(f.absPath), line: imp.line, col: imp.col });
      }
    });
    const imports: ImportRef[] = [];
    this.onStack.push({ path: root.importPath });
    for (const path of [...firstUse.keys()].sort()) {
      const use = firstUse.get(path)!;
      const pos = { file: use.file, line: use.line, col: use.col };
      if (path === 'C') continue;
      const res = this.resolve(path);
      if (res.kind === 'std') {
        imports.push({ path, std: true, pos });
        continue;
      }
      imports.push({ path, std: false, pos, packagePath: res.kind === 'dir' ? res.importPath ?? path : undefined });
      const at = `${use.file}:${use.line}:${use.col}: `;
      if (res.kind === 'missing-module') {
        this.errors.push(at + missingModuleMessage(path, res));
        continue;
      }
      if (res.kind !== 'dir') {
        this.errors.push(at + res.message);
        continue;
      }
      if (this.inProgress.has(res.importPath ?? path)) {
        this.errors.push(this.cycleMessage(path, use.base));
        continue;
      }
      this.onStack[this.onStack.length - 1] = { ...this.onStack[this.onStack.length - 1]!, from: use.base };
      this.visit({ importPath: res.importPath ?? path, dir: res.dir, module: res.module });
    }
    this.onStack.pop();
    return {
      importPath: root.importPath,
      name: scanned.name,
      dir: root.dir,
      files,
      imports,
      module: root.module,
      hasAsm: scanned.hasAsm,
      cgoFilesOmitted: scanned.cgoFilesOmitted,
      named: this.named.has(root.importPath),
    };
  }

  /**
   * The go command's import-cycle report: the import stack from the named package down to
   * the repeated one, each step with the file that imports it.
   *
   *   package example.com/m/a
   *   	imports example.com/m/b from a.go
   *   	imports example.com/m/a from b.go: import cycle not allowed
   */
  private cycleMessage(repeated: string, fromFile: string): string {
    const lines = [`package ${this.onStack[0]!.path}`];
    for (let i = 1; i < this.onStack.length; i++) {
      lines.push(`\timports ${this.onStack[i]!.path} from ${this.onStack[i - 1]!.from}`);
    }
    lines.push(`\timports ${repeated} from ${fromFile}: import cycle not allowed`);
    return lines.join('\n');
  }
}

function missingModuleMessage(path: string, res: { module: string; version: string; cacheRoot: string }): string {
  return `could not import ${path}: module ${res.module}@${res.version} is not in the module cache (GOMODCACHE=${res.cacheRoot}); run 'go mod download ${res.module}' where Go is installed, or vendor it`;
}

/** build.IsLocalImport, or an absolute path: a directory pattern rather than an import path. */
function isLocalPattern(p: string): boolean {
  return p === '.' || p === '..' || p.startsWith('./') || p.startsWith('../') || isAbsolute(p);
}

/** search.MatchPattern: `...` matches any string; `x/...` matches x itself too. */
function wildRegExp(pattern: string): RegExp {
  let src = pattern.split('...').map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  if (src.endsWith('/.*')) src = src.slice(0, -3) + '(/.*)?';
  return new RegExp(`^${src}$`);
}

/**
 * The import path of a directory inside a module. The standard library's module (`std`,
 * $GOROOT/src) is the exception: its packages' paths have no module prefix (`strings`).
 */
function importPathIn(module: ModuleRef, dir: string): string {
  if (module.path === 'std' && module.main) return dir === module.dir ? 'std' : dir.slice(module.dir.length + 1);
  return dir === module.dir ? module.path : module.path + dir.slice(module.dir.length);
}

/**
 * Directories under root (root included) that hold .go files, in the go command's walk
 * order, skipping testdata, vendor, `_`/`.` directories and nested modules (a directory
 * other than `top` with its own go.mod).
 */
function walkPackageDirs(root: string, top: string, disk: Disk): string[] {
  const out: string[] = [];
  const visit = (dir: string) => {
    const entries = disk.list(dir);
    if (!entries) return;
    if (dir !== top && entries.some((e) => e.name === 'go.mod' && e.isFile())) return;
    if (entries.some((e) => e.name.endsWith('.go') && !e.isDirectory())) out.push(dir);
    const subdirs = entries
      .filter((e) => e.isDirectory() && e.name !== 'testdata' && e.name !== 'vendor' && !e.name.startsWith('.') && !e.name.startsWith('_'))
      .map((e) => e.name)
      .sort();
    for (const d of subdirs) visit(join(dir, d));
  };
  if (disk.isDir(root)) visit(root);
  return out;
}

/** `.go` files named on the command line: taken as given, build constraints aside (as go build). */
function scanNamedFiles(files: readonly string[], disk: Disk): ReturnType<typeof scanPackageDir> {
  const scanned: ScannedFile[] = [];
  let name: string | null = null;
  for (const f of [...files].sort()) {
    let bytes: Uint8Array;
    try {
      bytes = disk.readSource(f);
    } catch (e) {
      if (e instanceof UserError) throw e;
      throw new UserError(`goesc: open ${f}: no such file or directory`);
    }
    const header = readHeader(bytes);
    if (name === null) name = header.packageName;
    scanned.push({ absPath: f, bytes, header });
  }
  return { kind: 'ok', name: name ?? '', files: scanned, hasAsm: false, cgoFilesOmitted: [] };
}

/** Outside any module: index.ts's PATH rules, the caller's import path, std imports only. */
function outsideModule(patterns: readonly string[], cwd: string, target: BuildTarget, importPath: string, disk: Disk): PackageGraph {
  const abs = (p: string) => (isAbsolute(p) ? p : join(cwd, p));
  // loadPackages keeps the user's spelling of paths, relative to the process's directory;
  // when cwd is another directory, paths are made absolute first.
  const sameCwd = resolve(process.cwd()) === cwd;
  const filesNamed = patterns.length > 0 && patterns.every((a) => a.endsWith('.go'));
  const pkgs = loadPackages(sameCwd ? patterns : patterns.map(abs), target, disk);
  const errors: string[] = [];
  const packages: LoadedPackage[] = pkgs.map((p) => {
    const files: LoadedFile[] = p.files.map((f) => ({
      filename: f.filename,
      absPath: abs(f.filename),
      bytes: f.bytes,
    }));
    const read = outsideModuleImports(files);
    errors.push(...read.errors);
    const dir = abs(p.dir);
    // Named .go files are the package, as go tool compile takes them: the rest of their
    // directory is not read (it may hold anything, a file over the size limit included).
    const scanned = !filesNamed && hasGoFiles(dir, disk) ? scanPackageDir(dir, target, disk) : null;
    return {
      importPath,
      name: readHeader(files[0]!.bytes).packageName ?? '',
      dir,
      files,
      imports: read.imports,
      module: null,
      hasAsm: scanned?.kind === 'ok' ? scanned.hasAsm : false,
      cgoFilesOmitted: scanned?.kind === 'ok' ? scanned.cgoFilesOmitted : [],
      named: true,
    };
  });
  if (errors.length > 0) throw new UserError(errors);
  return { mainModules: [], workFile: null, vendorMode: false, moduleCache: null, packages, filesNamed };
}
