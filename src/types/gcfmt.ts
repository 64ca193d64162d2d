// Types as gc's compiler prints them: one renderer for $GOROOT/src/cmd/compile/internal/types
// fmt.go's tconv2, in the two modes goesc needs.
//
//   - 'go' (fmtGo, Type.String): the text of `-m` messages. Types of the package being
//     compiled print bare, others qualified by package *name*; `any`, `byte`, `rune` keep
//     their names: `struct { x int }`, `map[string]*bytes.Buffer`, `func(int, ...any) error`.
//   - 'id' (fmtTypeID, Type.LinkString): link symbols and shape names. Every named type,
//     unexported field and unexported method is qualified by package *path* (the local one
//     too: `p.T`, or `main.T` in package main); `byte`/`rune`/`any` are spelled
//     `uint8`/`int32`/`interface {}`; an embedded field renamed through an alias is written
//     `Name = T`. Identical types get identical strings.
//
// Both modes write an interface with its full method set, embedded interfaces flattened and
// sorted as gc sorts them (Sym.Less: exported names first, then by name, then by package
// path): gc renders AllMethods, never the embedded interface's name. An unexported method
// switches the rest of the interface to fmtTypeID, a quirk of tconv2 kept here. go/types'
// own format (type-checker messages, `struct{x int}`) is src/types/typestring.ts.

import type { Package } from './objects.js';
import type { Named, Signature, Type } from './types.js';
import { under } from './types.js';
import { typeSetOf } from './typeset.js';

export type GcFmtMode = 'go' | 'id';

export interface GcFmtOptions {
  /** The package being compiled: bare in 'go' mode. */
  readonly localPkg: Package | null;
  /** Its link prefix when its path is unknown (''): the `-p` path, `main` for package main. */
  readonly localPath?: string;
  /**
   * A say over named types before the default rendering ('go' mode only): the lowering
   * names a type declared inside a shape instantiation after the instantiation's shapes.
   */
  readonly named?: (t: Named) => string | null;
}

function isExported(name: string): boolean {
  return /^\p{Lu}/u.test(name);
}

/** pkgqual: the qualifier of a package's symbols in a mode ('' for none). */
function qualifier(pkg: Package | null, mode: GcFmtMode, o: GcFmtOptions): string {
  if (!pkg) return '';
  if (mode === 'go') return pkg === o.localPkg ? '' : pkg.name;
  // Pkg.Prefix: the import path; gc compiles a main package as `-p main`.
  if (pkg.name === 'main') return 'main';
  return pkg.path || (pkg === o.localPkg ? o.localPath ?? '' : '');
}

function qualify(name: string, pkg: Package | null, mode: GcFmtMode, o: GcFmtOptions): string {
  const q = qualifier(pkg, mode, o);
  return q ? `${q}.${name}` : name;
}

/** gc's rendering of t in the given mode. */
export function gcTypeString(t: Type, mode: GcFmtMode, o: GcFmtOptions): string {
  return tconv(t, mode, o, new Set());
}

/** Type.LinkString, as gc spells instantiation, dictionary and type symbols. */
export function linkString(t: Type, localPath = ''): string {
  return tconv(t, 'id', { localPkg: null, localPath }, new Set());
}

