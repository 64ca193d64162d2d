// The checker's driver and shared state (go/types check.go): it runs the phases listed in
// index.ts and holds what the construct files (resolver, decl, typexpr, expr, call, stmt,
// ...) share: the package, Info being filled, the error list, the current function's
// context, and the untyped expressions whose final type is decided later.

import type * as ast from '../syntax/ast.js';
import type { GoError } from '../errors.js';
import type { CheckOptions, CheckResult } from './index.js';
import type { ConstValue } from './constant.js';
import type { Func, Obj, Package, TypeName } from './objects.js';
import { Scope } from './objects.js';
import type { Info, OperandMode } from './info.js';
import { newInfo } from './info.js';
import type { Named, Signature, Type } from './types.js';
import type { Sizes } from './sizes.js';
import { amd64Sizes } from './sizes.js';
import { universe } from './universe.js';
import { startPos } from './operand.js';
import { collectObjects } from './resolver.js';
import { objDecl, checkFuncBodies, checkFuncBody } from './decl.js';
import { reportUnusedImports } from './unused.js';

/** What a package-level object was declared by, for lazy checking (go/types declInfo). */
export interface DeclInfo {
  readonly file: string;
  readonly fileScope: Scope;
  readonly decl: ast.ConstDecl | ast.VarDecl | ast.TypeDecl | ast.FuncDecl;
  /** For consts: the spec whose type/values apply (the previous one in the group if elided). */
  readonly constSpec?: ast.ConstDecl;
  /** For a var spec `var a, b = f()`: all names share one initializer. */
  readonly lhs?: readonly Obj[];
  /** A method: its receiver base type name, when found. */
  readonly recvBase?: TypeName;
}

/** The enclosing function while checking a body. */
export interface FuncContext {
  readonly sig: Signature;
  readonly scope: Scope;
  /** Whether the function has named results (bare `return` allowed). */
  readonly namedResults: boolean;
}

/** An untyped expression whose type becomes final when its context is known. */
export interface UntypedInfo {
  mode: OperandMode;
  type: Type;
  value: ConstValue | null;
  isLhs: boolean;
}

const exprKinds: ReadonlySet<string> = new Set([
  'Name', 'BasicLit', 'CompositeLit', 'KeyValueExpr', 'FuncLit', 'ParenExpr', 'SelectorExpr', 'IndexExpr', 'SliceExpr',
  'AssertExpr', 'CallExpr', 'UnaryExpr', 'BinaryExpr', 'StarExpr', 'BadExpr', 'ArrayType', 'SliceType', 'DotsType',
  'StructType', 'FuncType', 'InterfaceType', 'MapType', 'ChanType',
]);

/**
 * What gc prints for errors reported in this order: it stops at the tenth with
 * `too many errors` (at the tenth's position), and prints the kept ones sorted by position.
 */
export function gcErrorListing(reported: readonly GoError[], limit = 10): GoError[] {
  const kept = reported.slice(0, limit);
  const sorted = [...kept].sort((a, b) =>
    a.file === b.file ? a.line - b.line || a.col - b.col : a.file < b.file ? -1 : 1);
  if (reported.length >= limit) {
    const last = kept[kept.length - 1]!;
    sorted.push({ ...last, message: 'too many errors' });
  }
  return sorted;
}

