// Phase 1 (go/types resolver.go): collect the package-level objects of all files into the
// package scope, imports into per-file scopes, and associate each method with the type
// name of its receiver's base type. Nothing is type-checked yet; declInfo remembers where
// each object came from so decl.ts can check it on demand.

import type * as ast from '../syntax/ast.js';
import type { Checker } from './check.js';
import type { Const, Func, Obj, Package, PkgName, TypeName, Var } from './objects.js';
import { LazyScope, Scope } from './objects.js';
import { universeTypes, unsafePackage } from './universe.js';
import { unknownValue, unquote } from './constant.js';
import type { Named, Type } from './types.js';

export function collectObjects(c: Checker, files: readonly ast.File[]): void {
  const pkg = c.pkg;
  const invalid: Type = universeTypes.invalid;
  // Per call: an import may check a model package re-entrantly, in the middle of this loop.
  const pendingMethods: { base: string | null; func: Func }[] = [];
  for (const file of files) {
    c.file = file.filename;
    const fileScope = c.openScope(file, pkg.scope, `file ${file.filename}`);
    let lastConst: ast.ConstDecl | null = null;
    for (const d of file.decls) {
      switch (d.kind) {
        case 'ImportDecl': {
          const path = unquote(d.path.value);
          const imported = path === 'unsafe' ? unsafePackage
            : c.lazy && !d.localName ? lazyPackage(c, path) : c.opts.importer.import(path);
          if (!imported) {
            if (!c.missingImports.has(path)) {
              c.missingImports.add(path);
              c.error(d.path, `could not import ${path} (no model)`);
            }
            // A placeholder keeps uses of the name from cascading into `undefined` errors.
            const name = path.slice(path.lastIndexOf('/') + 1);
            const pn: PkgName = {
              kind: 'PkgName', name: d.localName?.value ?? name, pos: d.localName ?? d.path, file: file.filename, pkg,
              type: invalid, parent: null, imported: missingPackage(path, name), used: true,
            };
            if (pn.name !== '_' && pn.name !== '.') fileScope.insert(pn);
            continue;
          }
          if (!pkg.imports.includes(imported)) pkg.imports.push(imported);
          const local = d.localName?.value ?? imported.name;
          if (local === '.') {
            for (const o of imported.scope.names.values()) {
              if (/^\p{Lu}/u.test(o.name)) fileScope.insert(o);
            }
            continue;
          }
          const pn: PkgName = {
            kind: 'PkgName', name: local, pos: d.localName ?? d.path, file: file.filename, pkg,
            type: invalid, parent: null, imported, used: false,
          };
          if (d.localName) c.recordDef(d.localName, pn);
          else c.info.implicits.set(d, pn);
          if (local !== '_') {
            fileScope.insert(pn);
            c.imports.push({ pkgName: pn, spec: d, file: file.filename });
          }
          break;
        }
        case 'ConstDecl': {
          // An elided spec repeats the type and values of the previous spec in its group.
          const spec: ast.ConstDecl = d.type || d.values.length > 0 || d.group === null ? d : (lastConst && lastConst.group === d.group ? lastConst : d);
          lastConst = spec;
          for (const n of d.names) {
            const obj: Const = {
              kind: 'Const', name: n.value, pos: n, file: file.filename, pkg, type: invalid, parent: null,
              value: unknownValue,
            };
            declarePkg(c, n, obj);
            c.declInfo.set(obj, { file: file.filename, fileScope, decl: d, constSpec: spec });
          }
          break;
        }
        case 'VarDecl': {
          const lhs: Obj[] = [];
          for (const n of d.names) {
            const obj: Var = {
              kind: 'Var', name: n.value, pos: n, file: file.filename, pkg, type: invalid, parent: null,
              varKind: 'package', embedded: false, origin: null, used: true,
            };
            lhs.push(obj);
            declarePkg(c, n, obj);
          }
          for (const obj of lhs) c.declInfo.set(obj, { file: file.filename, fileScope, decl: d, lhs });
          break;
        }
        case 'TypeDecl': {
          const obj: TypeName = {
            kind: 'TypeName', name: d.name.value, pos: d.name, file: file.filename, pkg, type: invalid,
            parent: null, isAlias: d.alias, ...(d.pragmas.length ? { pragmas: d.pragmas } : {}),
          };
          if (!d.alias) {
            const named = { kind: 'Named', obj, underlying: invalid, methods: [], typeParams: [], typeArgs: [] } as unknown as Named;
            (named as { origin: Named }).origin = named;
            obj.type = named;
          }
          declarePkg(c, d.name, obj);
          c.declInfo.set(obj, { file: file.filename, fileScope, decl: d });
          break;
        }
        case 'FuncDecl': {
          const obj: Func = {
            kind: 'Func', name: d.name.value, pos: d.name, file: file.filename, pkg, type: invalid, parent: null,
            decl: d, pragmas: d.pragmas, origin: null, isInterfaceMethod: false,
          };
          c.info.funcs.set(d, obj);
          if (d.recv === null) {
            if (d.name.value === 'init' || d.name.value === 'main' && pkg.name === 'main') {
              c.recordDef(d.name, obj);
              if (d.name.value === 'init' && (d.type.params.length > 0 || d.type.results.length > 0)) {
                c.error(d.name, 'func init must have no arguments and no return values');
              }
              if (d.name.value === 'main') declarePkg(c, d.name, obj);
            } else {
              declarePkg(c, d.name, obj);
            }
            c.declInfo.set(obj, { file: file.filename, fileScope, decl: d });
          } else {
            c.recordDef(d.name, obj);
            const base = receiverBaseName(d.recv.type);
            const info = { file: file.filename, fileScope, decl: d };
            c.declInfo.set(obj, info);
            pendingMethods.push({ base, func: obj });
          }
          if (d.body) c.funcBodies.push({ decl: d, func: obj, file: file.filename, fileScope });
          break;
        }
      }
    }
  }
  // Associate methods with their base type names now that all package names are known.
  for (const m of pendingMethods) {
    if (!m.base) continue;
    const tn = resolveBaseTypeName(c, m.base);
    if (!tn) continue;
    let list = c.methods.get(tn);
    if (!list) c.methods.set(tn, (list = []));
    list.push(m.func);
  }
}

