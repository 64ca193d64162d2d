// The module context of a build, as cmd/go/internal/modload sets it up (init.go, buildlist.go,
// mvs.go, import.go, vendor.go), read from files only.
//
// 1. Main modules. go.work is looked for upward from the working directory (or named by
//    $GOWORK; `off` turns it off); its `use` directories are the main modules. Otherwise the
//    go.mod found upward from the working directory is the one main module.
// 2. Mode. With one main module whose go line is ≥ 1.14 and a vendor/ directory, packages
//    outside the main module come from vendor/ (the go command's default `-mod=vendor`);
//    `-mod=` in $GOFLAGS overrides. Otherwise from the module cache.
// 3. Build list (minimal version selection). The requirement graph is read from go.mod files:
//    the main modules' requirements, and for each module reached its own go.mod (a replaced
//    module's from its replacement; others from $GOMODCACHE/cache/download/.../@v/V.mod).
//    From go 1.17 on, graphs are pruned: a go ≥ 1.17 module's requirements enter the graph,
//    but their own go.mod files are read only if they are unpruned (go < 1.17), whose
//    requirements are followed transitively. Each module path's selected version is the
//    highest version in the graph that the main modules do not exclude. A go.mod missing
//    from the cache adds no requirements (the go command would download it; goesc cannot).
// 4. Import resolution. An import path is provided by the main modules and the selected
//    modules whose path is a prefix of it, when the corresponding directory holds .go files
//    and is not inside a nested module; exactly one must provide it.

import { Disk } from './disk.js';
import { dirname, join, resolve } from 'node:path';
import { UserError } from '../errors.js';
import { moduleCacheDir, moduleCacheModFile, moduleCacheRoot } from './modcache.js';
import { isDirectoryPath, parseModFile, type ModFile, type ModReplace } from './modfile.js';
import { compareVersions } from './semver.js';
import { shortPath } from './paths.js';
import { isStandardImportPath } from './outside.js';

export type Env = Readonly<Record<string, string | undefined>>;

/** A module a package belongs to. */
export interface ModuleRef {
  /** Module path, `example.com/m`. */
  readonly path: string;
  /** Selected version; absent for main modules and for modules replaced by a directory. */
  readonly version?: string;
  /** Absolute directory of the module's root (the replacement's directory if replaced). */
  readonly dir: string;
  /** One of the main modules (the working module or a go.work `use`). */
  readonly main: boolean;
  /** The module's go line (`1.22`, `1.21.0`), when its go.mod has one. */
  readonly goVersion?: string;
  /**
   * The language version go build compiles the module's packages with (`-lang=go1.22`):
   * major.minor of goVersion, or go1.16 when the go.mod has no go line (gover.DefaultGoModVersion).
   */
  readonly lang: string;
}

export interface MainModule {
  readonly path: string;
  readonly dir: string;
  readonly goVersion?: string;
  readonly toolchain?: string;
}

/** Why an import path has no directory. */
export type ResolveFailure =
  | { readonly kind: 'missing-module'; readonly module: string; readonly version: string; readonly cacheRoot: string }
  | { readonly kind: 'no-module'; readonly message: string }
  | { readonly kind: 'ambiguous'; readonly message: string };

export type Resolution =
  | { readonly kind: 'std' }
  | {
      readonly kind: 'dir';
      readonly dir: string;
      readonly module: ModuleRef;
      /**
       * The package's import path when it differs from the path imported: $GOROOT/src/cmd's
       * vendored packages are `cmd/vendor/golang.org/x/...` to the go command.
       */
      readonly importPath?: string;
    }
  | ResolveFailure;

interface ReplaceRule extends ModReplace {
  /** Directory the replacement's relative directory is resolved from. */
  readonly baseDir: string;
}

export { isStandardImportPath } from './outside.js';

