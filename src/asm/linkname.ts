// The names the linker gives types, as `-S` prints them in `LEAQ type:NAME(SB), AX`.
//
// Follows $GOROOT/src/cmd/compile/internal/types/fmt.go in fmtTypeIDName mode (LinkString):
// unlike the -m rendering, every named type carries its full package path (`p.T` for the
// package being compiled, `net/http.Request` for an import), `byte`/`rune`/`any` are spelled
// `uint8`/`int32`/`interface {}`, and compiler-built records such as a closure's are
// `noalg.struct { F uintptr; X0 int }` (reflectdata marks them no-alg).

import type { Type } from '../types/index.js';
import type { IrType } from '../ir/ir.js';

/** The link name of an IR type; falls back to its -m text when the checker type is absent. */
export function linkTypeName(t: IrType, localPath: string): string {
  const src = t.source as Type | undefined;
  if (src && typeof src === 'object' && 'kind' in src) return renderLink(src, localPath, new Set());
  return t.text.replace(/\bbyte\b/g, 'uint8').replace(/\brune\b/g, 'int32').replace(/\bany\b/g, 'interface {}');
}

function renderLink(t: Type, local: string, seen: Set<Type>): string {
  switch (t.kind) {
    case 'Basic':
      if (t.name === 'byte') return 'uint8';
      if (t.name === 'rune') return 'int32';
      return t.name;
    case 'Alias':
      return renderLink(t.rhs, local, seen);
    case 'Named': {
      if (!t.obj.pkg) return t.obj.name; // error, comparable
      // go build compiles a command with -p=main: its types are main.T whatever its path.
      const path = t.obj.pkg.name === 'main' ? 'main' : t.obj.pkg.path || local;
      let s = `${path}.${t.obj.name}`;
      if (t.typeArgs.length) s += `[${t.typeArgs.map((a) => renderLink(a, local, seen)).join(',')}]`;
      return s;
    }
    case 'TypeParam':
      return t.obj.name;
    default:
      break;
  }
  if (seen.has(t)) return '@';
  seen.add(t);
  try {
    switch (t.kind) {
      case 'Pointer':
        return `*${renderLink(t.elem, local, seen)}`;
      case 'Slice':
        return `[]${renderLink(t.elem, local, seen)}`;
      case 'Array':
        return `[${t.len}]${renderLink(t.elem, local, seen)}`;
      case 'Map':
        return `map[${renderLink(t.key, local, seen)}]${renderLink(t.elem, local, seen)}`;
      case 'Chan': {
        const e = renderLink(t.elem, local, seen);
        if (t.dir === 'send') return `chan<- ${e}`;
        if (t.dir === 'recv') return `<-chan ${e}`;
        return t.elem.kind === 'Chan' && t.elem.dir === 'recv' ? `chan (${e})` : `chan ${e}`;
      }
      case 'Struct': {
        if (t.fields.length === 0) return 'struct {}';
        const fields = t.fields.map((f, i) => {
          const ft = renderLink(f.type, local, seen);
          let s = f.embedded ? ft : `${fieldName(f.name, f.pkg?.path ?? local)} ${ft}`;
          const tag = t.tags[i];
          if (tag) s += ` ${JSON.stringify(tag)}`;
          return s;
        });
        return `struct { ${fields.join('; ')} }`;
      }
      case 'Interface': {
        const methods = [...t.methods].sort((a, b) => (a.name < b.name ? -1 : 1));
        if (methods.length === 0 && t.embeddeds.length === 0) return 'interface {}';
        const parts = methods.map((m) => fieldName(m.name, m.pkg?.path ?? local) + signature(m.type, local, seen));
        for (const e of t.embeddeds) parts.push(renderLink(e, local, seen));
        return `interface { ${parts.join('; ')} }`;
      }
      case 'Signature':
        return 'func' + signature(t, local, seen);
      case 'Tuple':
        return t.vars.map((v) => renderLink(v.type, local, seen)).join(',');
      default:
        return '?';
    }
  } finally {
    seen.delete(t);
  }
}

/** Unexported field and method names carry their package path in link strings. */
function fieldName(name: string, path: string): string {
  return /^[A-Z]/.test(name) || name === '_' ? name : `${path}.${name}`;
}

function signature(t: Type, local: string, seen: Set<Type>): string {
  if (t.kind !== 'Signature') return '()';
  const ps = t.params.vars.map((v, i) => {
    if (t.variadic && i === t.params.vars.length - 1 && v.type.kind === 'Slice') {
      return '...' + renderLink(v.type.elem, local, seen);
    }
    return renderLink(v.type, local, seen);
  });
  let s = `(${ps.join(', ')})`;
  const rs = t.results.vars;
  if (rs.length === 1) s += ' ' + renderLink(rs[0]!.type, local, seen);
  else if (rs.length > 1) s += ` (${rs.map((v) => renderLink(v.type, local, seen)).join(', ')})`;
  return s;
}