/**
 * go/types' resolveBaseTypeName: the package-level type a receiver name denotes, through
 * aliases declared in the package (`type token = Token; func (t token) String()` is a method
 * of Token, as in cmd/compile/internal/syntax), read from the declarations since no type is
 * resolved yet. Null when the name is no package-level type or an alias chain leaves the
 * package, cycles, or denotes something other than a plain or pointer-free type name.
 */
function resolveBaseTypeName(c: Checker, name: string): TypeName | null {
  const seen = new Set<string>();
  for (;;) {
    if (seen.has(name)) return null;
    seen.add(name);
    const obj = c.pkg.scope.lookup(name);
    if (!obj || obj.kind !== 'TypeName') return null;
    const decl = c.declInfo.get(obj)?.decl;
    if (!decl || decl.kind !== 'TypeDecl' || !decl.alias) return obj;
    let rhs = decl.type;
    while (rhs.kind === 'ParenExpr') rhs = rhs.x;
    if (rhs.kind !== 'Name') return null;
    name = rhs.value;
  }
}

/** A model's import, loaded when one of its names is first looked up. */
function lazyPackage(c: Checker, path: string): Package {
  let real: Package | null | undefined;
  const load = (): Package | null => {
    if (real === undefined) real = c.opts.importer.import(path);
    return real;
  };
  const p: Package = {
    path,
    name: c.opts.importName?.(path) ?? packageNameOf(path),
    scope: new LazyScope(() => load()?.scope ?? null, `lazy ${path}`),
    imports: [],
    complete: true,
    fromModel: true,
    declareObject: (obj) => load()?.declareObject?.(obj),
  };
  return p;
}

/** The usual package name of an import path (`math/rand/v2` → rand). */
function packageNameOf(path: string): string {
  const parts = path.split('/');
  let last = parts[parts.length - 1]!;
  if (/^v\d+$/.test(last) && parts.length > 1) last = parts[parts.length - 2]!;
  return last;
}

/** A package that could not be imported (Package.missing: selectors into it are silently invalid). */
function missingPackage(path: string, name: string): Package {
  return { path, name, scope: new Scope(null, `missing ${path}`), imports: [], complete: true, fromModel: true, missing: true };
}

function declarePkg(c: Checker, n: ast.Name, obj: Obj): void {
  if (n.value === '_') {
    c.recordDef(n, obj);
    return;
  }
  c.declare(c.pkg.scope, n, obj);
}

/** `T`, `*T`, `T[P]`, `*T[P]`, with parentheses: the name T. */
export function receiverBaseName(e: ast.Expr): string | null {
  for (;;) {
    switch (e.kind) {
      case 'ParenExpr':
        e = e.x;
        continue;
      case 'StarExpr':
        e = e.x;
        continue;
      case 'IndexExpr':
        e = e.x;
        continue;
      case 'Name':
        return e.value;
      default:
        return null;
    }
  }
}
