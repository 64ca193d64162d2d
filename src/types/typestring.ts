// Type strings exactly as go/types' TypeString prints them (typestring.go), so goesc's
// messages and the go/types cross-check read the same: `[]int`, `map[string]*p.T`,
// `func(x int, ys ...string) (int, error)`, `struct{a int "tag"}`, `untyped int`.

import type { Package } from './objects.js';
import type { Signature, Tuple, Type } from './types.js';
import { universeAnyInterface, unsafePackage } from './universe.js';

/** Names the package a type belongs to; '' means "don't qualify". */
export type Qualifier = (pkg: Package) => string;

/** go/types RelativeTo: types of `pkg` print bare, others with their import path. */
export function relativeTo(pkg: Package | null): Qualifier {
  return (other) => (pkg && other === pkg ? '' : other.path);
}

/** gc's messages qualify by package name, not path. */
export function byName(pkg: Package | null): Qualifier {
  return (other) => (pkg && other === pkg ? '' : other.name);
}

export function typeString(t: Type, q: Qualifier | null = null): string {
  const out: string[] = [];
  write(t, q, out, new Set());
  return out.join('');
}

function qualified(obj: { name: string; pkg: Package | null }, q: Qualifier | null): string {
  if (!obj.pkg) return obj.name;
  const prefix = q ? q(obj.pkg) : obj.pkg.path;
  return prefix ? `${prefix}.${obj.name}` : obj.name;
}

function goQuote(s: string): string {
  return JSON.stringify(s).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function write(t: Type, q: Qualifier | null, out: string[], seen: Set<Type>): void {
  switch (t.kind) {
    case 'Basic':
      if (t.basic === 'unsafe.Pointer') out.push(qualified({ name: 'Pointer', pkg: unsafePackage }, q));
      else out.push(t.name);
      return;
    case 'Pointer':
      out.push('*');
      write(t.elem, q, out, seen);
      return;
    case 'Slice':
      out.push('[]');
      write(t.elem, q, out, seen);
      return;
    case 'Array':
      out.push(`[${t.len < 0n ? '-1' : t.len.toString()}]`);
      write(t.elem, q, out, seen);
      return;
    case 'Map':
      out.push('map[');
      write(t.key, q, out, seen);
      out.push(']');
      write(t.elem, q, out, seen);
      return;
    case 'Chan': {
      let parens = false;
      if (t.dir === 'send') out.push('chan<- ');
      else if (t.dir === 'recv') out.push('<-chan ');
      else {
        out.push('chan ');
        const e = t.elem;
        parens = e.kind === 'Chan' && e.dir === 'recv';
      }
      if (parens) out.push('(');
      write(t.elem, q, out, seen);
      if (parens) out.push(')');
      return;
    }
    case 'Struct': {
      out.push('struct{');
      t.fields.forEach((f, i) => {
        if (i > 0) out.push('; ');
        if (!f.embedded) out.push(f.name, ' ');
        write(f.type, q, out, seen);
        const tag = t.tags[i];
        if (tag) out.push(' ', goQuote(tag));
      });
      out.push('}');
      return;
    }
    case 'Tuple':
      writeTuple(t, false, q, out, seen);
      return;
    case 'Signature':
      out.push('func');
      writeSignature(t, q, out, seen);
      return;
    case 'Interface': {
      if (t === universeAnyInterface) {
        out.push('any');
        return;
      }
      if (t.isComparable) {
        out.push('comparable');
        return;
      }
      if (t.implicit && t.methods.length === 0 && t.unions.length === 1 && t.embeddeds.length === 0) {
        writeTerms(t.unions[0]!, q, out, seen);
        return;
      }
      out.push('interface{');
      let first = true;
      for (const m of t.methods) {
        if (!first) out.push('; ');
        first = false;
        out.push(m.name);
        writeSignature(m.type as Signature, q, out, seen);
      }
      for (const e of t.embeddeds) {
        if (!first) out.push('; ');
        first = false;
        write(e, q, out, seen);
      }
      for (const u of t.unions) {
        if (!first) out.push('; ');
        first = false;
        writeTerms(u, q, out, seen);
      }
      out.push('}');
      return;
    }
    case 'Named':
      out.push(qualified(t.obj, q));
      if (t.typeArgs.length === 0 && t.typeParams.length > 0) {
        // A generic type itself prints with its type parameter list.
        out.push('[');
        t.typeParams.forEach((tp, i) => {
          if (i > 0) out.push(', ');
          out.push(tp.obj.name);
          const next = t.typeParams[i + 1];
          if (!next || next.constraint !== tp.constraint) {
            out.push(' ');
            write(tp.constraint, q, out, seen);
          }
        });
        out.push(']');
        return;
      }
      writeTypeArgs(t.typeArgs, q, out, seen);
      return;
    case 'Alias':
      out.push(qualified(t.obj, q));
      writeTypeArgs(t.typeArgs, q, out, seen);
      return;
    case 'TypeParam':
      out.push(t.obj.name);
      return;
  }
}

function writeTerms(terms: readonly { tilde: boolean; type: Type }[], q: Qualifier | null, out: string[], seen: Set<Type>): void {
  terms.forEach((term, i) => {
    if (i > 0) out.push(' | ');
    if (term.tilde) out.push('~');
    write(term.type, q, out, seen);
  });
}

function writeTypeArgs(args: readonly Type[], q: Qualifier | null, out: string[], seen: Set<Type>): void {
  if (args.length === 0) return;
  out.push('[');
  args.forEach((a, i) => {
    if (i > 0) out.push(', ');
    write(a, q, out, seen);
  });
  out.push(']');
}

function writeTuple(t: Tuple, variadic: boolean, q: Qualifier | null, out: string[], seen: Set<Type>): void {
  out.push('(');
  t.vars.forEach((v, i) => {
    if (i > 0) out.push(', ');
    if (v.name !== '') out.push(v.name, ' ');
    if (variadic && i === t.vars.length - 1) {
      const s = v.type;
      if (s.kind === 'Slice') {
        out.push('...');
        write(s.elem, q, out, seen);
      } else {
        // append(b, "s"...) has the signature func([]byte, string...)
        write(s, q, out, seen);
        out.push('...');
      }
    } else {
      write(v.type, q, out, seen);
    }
  });
  out.push(')');
}

/** Writes `(params) results` (no `func`), as go/types' WriteSignature. */
export function writeSignature(sig: Signature, q: Qualifier | null, out: string[], seen: Set<Type>): void {
  if (sig.typeParams.length > 0) {
    out.push('[');
    sig.typeParams.forEach((tp, i) => {
      if (i > 0) out.push(', ');
      out.push(tp.obj.name, ' ');
      write(tp.constraint, q, out, seen);
    });
    out.push(']');
  }
  writeTuple(sig.params, sig.variadic, q, out, seen);
  const r = sig.results.vars;
  if (r.length === 0) return;
  out.push(' ');
  if (r.length === 1 && r[0]!.name === '') {
    write(r[0]!.type, q, out, seen);
    return;
  }
  writeTuple(sig.results, false, q, out, seen);
}