export class Checker {
  readonly opts: CheckOptions;
  readonly sizes: Sizes;
  readonly info: Info = newInfo();
  readonly errors: GoError[] = [];
  /** Each declared function's parameter scope, for checking its body later (phase 3). */
  readonly funcScopes = new Map<Func, Scope>();
  /** The `true` tags the checker makes for tagless switches (their messages name no tag). */
  readonly syntheticTags = new WeakSet<ast.Expr>();
  /** Partial explicit instantiations `f[A]` (their given type arguments), completed at the call. */
  readonly partialTypeArgs = new Map<ast.Expr, readonly Type[]>();
  pkg!: Package;
  /** Per package-level object: how it is declared. */
  readonly declInfo = new Map<Obj, DeclInfo>();
  /** 'inProgress' | 'done' per object, for lazy package-level declarations and cycles. */
  readonly objState = new Map<Obj, 'inProgress' | 'done'>();
  /** Methods per receiver base type name, in source order. */
  readonly methods = new Map<TypeName, Func[]>();
  /** Function declarations whose bodies are checked in phase 3. */
  readonly funcBodies: { decl: ast.FuncDecl; func: Func; file: string; fileScope: Scope }[] = [];
  readonly untyped = new Map<ast.Expr, UntypedInfo>();
  /** The file being checked (for error positions). */
  file = '';
  /** The innermost lexical scope while checking. */
  scope!: Scope;
  /** Local variables declared per function, for "declared and not used". */
  localVars: import('./objects.js').Var[] = [];
  /** The value of iota inside the const spec being checked, else null. */
  iota: bigint | null = null;
  /** The function being checked, else null (package level). */
  fn: FuncContext | null = null;
  /** Named types being declared, for "invalid recursive type". */
  readonly typePath: TypeName[] = [];
  /**
   * Aliases whose right-hand side is being resolved, with the length of typePath when it
   * started: a reference back to one through a type definition begun since is a valid
   * cycle (go/types validCycle), and gets the Alias, whose rhs is filled in when done.
   */
  readonly aliasesInProgress = new Map<TypeName, number>();
  /**
   * Defined types whose underlying type is that of a type still being declared (`type
   * packetHandlerMap Transport` met while Transport's fields are resolved): set when it is
   * known, as go/types resolves a Named's underlying lazily.
   */
  readonly lateUnderlying: { readonly named: Named; readonly from: Named }[] = [];
  /**
   * Checks that must wait until the types they look at are complete (types2 check.later):
   * a map's key type may be a type still being declared (`type R struct{ m map[R]int }`).
   */
  readonly later: (() => void)[] = [];
  /** Source order of all imports, for "imported and not used". */
  readonly imports: { pkgName: Obj; spec: ast.ImportDecl; file: string }[] = [];
  /** Objects whose "declared and not used" is checked at the end of their function. */
  readonly missingImports = new Set<string>();
  private lastErrorKey = '';

  constructor(opts: CheckOptions) {
    this.opts = opts;
    this.sizes = opts.sizes ?? amd64Sizes;
  }

  /** Records a type error at pos in the current file (gc keeps one error per line). */
  error(at: ast.Pos | ast.Expr, message: string, file = this.file): void {
    // types2 reports an error about an expression at the expression's start.
    const pos = 'kind' in at && exprKinds.has((at as ast.Expr).kind) ? startPos(at as ast.Expr) : at;
    // gc drops an error equal to the previous one on the same line (base.ErrorfAt).
    const key = `${file}:${pos.line}:${message}`;
    if (this.lastErrorKey === key) return;
    this.lastErrorKey = key;
    this.errors.push({ file, line: pos.line, col: pos.col, message });
  }

  recordType(e: ast.Expr, mode: OperandMode, type: Type, value: ConstValue | null): void {
    this.info.types.set(e, { mode, type, value });
  }

  recordDef(n: ast.Name, obj: Obj | null): void {
    this.info.defs.set(n, obj);
  }

  recordUse(n: ast.Name, obj: Obj): void {
    this.info.uses.set(n, obj);
  }

  openScope(node: ast.Node | null, parent: Scope, comment: string, isFunc = false): Scope {
    const s = new Scope(parent, comment, isFunc);
    if (node) this.info.scopes.set(node, s);
    return s;
  }

  /** Declares obj in scope, reporting a redeclaration as gc does. */
  declare(scope: Scope, id: ast.Name | null, obj: Obj): void {
    if (id) this.recordDef(id, obj);
    if (obj.name === '_') return;
    const prev = scope.insert(obj);
    if (prev && id) {
      this.error(id, `${obj.name} redeclared in this block${prev.pos && prev.file ? `\n\t${prev.file}:${prev.pos.line}:${prev.pos.col}: other declaration of ${obj.name}` : ''}`);
    }
  }

