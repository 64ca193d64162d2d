// A Go file's header, read as go/build's readGoInfo reads it (go/build/read.go): the package
// clause and the import declarations, scanned token by token without parsing the rest.
// Positions are gc's: 1-based lines, 1-based byte columns. The position of an import is
// its spec's (ast.ImportSpec.Pos: the name if the import is named, else the path), which is
// where the go command reports a failed import.

export interface HeaderImport {
  readonly path: string;
  readonly line: number;
  readonly col: number;
}

export interface FileHeader {
  /** The package clause's name; null when the file has none (the parser will say so). */
  readonly packageName: string | null;
  readonly imports: readonly HeaderImport[];
}

type Tok = { kind: 'ident' | 'string' | 'punct'; start: number; end: number; line: number; col: number } | null;

/**
 * Scan the header of a source file given as bytes. The scan reads bytes, not decoded text
 * (a header is ASCII but for comments and import paths, which are decoded when taken), and
 * stops at the first token after the imports, so it costs the header's length whatever the
 * file's (a loader scans every file of a build with it, warm runs included).
 */
export function readHeader(bytes: Uint8Array): FileHeader {
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const n = bytes.length;
  // Buffer's indexOf is native: comments (often a long license) are skipped without a
  // loop over their bytes here.
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, n);
  const next = (): Tok => {
    for (;;) {
      while (i < n) {
        const c = bytes[i]!;
        if (c === 0x0a) {
          line++;
          lineStart = i + 1;
        } else if (c !== 0x20 && c !== 0x09 && c !== 0x0d && c !== 0x3b /* ; */) {
          break;
        }
        i++;
      }
      if (i + 1 < n && bytes[i] === 0x2f && bytes[i + 1] === 0x2f) {
        const e = buf.indexOf(0x0a, i);
        i = e < 0 ? n : e;
        continue;
      }
      if (i + 1 < n && bytes[i] === 0x2f && bytes[i + 1] === 0x2a) {
        const e = buf.indexOf('*/', i + 2, 'latin1');
        const end = e < 0 ? n : e + 2;
        for (let k = buf.indexOf(0x0a, i); k >= 0 && k < end; k = buf.indexOf(0x0a, k + 1)) {
          line++;
          lineStart = k + 1;
        }
        i = end;
        continue;
      }
      break;
    }
    if (i >= n) return null;
    const start = i;
    const col = start - lineStart + 1;
    const c = bytes[i]!;
    if (c === 0x22 /* " */) {
      i++;
      while (i < n && bytes[i] !== 0x22 && bytes[i] !== 0x0a) i += bytes[i] === 0x5c /* \ */ ? 2 : 1;
      i++;
      return { kind: 'string', start, end: Math.min(i, n), line, col };
    }
    if (c === 0x60 /* ` */) {
      const e = buf.indexOf(0x60, i + 1);
      i = e < 0 ? n : e + 1;
      return { kind: 'string', start, end: i, line, col };
    }
    if (identStart(c)) {
      i++;
      while (i < n && (identStart(bytes[i]!) || (bytes[i]! >= 0x30 && bytes[i]! <= 0x39))) i++;
      return { kind: 'ident', start, end: i, line, col };
    }
    i++;
    return { kind: 'punct', start, end: i, line, col };
  };
  const text = (t: NonNullable<Tok>) => latin1(bytes, t.start, t.end);
  const is = (t: Tok, ch: number) => t !== null && t.kind === 'punct' && bytes[t.start] === ch;
  const isWord = (t: Tok, w: string) => t !== null && t.kind === 'ident' && t.end - t.start === w.length && text(t) === w;

  let t = next();
  if (!isWord(t, 'package')) return { packageName: null, imports: [] };
  const name = next();
  if (!name || name.kind !== 'ident') return { packageName: null, imports: [] };
  const imports: HeaderImport[] = [];
  const spec = (first: Tok): boolean => {
    let s = first;
    if (s && (s.kind === 'ident' || is(s, 0x2e /* . */))) s = next();
    if (!s || s.kind !== 'string' || !first) return false;
    imports.push({ path: unquote(text(s)), line: first.line, col: first.col });
    return true;
  };
  for (t = next(); isWord(t, 'import'); t = next()) {
    const first = next();
    if (is(first, 0x28 /* ( */)) {
      for (let s = next(); s && !is(s, 0x29 /* ) */); s = next()) if (!spec(s)) break;
    } else if (!spec(first)) {
      break;
    }
  }
  return { packageName: Buffer.from(bytes.buffer, bytes.byteOffset + name.start, name.end - name.start).toString('utf8'), imports };
}

/** A letter, `_`, or any byte of a multi-byte UTF-8 sequence (as go/build's reader takes them). */
function identStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c >= 0x80;
}

/** Bytes [start, end) as text, one character per byte. */
function latin1(bytes: Uint8Array, start: number, end: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('latin1');
}

function unquote(lit: string): string {
  const body = lit.startsWith('`') ? lit.slice(1, -1) : lit;
  let text = body;
  if (lit.startsWith('"')) {
    try {
      text = JSON.parse(lit) as string;
    } catch {
      text = lit.slice(1, -1);
    }
  }
  // Back from latin1 to the UTF-8 the file holds.
  return Buffer.from(text, 'latin1').toString('utf8');
}
