// The type checker: every fact escape analysis needs about a Go package, agreeing with
// go/types (and so with gc's types2, which is go/types over gc's syntax tree).
//
// checkPackage runs the phases of go/types' check.go in order:
//   1. collect objects  (resolver.ts): imports, package-level consts, vars, types, funcs,
//      methods associated with their receiver base types, across all files;
//   2. package objects  (decl.ts): types first, then consts (iota, exact BigInt values),
//      vars, func signatures; cycles through declarations are followed lazily;
//   3. function bodies  (stmt.ts, expr.ts, call.ts, ...): every statement and expression,
//      recording into Info the type and value of each expression, the object of each name,
//      each selector's path through embedded fields, each call's dispatch kind, and the
//      implicit conversions, addresses and dereferences gc makes explicit in its IR;
//   4. unused variables and imports, reported as gc does.
// Layout (sizes.ts) is a separate concern reached through the Sizes interface.
//
// Consumers (the lowering in src/ir) read: Info (info.ts), the Type model (types.ts), the
// Objects (objects.ts), typeString (typestring.ts), and predicates (predicates.ts).

import type * as ast from '../syntax/ast.js';
import type { GoError } from '../errors.js';
import type { Package } from './objects.js';
import type { Info } from './info.js';
import type { Sizes } from './sizes.js';
import { Checker } from './check.js';

export type * from './types.js';
export type * from './objects.js';
export type * from './info.js';
export type { ConstValue, Rat } from './constant.js';
export { Scope, isExported } from './objects.js';
export { under, unalias, deref, isInterface, isTypeParam, isUntyped } from './types.js';
export { GcSizes, amd64Sizes, archLayouts } from './sizes.js';
export type { Sizes, ArchLayout } from './sizes.js';
export { typeString, relativeTo } from './typestring.js';
export type { Qualifier } from './typestring.js';
export { identical, assignableTo, comparable, hasNil } from './predicates.js';
export { lookupFieldOrMethod, methodSet, methodSetIds, methodSetNames } from './lookup.js';
export type { MethodSetEntry } from './lookup.js';
export { constString, toInt, ratToNumber } from './constant.js';
export { universe, universeTypes } from './universe.js';
export { modelImporter, defaultModelsDir } from './importer.js';
export type { ModelImporterOptions } from './importer.js';

/** Resolves imports. Returning null makes the checker report `could not import X (no model)`. */
export interface Importer {
  import(path: string): Package | null;
}

export interface CheckOptions {
  readonly importer: Importer;
  /** Layout rules; default gc on amd64. */
  readonly sizes?: Sizes;
  /** The package's import path; default "p" (gc's -p=p for command-line files). */
  readonly path?: string;
  /**
   * Checking a model stub (models/<go>/std/...): bodyless functions are allowed and
   * unused-variable/import errors are not reported.
   */
  readonly fromModel?: boolean;
  /**
   * Checking a source package that was checked in full before (its result is cached), for
   * its importers: as a model is, its objects are declared when first used and its bodies
   * when asked for (CheckResult.checkBody), and errors of its bodies, unused names and
   * imports are not looked for. Unlike a model, it is a source package to its importers
   * (Package.fromModel is false).
   */
  readonly lazy?: boolean;
  /**
   * The package clause's name of an import path, when known: a model's or a lazy package's
   * imports are loaded when one of their names is first looked up, and their names are
   * needed before (default: the path's last element, a major version skipped).
   */
  readonly importName?: (path: string) => string | undefined;
}

export interface CheckResult {
  readonly pkg: Package;
  readonly info: Info;
  /**
   * Type errors exactly as gc lists them: sorted by position, at most ten, then a final
   * `too many errors` entry when gc would stop there. Empty when the package is fine.
   */
  readonly errors: readonly GoError[];
  /**
   * Models only: declares one function that has a body and checks `body`, its body parsed
   * apart (PackageBodies), once.
   */
  readonly checkBody?: (decl: ast.FuncDecl, body: ast.BlockStmt) => readonly GoError[];
}

/** Type-checks one package made of `files` (already parsed, same package clause). */
export function checkPackage(files: readonly ast.File[], opts: CheckOptions): CheckResult {
  return new Checker(opts).checkFiles(files);
}