/** Walk up from dir to the first directory holding `name`; its absolute path, or null. */
function findUp(dir: string, name: string, disk: Disk): string | null {
  let d = resolve(dir);
  for (;;) {
    const f = join(d, name);
    if (disk.isFile(f)) return f;
    const parent = dirname(d);
    if (parent === d) return null;
    d = parent;
  }
}

/** fsys.IsGoDir: the directory holds at least one regular `.go` file (build tags aside). */
export function hasGoFiles(dir: string, disk: Disk): boolean {
  return disk.list(dir)?.some((e) => e.name.endsWith('.go') && (e.isFile() || e.isSymbolicLink())) ?? false;
}

/** The `-mod=` value in $GOFLAGS, if any. */
function modFlag(env: Env): string | undefined {
  for (const f of (env.GOFLAGS ?? '').split(/\s+/)) {
    const m = /^--?mod=(\S+)$/.exec(f);
    if (m) return m[1];
  }
  return undefined;
}

/** `go1.22` from `1.22.3`: the -lang go build passes for a module of that go line. */
export function langOf(goVersion: string | undefined): string {
  const m = /^(\d+)\.(\d+)/.exec(goVersion ?? '1.16');
  return m ? `go${m[1]}.${m[2]}` : 'go1.16';
}

export class ModuleContext {
  readonly mainModules: readonly (MainModule & { readonly modFile: ModFile })[];
  readonly vendorMode: boolean;
  readonly cacheRoot: string;
  /** The go.work file when in workspace mode. */
  readonly workFile: string | null;
  private readonly cwd: string;
  private readonly replaces: readonly ReplaceRule[];
  private readonly excluded: ReadonlySet<string>;
  private selectedMemo: ReadonlyMap<string, string> | null = null;
  /** vendor/modules.txt: vendored package path → its module (path, version). */
  private readonly vendorPackages: ReadonlyMap<string, { path: string; version?: string; goVersion?: string }>;
  private readonly modGoVersions = new Map<string, string | undefined>();

  /** The module context for cwd, or null outside any module (or with GO111MODULE=off). */
  /** This load's view of the disk. */
  readonly disk: Disk;

  /** `disk` is the load's (its module cache root is moduleCacheRoot(env)'s). */
  static find(cwd: string, env: Env, disk: Disk = new Disk()): ModuleContext | null {
    if (env.GO111MODULE === 'off') return null;
    let workFile: string | null = null;
    const gowork = env.GOWORK;
    if (gowork === 'off') workFile = null;
    else if (gowork) {
      const abs = resolve(cwd, gowork);
      if (!abs.endsWith('.work')) throw new UserError(`go: invalid GOWORK: does not end in .work: ${gowork}`);
      if (!disk.isFile(abs)) throw new UserError(`go: cannot find GOWORK file ${gowork}`);
      workFile = abs;
    } else {
      workFile = findUp(cwd, 'go.work', disk);
    }
    if (workFile) return new ModuleContext(cwd, env, disk, null, workFile);
    const modFile = findUp(cwd, 'go.mod', disk);
    if (!modFile) return null;
    return new ModuleContext(cwd, env, disk, modFile, null);
  }

