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

type Tok = { kind: 'ident' | 'string' | 'punct'; text: string; line: number; col: number } | null;

/**
 * Scan the header of a source file given as bytes. Only a prefix is decoded (the header is
 * usually a few hundred bytes of a file of many kilobytes), one character per byte (latin1,
 * so string offsets are byte offsets: gc's columns); when the scan reaches the end of the
 * prefix anywhere (a comment, a token or the imports running into it), it is done again
 * over the whole file. Comments are skipped with the string's native indexOf: a build scans
 * every file's header, most of them after a license comment.
 */
export function readHeader(bytes: Uint8Array): FileHeader {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  if (bytes.length > prefixBytes) {
    const h = scanHeader(buf.toString('latin1', 0, prefixBytes), false);
    if (h) return h;
  }
  return scanHeader(buf.toString('latin1'), true)!;
}

const prefixBytes = 8192;

/** The header of `src`; null when `src` is a prefix and the scan reached its end. */
function scanHeader(src: string, whole: boolean): FileHeader | null {
  const n = src.length;
  let i = 0;
  let line = 1;
  let lineStart = 0;
  let hitEnd = false;
  const next = (): Tok => {
    for (;;) {
      while (i < n) {
        const c = src.charCodeAt(i);
        if (c === 0x0a) {
          line++;
          lineStart = i + 1;
        } else if (c !== 0x20 && c !== 0x09 && c !== 0x0d && c !== 0x3b /* ; */) {
          break;
        }
        i++;
      }
      if (src.startsWith('//', i)) {
        const e = src.indexOf('\n', i);
        i = e < 0 ? n : e;
        continue;
      }
      if (src.startsWith('/*', i)) {
        const e = src.indexOf('*/', i + 2);
        const end = e < 0 ? n : e + 2;
        for (let k = src.indexOf('\n', i); k >= 0 && k < end; k = src.indexOf('\n', k + 1)) {
          line++;
          lineStart = k + 1;
        }
        i = end;
        continue;
      }
      break;
    }
    if (i >= n) {
      hitEnd = true;
      return null;
    }
    const start = i;
    const col = start - lineStart + 1;
    const c = src.charCodeAt(i);
    let kind: 'ident' | 'string' | 'punct' = 'punct';
    if (c === 0x22 /* " */) {
      i++;
      while (i < n && src.charCodeAt(i) !== 0x22 && src.charCodeAt(i) !== 0x0a) i += src.charCodeAt(i) === 0x5c /* \ */ ? 2 : 1;
      i++;
      kind = 'string';
    } else if (c === 0x60 /* ` */) {
      const e = src.indexOf('`', i + 1);
      i = e < 0 ? n + 1 : e + 1;
      kind = 'string';
    } else if (identStart(c)) {
      i++;
      while (i < n && (identStart(src.charCodeAt(i)) || (src.charCodeAt(i) >= 0x30 && src.charCodeAt(i) <= 0x39))) i++;
      kind = 'ident';
    } else {
      i++;
    }
    // A token that reaches the end may be cut short by it.
    if (i >= n) hitEnd = true;
    return { kind, text: src.slice(start, i), line, col };
  };
  const header = ((): FileHeader => {
    let t = next();
    if (!t || t.text !== 'package') return { packageName: null, imports: [] };
    const name = next();
    if (!name || name.kind !== 'ident') return { packageName: null, imports: [] };
    const imports: HeaderImport[] = [];
    const spec = (first: Tok): boolean => {
      let s = first;
      if (s && (s.kind === 'ident' || s.text === '.')) s = next();
      if (!s || s.kind !== 'string' || !first) return false;
      imports.push({ path: unquote(s.text), line: first.line, col: first.col });
      return true;
    };
    for (t = next(); t && t.text === 'import'; t = next()) {
      const first = next();
      if (first && first.text === '(') {
        for (let s = next(); s && s.text !== ')'; s = next()) if (!spec(s)) break;
      } else if (!spec(first)) {
        break;
      }
    }
    return { packageName: Buffer.from(name.text, 'latin1').toString('utf8'), imports };
  })();
  return hitEnd && !whole ? null : header;
}

/** A letter, `_`, or any byte of a multi-byte UTF-8 sequence (as go/build's reader takes them). */
function identStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c >= 0x80;
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
