// A ParseResult as text whose heavy declaration parts are decoded when first read: the
// form the result cache keeps the std stubs' parses in (pipeline/cache.ts getParse).
//
// Why: a run imports a std package to use a few of its names (net/http for Handler, a
// struct's field type pulling in crypto/tls), and the checker declares a model's objects
// on demand (types/check.ts declareObject), but decoding a stub's whole parse built every
// declaration's tree. The signatures of functions and the types of type declarations are
// about half of the stubs' JSON (6.4 MB over eleven modules' imports), and only the
// declarations the checker reaches read them.
//
// How: the text is one line of JSON, the ParseResult with each top-level FuncDecl's and
// TypeDecl's `type` replaced by `{"$deferred":[start,end]}`, then the JSON of those parts
// one after another, the offsets counting from the end of that line. Decoding parses the
// line and gives each such `type` an accessor that parses its part when first read, so
// the tree a reader sees is the one encoded (the property keeps its place among the
// declaration's keys; JSON.stringify and structuredClone read through it).

import type { Decl, FuncDecl, TypeDecl } from './ast.js';
import type { ParseResult } from './index.js';

const marker = '$deferred';

function deferrable(d: Decl): d is FuncDecl | TypeDecl {
  return d.kind === 'FuncDecl' || d.kind === 'TypeDecl';
}

/** The text of `result` with its declarations' types set apart (decodeDeferred reads it). */
export function encodeDeferred(result: ParseResult): string {
  const file = result.file;
  const parts: string[] = [];
  let at = 0;
  // Shallow copies keep every key in its place, `type` included.
  const decls = (file?.decls ?? []).map((d) => {
    if (!deferrable(d)) return d;
    const json = JSON.stringify(d.type);
    parts.push(json);
    const span = [at, at + json.length];
    at += json.length;
    return { ...d, type: { [marker]: span } };
  });
  const head = JSON.stringify(file ? { ...result, file: { ...file, decls } } : result);
  return `${head}\n${parts.join('')}`;
}

/** The ParseResult encodeDeferred wrote, its deferred parts parsed when first read; throws on bad text. */
export function decodeDeferred(text: string): ParseResult {
  const nl = text.indexOf('\n');
  if (nl < 0) throw new Error('deferred parse: no parts line');
  const result = JSON.parse(text.slice(0, nl)) as ParseResult;
  const parts = text.slice(nl + 1);
  for (const d of result.file?.decls ?? []) {
    if (!deferrable(d)) continue;
    const placeholder = (d as { type?: unknown }).type as Record<string, unknown> | null | undefined;
    const span = placeholder?.[marker];
    if (!Array.isArray(span)) continue;
    const [start, end] = span as [number, number];
    if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= parts.length)) {
      throw new Error('deferred parse: bad span');
    }
    let value: unknown;
    let read = false;
    Object.defineProperty(d, 'type', {
      enumerable: true,
      configurable: true,
      get() {
        if (!read) {
          value = JSON.parse(parts.slice(start, end));
          read = true;
        }
        return value;
      },
      set(v: unknown) {
        value = v;
        read = true;
      },
    });
  }
  return result;
}