function tconv(t: Type, mode: GcFmtMode, o: GcFmtOptions, seen: Set<Type>): string {
  switch (t.kind) {
    case 'Basic':
      if (t.basic === 'untyped nil') return 'nil';
      if (t.basic === 'unsafe.Pointer') return 'unsafe.Pointer';
      // fmtTypeID collapses the predeclared aliases byte and rune with their originals.
      return mode === 'id' ? t.basic : t.name;
    case 'Alias':
      if (mode === 'go' && t.obj.name === 'any' && !t.obj.pkg) return 'any';
      return tconv(t.rhs, mode, o, seen);
    case 'Named': {
      if (mode === 'go' && o.named) {
        const s = o.named(t);
        if (s !== null) return s;
      }
      // Shapes (`go.shape.int`) and universe types (error, comparable) have no package.
      const s = qualify(t.obj.name, t.obj.pkg, mode, o);
      // An instance's name is made from its arguments' LinkStrings (reader.go mangle).
      if (t.typeArgs.length === 0) return s;
      return `${s}[${t.typeArgs.map((a) => tconv(a, 'id', o, seen)).join(',')}]`;
    }
    case 'TypeParam':
      return t.obj.name;
    default:
      break;
  }
  // Only named types close a cycle; tconv2 marks a revisit with its offset, `@N`.
  if (seen.has(t)) return '@';
  seen.add(t);
  try {
    switch (t.kind) {
      case 'Pointer':
        return `*${tconv(t.elem, mode, o, seen)}`;
      case 'Slice':
        return `[]${tconv(t.elem, mode, o, seen)}`;
      case 'Array':
        return `[${t.len}]${tconv(t.elem, mode, o, seen)}`;
      case 'Map':
        return `map[${tconv(t.key, mode, o, seen)}]${tconv(t.elem, mode, o, seen)}`;
      case 'Chan': {
        const e = tconv(t.elem, mode, o, seen);
        if (t.dir === 'send') return `chan<- ${e}`;
        if (t.dir === 'recv') return `<-chan ${e}`;
        return t.elem.kind === 'Chan' && t.elem.dir === 'recv' ? `chan (${e})` : `chan ${e}`;
      }
      case 'Struct': {
        if (t.fields.length === 0) return 'struct {}';
        const fields = t.fields.map((f, i) => {
          const ft = tconv(f.type, mode, o, seen);
          let s: string;
          if (f.embedded) {
            // fldconv: fmtTypeID writes `Name = T` when the field's name is not its type's
            // (an embedded alias); other modes write the type alone.
            const tsym = typeName(f.type.kind === 'Pointer' ? f.type.elem : f.type);
            s = mode === 'id' && tsym !== null && tsym !== f.name ? `${fieldName(f.name, f.pkg, mode, o)} = ${ft}` : ft;
          } else {
            s = `${fieldName(f.name, f.pkg, mode, o)} ${ft}`;
          }
          const tag = t.tags[i];
          if (tag) s += ` ${JSON.stringify(tag)}`;
          return s;
        });
        return `struct { ${fields.join('; ')} }`;
      }
      case 'Interface': {
        const methods = [...typeSetOf(t).methods].sort(symLess);
        if (methods.length === 0) return 'interface {}';
        let m: GcFmtMode = mode;
        const parts = methods.map((f) => {
          let name = f.name;
          if (!isExported(f.name)) {
            m = 'id';
            name = qualify(f.name, f.pkg, m, o);
          }
          return name + signature(f.type, m, o, seen);
        });
        return `interface { ${parts.join('; ')} }`;
      }
      case 'Signature':
        return 'func' + signature(t, mode, o, seen);
      case 'Tuple':
        return t.vars.map((v) => tconv(v.type, mode, o, seen)).join(',');
      default:
        return '?';
    }
  } finally {
    seen.delete(t);
  }
}

/** The name a named or alias type's symbol has after alias resolution (gc has no aliases). */
function typeName(t: Type): string | null {
  let x = t;
  while (x.kind === 'Alias') x = x.rhs;
  // An instance's symbol carries its type arguments (`node[go.shape.int]`): never a field's name.
  if (x.kind === 'Named') return x.typeArgs.length > 0 ? `${x.obj.name}[]` : x.obj.name;
  if (x.kind === 'Basic') return x.name;
  return null;
}

/** A struct field's name: unexported ones qualified (fldconv's sconv for verb 'L'). */
function fieldName(name: string, pkg: Package | null, mode: GcFmtMode, o: GcFmtOptions): string {
  return isExported(name) ? name : qualify(name, pkg, mode, o);
}

/** Sym.Less: exported before unexported, then by name, then by package path. */
function symLess(a: { name: string; pkg: Package | null }, b: { name: string; pkg: Package | null }): number {
  const ea = isExported(a.name);
  const eb = isExported(b.name);
  if (ea !== eb) return ea ? -1 : 1;
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  const pa = a.pkg?.path ?? '';
  const pb = b.pkg?.path ?? '';
  return pa < pb ? -1 : pa > pb ? 1 : 0;
}

/** `(params) results`, parameters without names, a variadic last one as `...T`. */
function signature(t: Type, mode: GcFmtMode, o: GcFmtOptions, seen: Set<Type>): string {
  if (t.kind !== 'Signature') return '()';
  const sig: Signature = t;
  const ps = sig.params.vars.map((v, i) => {
    if (sig.variadic && i === sig.params.vars.length - 1) {
      const s = under(v.type);
      return '...' + tconv(s.kind === 'Slice' ? s.elem : v.type, mode, o, seen);
    }
    return tconv(v.type, mode, o, seen);
  });
  let s = `(${ps.join(', ')})`;
  const rs = sig.results.vars;
  if (rs.length === 1) s += ' ' + tconv(rs[0]!.type, mode, o, seen);
  else if (rs.length > 1) s += ` (${rs.map((v) => tconv(v.type, mode, o, seen)).join(', ')})`;
  return s;
}