  private constructor(cwd: string, env: Env, disk: Disk, modFilePath: string | null, workFile: string | null) {
    this.cwd = cwd;
    this.disk = disk;
    this.workFile = workFile;
    this.cacheRoot = moduleCacheRoot(env);
    const readStrict = (abs: string, kind: 'go.mod' | 'go.work') => {
      let text: string;
      try {
        text = disk.readText(abs);
      } catch (e) {
        throw new UserError(`go: reading ${shortPath(abs, cwd)}: ${(e as Error).message}`);
      }
      return parseModFile(abs, text, { kind, strict: true, displayName: shortPath(abs, cwd) });
    };
    const replaces: ReplaceRule[] = [];
    const mains: (MainModule & { modFile: ModFile })[] = [];
    const addMain = (abs: string) => {
      const mf = readStrict(abs, 'go.mod');
      mains.push({ path: mf.module!, dir: dirname(abs), goVersion: mf.go, toolchain: mf.toolchain, modFile: mf });
    };
    if (workFile) {
      const wf = readStrict(workFile, 'go.work');
      const workDir = dirname(workFile);
      for (const u of wf.uses) {
        const dir = resolve(workDir, u.dir);
        const gomod = join(dir, 'go.mod');
        if (!disk.isFile(gomod)) {
          throw new UserError(`go: cannot load module ${u.dir} listed in go.work file: open ${gomod}: no such file or directory`);
        }
        addMain(gomod);
      }
      // go.work's replacements win over the modules' own (modload.replacementFrom).
      for (const r of wf.replaces) replaces.push({ ...r, baseDir: workDir });
    } else {
      addMain(modFilePath!);
    }
    const seenPaths = new Set<string>();
    for (const m of mains) {
      if (seenPaths.has(m.path)) throw new UserError(`go: module ${m.path} appears multiple times in workspace`);
      seenPaths.add(m.path);
      for (const r of m.modFile.replaces) replaces.push({ ...r, baseDir: m.dir });
    }
    this.mainModules = mains;
    this.replaces = replaces;
    this.excluded = new Set(mains.flatMap((m) => m.modFile.excludes.map((e) => `${e.path}@${e.version}`)));

    const flag = modFlag(env);
    const only = mains.length === 1 && !workFile ? mains[0]! : null;
    const goAtLeast114 = only?.goVersion !== undefined && compareGo(only.goVersion, '1.14') >= 0;
    this.vendorMode = flag === 'vendor' || (flag === undefined && only !== null && goAtLeast114 && disk.isDir(join(only.dir, 'vendor')));
    this.vendorPackages = this.vendorMode && only ? readVendorModules(join(only.dir, 'vendor', 'modules.txt'), disk) : new Map();
  }

  /** Selected version of each non-main module path (MVS, computed on first use). */
  get selected(): ReadonlyMap<string, string> {
    this.selectedMemo ??= this.vendorMode ? selectedFromVendor(this.vendorPackages) : this.buildList();
    return this.selectedMemo;
  }

  /** The replacement of m@v, if any: an exact-version rule first, then a path-wide one. */
  private replacement(path: string, version: string): ReplaceRule | undefined {
    return this.replaces.find((r) => r.oldPath === path && r.oldVersion === version)
      ?? this.replaces.find((r) => r.oldPath === path && r.oldVersion === undefined);
  }

  /** The go.mod text governing m@v: the replacement's, else the cache's; null when absent. */
  private readDepModFile(path: string, version: string): ModFile | null {
    const r = this.replacement(path, version);
    let file: string;
    if (r && r.newVersion === undefined) file = join(resolve(r.baseDir, r.newPath), 'go.mod');
    else if (r) file = moduleCacheModFile(this.cacheRoot, r.newPath, r.newVersion!);
    else file = moduleCacheModFile(this.cacheRoot, path, version);
    let text: string | null = null;
    try {
      text = this.disk.readText(file);
    } catch {
      // The extracted module's own go.mod, when the download cache entry was cleaned.
      const dir = r && r.newVersion === undefined ? null : moduleCacheDir(this.cacheRoot, r ? r.newPath : path, r ? r.newVersion! : version);
      if (dir) {
        try {
          text = this.disk.readText(join(dir, 'go.mod'));
        } catch {
          text = null;
        }
      }
    }
    if (text === null) return null;
    return parseModFile(file, text, { kind: 'go.mod', strict: false, displayName: file });
  }

