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
 * usually a few hundred bytes of a file of many kilobytes), grown until the scan ends on a
 * token after the imports or the file is read whole.
 */
export function readHeader(bytes: Uint8Array): FileHeader {
  for (let limit = 4096; ; limit *= 8) {
    const whole = limit >= bytes.length;
    // latin1 keeps one character per byte, so string offsets are byte offsets (gc's columns).
    const src = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(limit, bytes.length)).toString('latin1');
    const r = scanHeader(src);
    if (r.complete || whole) return r.header;
  }
}

/** The header of `src`; complete unless the scan ran into the end of the text. */
function scanHeader(src: string): { header: FileHeader; complete: boolean } {
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const next = (): Tok => {
    for (;;) {
      while (i < src.length && /[ \t\r\n;]/.test(src[i]!)) {
        if (src[i] === '\n') {
          line++;
          lineStart = i + 1;
        }
        i++;
      }
      if (src.startsWith('//', i)) {
        const e = src.indexOf('\n', i);
        i = e < 0 ? src.length : e;
        continue;
      }
      if (src.startsWith('/*', i)) {
        const e = src.indexOf('*/', i + 2);
        const end = e < 0 ? src.length : e + 2;
        for (let k = i; k < end; k++) {
          if (src[k] === '\n') {
            line++;
            lineStart = k + 1;
          }
        }
        i = end;
        continue;
      }
      break;
    }
    if (i >= src.length) return null;
    const start = i;
    const tokLine = line;
    const col = start - lineStart + 1;
    const c = src[i]!;
    if (c === '"') {
      i++;
      while (i < src.length && src[i] !== '"' && src[i] !== '\n') i += src[i] === '\\' ? 2 : 1;
      i++;
      return { kind: 'string', text: src.slice(start, i), line: tokLine, col };
    }
    if (c === '`') {
      const e = src.indexOf('`', i + 1);
      i = e < 0 ? src.length : e + 1;
      return { kind: 'string', text: src.slice(start, i), line: tokLine, col };
    }
    if (/[A-Za-z_\x80-\xff]/.test(c)) {
      while (i < src.length && /[A-Za-z0-9_\x80-\xff]/.test(src[i]!)) i++;
      return { kind: 'ident', text: src.slice(start, i), line: tokLine, col };
    }
    i++;
    return { kind: 'punct', text: c, line: tokLine, col };
  };

  let t = next();
  if (!t || t.text !== 'package') return { header: { packageName: null, imports: [] }, complete: t !== null };
  const name = next();
  if (!name || name.kind !== 'ident') return { header: { packageName: null, imports: [] }, complete: name !== null };
  const imports: HeaderImport[] = [];
  const spec = (first: Tok): boolean => {
    let pos = first;
    let s = first;
    if (s && (s.kind === 'ident' || s.text === '.')) s = next();
    if (!s || s.kind !== 'string' || !pos) return false;
    imports.push({ path: unquote(s.text), line: pos.line, col: pos.col });
    pos = null;
    return true;
  };
  let complete = true;
  for (t = next(); t && t.text === 'import'; t = next()) {
    const first = next();
    if (first && first.text === '(') {
      let s = next();
      for (; s && s.text !== ')'; s = next()) if (!spec(s)) break;
      if (!s) complete = false;
    } else if (!spec(first)) {
      break;
    }
  }
  if (!t) complete = false;
  return { header: { packageName: Buffer.from(name.text, 'latin1').toString('utf8'), imports }, complete };
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