  /**
   * Declarations on demand, bodies when asked, no errors of its own looked for: a model, or
   * a package checked in full before (CheckOptions.lazy).
   */
  get lazy(): boolean {
    return this.opts.fromModel === true || this.opts.lazy === true;
  }

  checkFiles(files: readonly ast.File[]): CheckResult {
    const path = this.opts.path ?? 'p';
    const name = files[0]?.pkgName.value ?? 'p';
    this.pkg = {
      path,
      name,
      scope: new Scope(universe, `package ${path}`),
      imports: [],
      complete: false,
      fromModel: this.opts.fromModel === true,
      // A source package's generic code is instantiated by its importers from its own
      // checked bodies (a model's are parsed on demand: importer.ts).
      ...(this.lazy ? {} : { bodies: { files, info: this.info, body: (d: ast.FuncDecl) => d.body, checkAll: () => [] } }),
    };
    // gc (noder) refuses files of another package given together: `package b; expected package a`.
    for (const f of files.slice(1)) {
      if (f.pkgName.value !== name) this.error({ line: f.line, col: f.col }, `package ${f.pkgName.value}; expected package ${name}`, f.filename);
    }
    // Phase 1: collect package-level objects from all files.
    collectObjects(this, files);
    // Phase 2: declare package-level objects (types, consts, vars, func signatures), in
    // source order; dependencies are followed lazily by objDecl.
    // Models declare objects on demand (declareObject), so unused parts cost nothing.
    if (this.lazy) this.pkg.declareObject = (obj) => objDecl(this, obj);
    else for (const obj of this.declInfo.keys()) objDecl(this, obj);
    this.runLater();
    // Phase 3: function bodies. A model's bodies (std's generic source, models/README.md)
    // wait until someone asks for them: most importers only need the declarations.
    if (!this.lazy) checkFuncBodies(this);
    this.runLater();
    // Phase 4: unused imports.
    if (!this.lazy) reportUnusedImports(this);
    this.finishUntyped();
    this.pkg.complete = true;
    const result: CheckResult = { pkg: this.pkg, info: this.info, errors: gcErrorListing(this.errors) };
    if (this.lazy) {
      return { ...result, checkBody: (d: ast.FuncDecl, body: ast.BlockStmt) => this.checkModelBody(d, body) };
    }
    return result;
  }

  private modelBodiesDone = new Set<ast.FuncDecl>();
  private modelBodyOf: Map<ast.FuncDecl, Checker['funcBodies'][number]> | null = null;

  /**
   * Declares a model function that has a body and checks `body` (the FuncDecl's own body,
   * parsed apart: PackageBodies), once; its errors.
   */
  private checkModelBody(decl: ast.FuncDecl, body: ast.BlockStmt): readonly GoError[] {
    if (this.modelBodiesDone.has(decl)) return [];
    this.modelBodiesDone.add(decl);
    if (!this.modelBodyOf) this.modelBodyOf = new Map(this.funcBodies.map((fb) => [fb.decl, fb]));
    const fb = this.modelBodyOf.get(decl);
    if (!fb) return [];
    const before = this.errors.length;
    const saved = { file: this.file, scope: this.scope };
    objDecl(this, fb.func);
    checkFuncBody(this, fb, body);
    this.finishUntyped();
    this.file = saved.file;
    this.scope = saved.scope;
    return gcErrorListing(this.errors.slice(before));
  }

  private runLater(): void {
    // A model's types are gc's own, already checked (a lazy package's, in an earlier run).
    if (this.lazy) {
      this.later.length = 0;
      return;
    }
    for (let i = 0; i < this.later.length; i++) this.later[i]!();
    this.later.length = 0;
  }

  /** Untyped expressions never converted keep their untyped type (go/types recordUntyped). */
  private finishUntyped(): void {
    for (const [e, u] of this.untyped) this.recordType(e, u.mode, u.type, u.value);
    this.untyped.clear();
  }
}

export { universe };