  /** MVS over the (pruned) requirement graph: path → selected version. */
  private buildList(): Map<string, string> {
    const selected = new Map<string, string>();
    const mainPaths = new Set(this.mainModules.map((m) => m.path));
    const note = (path: string, version: string) => {
      if (mainPaths.has(path) || this.excluded.has(`${path}@${version}`)) return false;
      const cur = selected.get(path);
      if (cur === undefined || compareVersions(version, cur) > 0) selected.set(path, version);
      return true;
    };
    // A main module at go < 1.17 has an unpruned graph: everything is followed.
    const allPruned = this.mainModules.every((m) => m.goVersion !== undefined && compareGo(m.goVersion, '1.17') >= 0);
    const loaded = new Set<string>();
    const loadedUnpruned = new Set<string>();
    const queue: { path: string; version: string; unpruned: boolean }[] = [];
    const enqueue = (path: string, version: string, unpruned: boolean) => {
      const key = `${path}@${version}`;
      const seen = unpruned ? loadedUnpruned : loaded;
      if (seen.has(key)) return;
      seen.add(key);
      queue.push({ path, version, unpruned });
    };
    for (const m of this.mainModules) {
      for (const r of m.modFile.requires) {
        if (note(r.path, r.version)) enqueue(r.path, r.version, !allPruned);
      }
    }
    while (queue.length > 0) {
      const { path, version, unpruned } = queue.shift()!;
      const mf = this.readDepModFile(path, version);
      this.modGoVersions.set(`${path}@${version}`, mf?.go);
      if (!mf) continue;
      const next = unpruned || mf.go === undefined || compareGo(mf.go, '1.17') < 0;
      for (const r of mf.requires) {
        if (!note(r.path, r.version)) continue;
        if (next) enqueue(r.path, r.version, true);
      }
    }
    return selected;
  }

  private readonly moduleRefs = new Map<string, { ref: ModuleRef; exists: boolean }>();

  /** The module of a selected (path, version): its directory and go line (once per load: every import asks). */
  private moduleRef(path: string, version: string): { ref: ModuleRef; exists: boolean } {
    const key = `${path}@${version}`;
    let m = this.moduleRefs.get(key);
    if (!m) this.moduleRefs.set(key, (m = this.findModuleRef(path, version)));
    return m;
  }

  private findModuleRef(path: string, version: string): { ref: ModuleRef; exists: boolean } {
    const r = this.replacement(path, version);
    let dir: string;
    let shownVersion: string | undefined = version;
    if (r && r.newVersion === undefined) {
      dir = resolve(r.baseDir, r.newPath);
      shownVersion = undefined;
    } else if (r) {
      dir = moduleCacheDir(this.cacheRoot, r.newPath, r.newVersion!);
    } else {
      dir = moduleCacheDir(this.cacheRoot, path, version);
    }
    const key = `${path}@${version}`;
    if (!this.modGoVersions.has(key)) this.modGoVersions.set(key, this.readDepModFile(path, version)?.go);
    const goVersion = this.modGoVersions.get(key);
    return { ref: { path, version: shownVersion, dir, main: false, goVersion, lang: langOf(goVersion) }, exists: this.disk.isDir(dir) };
  }

  private mainRef(m: MainModule): ModuleRef {
    return { path: m.path, dir: m.dir, main: true, goVersion: m.goVersion, lang: langOf(m.goVersion) };
  }

  /** Every module a pattern may walk: the main modules, then the selected ones present on disk. */
  modulesForPatterns(): readonly { ref: ModuleRef; root: string }[] {
    this.patternModules ??= this.listPatternModules();
    return this.patternModules;
  }

  private patternModules: readonly { ref: ModuleRef; root: string }[] | null = null;

  private listPatternModules(): { ref: ModuleRef; root: string }[] {
    const out = this.mainModules.map((m) => ({ ref: this.mainRef(m), root: m.dir }));
    if (this.vendorMode) {
      // Vendored modules have no go.mod to stop a walk at a nested module: the caller
      // keeps a package only if vendoredModuleOf names this module (see ownsVendored).
      const vendorDir = join(this.mainModules[0]!.dir, 'vendor');
      for (const [key, m] of [...this.vendorPackages].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
        if (!key.startsWith('# ')) continue;
        const dir = join(vendorDir, m.path);
        if (this.disk.isDir(dir)) out.push({ ref: { path: m.path, version: m.version, dir, main: false, goVersion: m.goVersion, lang: langOf(m.goVersion) }, root: dir });
      }
      return out;
    }
    for (const [path, version] of [...this.selected].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      const { ref, exists } = this.moduleRef(path, version);
      if (exists) out.push({ ref, root: ref.dir });
    }
    return out;
  }

  /** Whether, in vendor mode, the vendored package `importPath` belongs to module `modPath`. */
  ownsVendored(modPath: string, importPath: string): boolean {
    return (this.vendorPackages.get(importPath) ?? vendoredModuleOf(this.vendorPackages, importPath))?.path === modPath;
  }

  /** The main module holding an absolute directory (the longest root containing it). */
  mainModuleOfDir(dir: string): ModuleRef | null {
    let best: MainModule | null = null;
    for (const m of this.mainModules) {
      if ((dir === m.dir || dir.startsWith(m.dir + '/')) && (!best || m.dir.length > best.dir.length)) best = m;
    }
    if (!best) return null;
    // A directory under a nested go.mod belongs to that other module, not this one.
    if (nestedModuleBetween(best.dir, dir, this.disk)) return null;
    return this.mainRef(best);
  }

  /** Where an import path's package lives (modload.importFromModules). */
  resolveImport(importPath: string): Resolution {
    // Inside $GOROOT/src the main module is `std`: everything it imports is std (or std's
    // vendored golang.org/x packages), which the pipeline reads from models/.
    if (this.mainModules.some((m) => m.path === 'std')) return { kind: 'std' };
    const candidates: { dir: string; module: ModuleRef }[] = [];
    const missing: { path: string; version: string }[] = [];
    const within = (modPath: string) => importPath === modPath || importPath.startsWith(modPath + '/');
    for (const m of this.mainModules) {
      if (!within(m.path)) continue;
      const dir = join(m.dir, importPath.slice(m.path.length));
      if (hasGoFiles(dir, this.disk) && !nestedModuleBetween(m.dir, dir, this.disk)) candidates.push({ dir, module: this.mainRef(m) });
    }
    if (candidates.length === 0 && isStandardImportPath(importPath)) {
      // A main module whose path has no dot provides its own packages; anything else of
      // that shape is the standard library's, resolved from models/ by the pipeline.
      let anyModule = this.mainModules.some((m) => within(m.path));
      for (const path of this.selected.keys()) anyModule ||= within(path);
      if (!anyModule) return { kind: 'std' };
    }
    if (this.vendorMode) {
      if (candidates.length > 0) return { kind: 'dir', ...candidates[0]! };
      const dir = join(this.mainModules[0]!.dir, 'vendor', importPath);
      const mod = this.vendorPackages.get(importPath) ?? vendoredModuleOf(this.vendorPackages, importPath);
      if (hasGoFiles(dir, this.disk) && mod) {
        const modDir = join(this.mainModules[0]!.dir, 'vendor', mod.path);
        const importPathAs = this.mainModules[0]!.path === 'cmd' ? `cmd/vendor/${importPath}` : undefined;
        return { kind: 'dir', dir, importPath: importPathAs, module: { path: mod.path, version: mod.version, dir: modDir, main: false, goVersion: mod.goVersion, lang: langOf(mod.goVersion) } };
      }
      return {
        kind: 'no-module',
        message: `cannot find module providing package ${importPath}: import lookup disabled by -mod=vendor`,
      };
    }
    for (const [path, version] of this.selected) {
      if (!within(path)) continue;
      const { ref, exists } = this.moduleRef(path, version);
      if (!exists) {
        missing.push({ path, version });
        continue;
      }
      const dir = join(ref.dir, importPath.slice(path.length));
      if (hasGoFiles(dir, this.disk) && !nestedModuleBetween(ref.dir, dir, this.disk)) candidates.push({ dir, module: ref });
    }
    if (candidates.length === 1) return { kind: 'dir', ...candidates[0]! };
    if (candidates.length > 1) {
      const lines = candidates.map((c) => `\t${c.module.path}${c.module.version ? ' ' + c.module.version : ''} (${c.dir})`);
      return { kind: 'ambiguous', message: [`ambiguous import: found package ${importPath} in multiple modules:`, ...lines].join('\n') };
    }
    if (missing.length > 0) {
      // The longest module path is the one that would provide the package.
      const m = missing.sort((a, b) => b.path.length - a.path.length)[0]!;
      return { kind: 'missing-module', module: m.path, version: m.version, cacheRoot: this.cacheRoot };
    }
    return { kind: 'no-module', message: `no required module provides package ${importPath}; to add it:\n\tgo get ${importPath}` };
  }

  /** Print helper for messages about this context's files. */
  display(abs: string): string {
    return shortPath(abs, this.cwd);
  }
}

/** Whether a go.mod sits in a directory strictly below root, down to and including dir. */
function nestedModuleBetween(root: string, dir: string, disk: Disk): boolean {
  let d = dir;
  while (d.length > root.length && d.startsWith(root)) {
    if (disk.list(d)?.some((e) => e.name === 'go.mod' && !e.isDirectory())) return true;
    d = dirname(d);
  }
  return false;
}

/** Compare two go-line versions (`1.21`, `1.21.3`, `1.22rc1`) by their numbers. */
export function compareGo(a: string, b: string): number {
  const nums = (v: string) => (/^(\d+)\.(\d+)(?:\.(\d+))?/.exec(v) ?? []).slice(1).map((x) => Number(x ?? 0));
  const x = nums(a);
  const y = nums(b);
  for (let i = 0; i < 3; i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * vendor/modules.txt: `# path version [=> replacement [version]]` opens a module, `## explicit;
 * go 1.21` annotates it, and the plain lines below list the packages vendored from it.
 */
function readVendorModules(file: string, disk: Disk): Map<string, { path: string; version?: string; goVersion?: string }> {
  const out = new Map<string, { path: string; version?: string; goVersion?: string }>();
  let text = '';
  try {
    text = disk.readText(file);
  } catch {
    return out;
  }
  let cur: { path: string; version?: string; goVersion?: string } | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('## ')) {
      const go = /(?:^|;)\s*go (\S+)/.exec(line.slice(3));
      if (cur && go) cur.goVersion = go[1];
      continue;
    }
    if (line.startsWith('# ')) {
      const f = line.slice(2).split(/\s+/);
      const arrow = f.indexOf('=>');
      const left = arrow < 0 ? f : f.slice(0, arrow);
      cur = { path: left[0]!, version: left[1] && !isDirectoryPath(left[1]) ? left[1] : undefined };
      // Key the module itself too, so modules with no listed package still select a version.
      out.set(`# ${cur.path}`, cur);
      continue;
    }
    if (line && cur) out.set(line, cur);
  }
  return out;
}

function vendoredModuleOf(
  pkgs: ReadonlyMap<string, { path: string; version?: string; goVersion?: string }>,
  importPath: string,
): { path: string; version?: string; goVersion?: string } | undefined {
  let best: { path: string; version?: string; goVersion?: string } | undefined;
  for (const [k, m] of pkgs) {
    if (!k.startsWith('# ')) continue;
    if ((importPath === m.path || importPath.startsWith(m.path + '/')) && (!best || m.path.length > best.path.length)) best = m;
  }
  return best;
}

function selectedFromVendor(pkgs: ReadonlyMap<string, { path: string; version?: string }>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, m] of pkgs) if (k.startsWith('# ') && m.version) out.set(m.path, m.version);
  return out;
}
