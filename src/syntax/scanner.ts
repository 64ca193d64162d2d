// The Go scanner: bytes → a compact token string for the Ohm grammar.
//
// Follows cmd/compile/internal/syntax/scanner.go and source.go: the spec's tokens, its
// semicolon-insertion rule (a newline, a multi-line comment spanning lines, or EOF after a
// name, literal, `break continue fallthrough return`, `++ -- ) ] }` becomes a `;` whose text
// is "newline" or "EOF"), and gc's scanner error messages (invalid UTF-8, NUL, unterminated
// strings and comments, malformed numbers and escapes).
//
// Ohm is slow on raw text, so the grammar never sees characters: each token becomes ONE
// character of `chars` (see tokenChar below), and side tables give each token its gc
// position (1-based line, 1-based byte column) and text. Token i of `chars` is entry i of
// the tables; entry `chars.length` is the EOF position, for errors at the end.
// Comments are not tokens; `//go:` and `//goesc:` directive lines are kept aside, and so
// are line directives (linedir.ts), which change only the positions printed.

import type { GoError } from '../errors.js';
import { parseLineDirective, type LineDirective } from './linedir.js';
import { firstWhere } from '../util/search.js';

/** One character per token kind: the alphabet of src/syntax/go.ohm. */
export const tokenChar = {
  name: 'n',
  int: '1', float: '2', imag: '3', rune: '4', string: '5',
  break: 'b', case: 'c', chan: 'h', const: 'k', continue: 'C', default: 'd', defer: 'D',
  else: 'e', fallthrough: 'F', for: 'f', func: 'u', go: 'g', goto: 'G', if: 'i',
  import: 'I', interface: 'N', map: 'm', package: 'p', range: 'R', return: 'r',
  select: 'S', struct: 's', switch: 'w', type: 't', var: 'v',
  '&&': 'a', '||': 'o', '==': 'E', '!=': 'Q', '<=': 'l', '>=': 'q', '<<': 'L', '>>': 'M',
  '&^': 'A', '<-': 'W', '++': 'j', '--': 'J', '...': 'T', ':=': '$', 'op=': '@',
} as const;

const keywordChars: ReadonlyMap<string, string> = new Map(
  ['break', 'case', 'chan', 'const', 'continue', 'default', 'defer', 'else', 'fallthrough',
    'for', 'func', 'go', 'goto', 'if', 'import', 'interface', 'map', 'package', 'range',
    'return', 'select', 'struct', 'switch', 'type', 'var'].map((k) => [k, (tokenChar as Record<string, string>)[k]!]),
);

/** A `//go:` or `//goesc:` comment that stands alone on its line. */
export interface Directive {
  readonly line: number;
  readonly col: number;
  readonly text: string;
  /** Index of the first token after the comment. */
  readonly nextToken: number;
}

export interface TokenStream {
  readonly chars: string;
  readonly lines: Int32Array;
  readonly cols: Int32Array;
  /** Token text: names and literals as written, operators, `;` as semicolon|newline|EOF. */
  readonly texts: readonly string[];
  readonly directives: readonly Directive[];
  /** The line directives (`//line` comments and their block form), in source order (linedir.ts). */
  readonly lineDirectives: readonly LineDirective[];
  /** The `//go:build` expression (without the prefix), if one precedes the package clause. */
  readonly goBuild: string | null;
  readonly lineCount: number;
  readonly errors: readonly GoError[];
}

// Byte classes for the hot loop.
const isLetterByte = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
const isDecimal = (c: number) => c >= 48 && c <= 57;
const isHex = (c: number) => isDecimal(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
const unicodeLetter = /^\p{L}$/u;
const unicodeDigit = /^\p{Nd}$/u;

const utf8 = new TextDecoder('utf-8', { fatal: false });

/** Decode one UTF-8 sequence at i: [rune, length], rune -1 when invalid (length 1). */
function decodeRune(src: Uint8Array, i: number): [number, number] {
  const b0 = src[i]!;
  if (b0 < 0x80) return [b0, 1];
  const need = b0 >= 0xf0 && b0 <= 0xf4 ? 4 : b0 >= 0xe0 ? (b0 >= 0xf0 ? 0 : 3) : b0 >= 0xc2 ? 2 : 0;
  if (need === 0 || i + need > src.length) return [-1, 1];
  let r = b0 & (need === 2 ? 0x1f : need === 3 ? 0x0f : 0x07);
  for (let k = 1; k < need; k++) {
    const b = src[i + k]!;
    if ((b & 0xc0) !== 0x80) return [-1, 1];
    r = (r << 6) | (b & 0x3f);
  }
  if ((need === 3 && r < 0x800) || (need === 4 && (r < 0x10000 || r > 0x10ffff))) return [-1, 1];
  if (r >= 0xd800 && r <= 0xdfff) return [-1, 1];
  return [r, need];
}

function formatU(r: number): string {
  const hex = r.toString(16).toUpperCase().padStart(4, '0');
  // Go's %#U prints the character too when it is printable.
  const ch = String.fromCodePoint(r);
  return /^[\p{L}\p{M}\p{N}\p{P}\p{S}\p{Zs}]$/u.test(ch) && r !== 0x20 ? `U+${hex} '${ch}'` : `U+${hex}`;
}

/** Go's %q of a rune, for the scanner messages that quote one character. */
function quoteRune(r: number): string {
  if (r === 39) return `'\\''`;
  if (r === 92) return `'\\\\'`;
  if (r === 10) return `'\\n'`;
  if (r === 9) return `'\\t'`;
  if (r === 13) return `'\\r'`;
  if (r < 0x20 || r === 0x7f) return `'\\x${r.toString(16).padStart(2, '0')}'`;
  return `'${String.fromCodePoint(r)}'`;
}

export function scan(filename: string, src: Uint8Array): TokenStream {
  const n = src.length;
  const latin = Buffer.from(src.buffer, src.byteOffset, src.length).toString('latin1');
  let chars = '';
  const charParts: string[] = [];
  let lines = new Int32Array(1024);
  let cols = new Int32Array(1024);
  const texts: string[] = [];
  const directives: Directive[] = [];
  const lineDirectives: LineDirective[] = [];
  const errors: GoError[] = [];
  let goBuild: string | null = null;
  let sawPackage = false;

  let i = 0;
  let line = 1;
  let lineStart = 0; // byte offset of the current line
  let nlsemi = false;
  let count = 0;
  let pending = '';

  const error = (l: number, c: number, message: string) => {
    if (errors.length < 10) errors.push({ file: filename, line: l, col: c, message });
  };
  const errorHere = (at: number, message: string) => error(line, at - lineStart + 1, message);

  const push = (ch: string, l: number, c: number, text: string) => {
    if (count === lines.length) {
      const nl = new Int32Array(count * 2);
      nl.set(lines);
      lines = nl;
      const nc = new Int32Array(count * 2);
      nc.set(cols);
      cols = nc;
    }
    lines[count] = l;
    cols[count] = c;
    texts.push(text);
    pending += ch;
    if (pending.length >= 4096) {
      charParts.push(pending);
      pending = '';
    }
    count++;
  };

  const text = (a: number, b: number, high: boolean) =>
    high ? utf8.decode(src.subarray(a, b)) : latin.slice(a, b);

  /** Check the bytes ≥ 0x80 of [a, b) are valid UTF-8; report gc's errors where not. */
  const checkUtf8 = (a: number, b: number, lineOf: number, lineStartOf: number) => {
    for (let k = a; k < b; ) {
      const c = src[k]!;
      if (c < 0x80) {
        if (c === 0) error(lineOf, k - lineStartOf + 1, 'invalid NUL character');
        else if (c === 10) {
          lineOf++;
          lineStartOf = k + 1;
        }
        k++;
        continue;
      }
      const [r, len] = decodeRune(src, k);
      if (r < 0) error(lineOf, k - lineStartOf + 1, 'invalid UTF-8 encoding');
      else if (r === 0xfeff) error(lineOf, k - lineStartOf + 1, 'invalid BOM in the middle of the file');
      k += len;
    }
  };

  // A BOM is allowed only as the very first character.
  if (n >= 3 && src[0] === 0xef && src[1] === 0xbb && src[2] === 0xbf) {
    i = 3;
  }

  while (true) {
    // skip white space (a newline is a token when a semicolon may be inserted)
    let c = i < n ? src[i]! : -1;
    const wsStartLine = line;
    const wsStartCol = i - lineStart + 1;
    while (c === 32 || c === 9 || c === 13 || (c === 10 && !nlsemi)) {
      if (c === 10) {
        line++;
        lineStart = i + 1;
      }
      i++;
      c = i < n ? src[i]! : -1;
    }
    const tokLine = line;
    const tokCol = i - lineStart + 1;
    const blank = tokLine > wsStartLine || wsStartCol === 1;

    if (c === -1) {
      if (nlsemi) push(';', tokLine, tokCol, 'EOF');
      break;
    }

    if (isLetterByte(c) || c >= 0x80) {
      // gc's ident/atIdentChar: any non-ASCII character continues an identifier, with an
      // error unless it is a letter (or a digit after the first character)
      let high = false;
      let k = i;
      while (k < n) {
        const b = src[k]!;
        if (isLetterByte(b) || isDecimal(b)) {
          k++;
          continue;
        }
        if (b < 0x80) break;
        high = true;
        const [r, len] = decodeRune(src, k);
        if (r < 0) errorHere(k, 'invalid UTF-8 encoding');
        else if (r === 0xfeff) errorHere(k, 'invalid BOM in the middle of the file');
        else {
          const ch = String.fromCodePoint(r);
          if (unicodeLetter.test(ch)) {
            // ok
          } else if (unicodeDigit.test(ch)) {
            if (k === i) errorHere(k, `identifier cannot begin with digit ${formatU(r)}`);
          } else errorHere(k, `invalid character ${formatU(r)} in identifier`);
        }
        k += len;
      }
      const word = text(i, k, high);
      i = k;
      const kw = keywordChars.get(word);
      if (kw !== undefined) {
        push(kw, tokLine, tokCol, word);
        if (kw === 'p') sawPackage = true;
        nlsemi = word === 'break' || word === 'continue' || word === 'fallthrough' || word === 'return';
      } else {
        push('n', tokLine, tokCol, word);
        nlsemi = true;
      }
      continue;
    }

    const wasNlsemi = nlsemi;
    nlsemi = false;
    const next = i + 1 < n ? src[i + 1]! : -1;
    switch (c) {
      case 10:
        push(';', tokLine, tokCol, 'newline');
        i++;
        line++;
        lineStart = i;
        continue;
      case 48: case 49: case 50: case 51: case 52: case 53: case 54: case 55: case 56: case 57:
        i = scanNumber(i, false);
        nlsemi = true;
        continue;
      case 34: { // "
        let k = i + 1;
        let high = false;
        let ok = false;
        while (k < n) {
          const b = src[k]!;
          if (b === 34) {
            k++;
            ok = true;
            break;
          }
          if (b === 10) {
            error(line, k - lineStart + 1, 'newline in string');
            break;
          }
          if (b === 92) {
            k = scanEscape(k + 1, 34);
            continue;
          }
          if (b >= 0x80) high = true;
          else if (b === 0) error(line, k - lineStart + 1, 'invalid NUL character');
          k++;
        }
        if (!ok && k >= n) error(tokLine, tokCol, 'string not terminated');
        if (high) checkUtf8(i, k, line, lineStart);
        push('5', tokLine, tokCol, text(i, k, high));
        i = k;
        nlsemi = true;
        continue;
      }
      case 96: { // `
        let k = i + 1;
        let high = false;
        let ok = false;
        let l = line;
        let ls = lineStart;
        while (k < n) {
          const b = src[k]!;
          if (b === 96) {
            k++;
            ok = true;
            break;
          }
          if (b === 10) {
            l++;
            ls = k + 1;
          } else if (b >= 0x80) high = true;
          else if (b === 0) error(l, k - ls + 1, 'invalid NUL character');
          k++;
        }
        if (!ok) error(tokLine, tokCol, 'string not terminated');
        if (high) checkUtf8(i, k, line, lineStart);
        push('5', tokLine, tokCol, text(i, k, high));
        line = l;
        lineStart = ls;
        i = k;
        nlsemi = true;
        continue;
      }
      case 39: { // '
        let k = i + 1;
        let high = false;
        let runes = 0;
        let ok = false;
        while (true) {
          const b = k < n ? src[k]! : -1;
          if (b === 39) {
            if (runes === 0) error(line, k - lineStart + 1, "empty rune literal or unescaped ' in rune literal");
            else if (runes !== 1) error(tokLine, tokCol, 'more than one character in rune literal');
            k++;
            ok = true;
            break;
          }
          if (b === 92) {
            k = scanEscape(k + 1, 39);
            runes++;
            continue;
          }
          if (b === 10) {
            error(line, k - lineStart + 1, 'newline in rune literal');
            break;
          }
          if (b < 0) {
            error(tokLine, tokCol, 'rune literal not terminated');
            break;
          }
          if (b >= 0x80) {
            high = true;
            k += decodeRune(src, k)[1];
          } else k++;
          runes++;
        }
        void ok;
        if (high) checkUtf8(i, k, line, lineStart);
        push('4', tokLine, tokCol, text(i, k, high));
        i = k;
        nlsemi = true;
        continue;
      }
      case 40: push('(', tokLine, tokCol, '('); i++; continue;
      case 91: push('[', tokLine, tokCol, '['); i++; continue;
      case 123: push('{', tokLine, tokCol, '{'); i++; continue;
      case 44: push(',', tokLine, tokCol, ','); i++; continue;
      case 59: push(';', tokLine, tokCol, 'semicolon'); i++; continue;
      case 41: push(')', tokLine, tokCol, ')'); i++; nlsemi = true; continue;
      case 93: push(']', tokLine, tokCol, ']'); i++; nlsemi = true; continue;
      case 125: push('}', tokLine, tokCol, '}'); i++; nlsemi = true; continue;
      case 58: // :
        if (next === 61) { push('$', tokLine, tokCol, ':='); i += 2; } else { push(':', tokLine, tokCol, ':'); i++; }
        continue;
      case 46: // .
        if (isDecimal(next)) {
          i = scanNumber(i, true);
          nlsemi = true;
          continue;
        }
        if (next === 46 && i + 2 < n && src[i + 2] === 46) { push('T', tokLine, tokCol, '...'); i += 3; continue; }
        push('.', tokLine, tokCol, '.'); i++;
        continue;
      case 43: case 45: // + -
        if (next === c) { push(c === 43 ? 'j' : 'J', tokLine, tokCol, c === 43 ? '++' : '--'); i += 2; nlsemi = true; continue; }
        if (next === 61) { push('@', tokLine, tokCol, c === 43 ? '+=' : '-='); i += 2; continue; }
        push(c === 43 ? '+' : '-', tokLine, tokCol, c === 43 ? '+' : '-'); i++;
        continue;
      case 42: case 37: case 94: { // * % ^
        const s = String.fromCharCode(c);
        if (next === 61) { push('@', tokLine, tokCol, s + '='); i += 2; } else { push(s, tokLine, tokCol, s); i++; }
        continue;
      }
      case 47: // /
        if (next === 47) {
          // line comment; directives stand alone on their line
          let k = i + 2;
          while (k < n && src[k] !== 10) k++;
          let high = false;
          for (let m = i; m < k; m++) if (src[m]! >= 0x80 || src[m] === 0) { high = true; break; }
          if (high) checkUtf8(i, k, line, lineStart);
          if (blank && src[i + 2] === 103 /* g */) {
            const t = text(i, k, high).replace(/\r$/, '');
            if (t.startsWith('//go:build') && !sawPackage && (t.length === 10 || t[10] === ' ' || t[10] === '\t')) {
              if (goBuild === null) goBuild = t.slice(10).trim();
            } else if (t.startsWith('//go:') || t.startsWith('//goesc:')) {
              directives.push({ line: tokLine, col: tokCol, text: t, nextToken: -1 });
            }
          } else if (tokCol === 1 && src[i + 2] === 108 /* l */) {
            // a //line directive starts a line; it applies from the next line's start
            const t = text(i, k, high).replace(/\r$/, '');
            const d = t.startsWith('//line ') ? parseLineDirective(t.slice(7), tokLine + 1, 1) : null;
            if (d) lineDirectives.push(d);
          }
          i = k;
          nlsemi = wasNlsemi;
          continue;
        }
        if (next === 42) {
          let k = i + 2;
          let l = line;
          let ls = lineStart;
          let ok = false;
          let high = false;
          while (k < n) {
            const b = src[k]!;
            if (b === 42 && k + 1 < n && src[k + 1] === 47) { k += 2; ok = true; break; }
            if (b === 10) { l++; ls = k + 1; } else if (b >= 0x80 || b === 0) high = true;
            k++;
          }
          if (high) checkUtf8(i, k, line, lineStart);
          if (!ok) error(tokLine, tokCol, 'comment not terminated');
          const spans = l !== line;
          if (ok && !spans && src[i + 2] === 108 /* l */) {
            // a /*line*/ directive applies from just after the comment
            const t = text(i, k, high);
            const d = t.startsWith('/*line ') ? parseLineDirective(t.slice(7, -2), tokLine, tokCol + (k - i)) : null;
            if (d) lineDirectives.push(d);
          }
          line = l;
          lineStart = ls;
          i = k;
          if (spans && wasNlsemi) {
            // a multi-line comment acts like a newline
            push(';', tokLine, tokCol, 'newline');
            nlsemi = false;
          } else nlsemi = wasNlsemi;
          continue;
        }
        if (next === 61) { push('@', tokLine, tokCol, '/='); i += 2; } else { push('/', tokLine, tokCol, '/'); i++; }
        continue;
      case 60: // <
        if (next === 45) { push('W', tokLine, tokCol, '<-'); i += 2; continue; }
        if (next === 60) {
          if (src[i + 2] === 61) { push('@', tokLine, tokCol, '<<='); i += 3; } else { push('L', tokLine, tokCol, '<<'); i += 2; }
          continue;
        }
        if (next === 61) { push('l', tokLine, tokCol, '<='); i += 2; } else { push('<', tokLine, tokCol, '<'); i++; }
        continue;
      case 62: // >
        if (next === 62) {
          if (src[i + 2] === 61) { push('@', tokLine, tokCol, '>>='); i += 3; } else { push('M', tokLine, tokCol, '>>'); i += 2; }
          continue;
        }
        if (next === 61) { push('q', tokLine, tokCol, '>='); i += 2; } else { push('>', tokLine, tokCol, '>'); i++; }
        continue;
      case 61: // =
        if (next === 61) { push('E', tokLine, tokCol, '=='); i += 2; } else { push('=', tokLine, tokCol, '='); i++; }
        continue;
      case 33: // !
        if (next === 61) { push('Q', tokLine, tokCol, '!='); i += 2; } else { push('!', tokLine, tokCol, '!'); i++; }
        continue;
      case 126: push('~', tokLine, tokCol, '~'); i++; continue;
      case 38: // &
        if (next === 94) {
          if (src[i + 2] === 61) { push('@', tokLine, tokCol, '&^='); i += 3; } else { push('A', tokLine, tokCol, '&^'); i += 2; }
          continue;
        }
        if (next === 38) { push('a', tokLine, tokCol, '&&'); i += 2; continue; }
        if (next === 61) { push('@', tokLine, tokCol, '&='); i += 2; } else { push('&', tokLine, tokCol, '&'); i++; }
        continue;
      case 124: // |
        if (next === 124) { push('o', tokLine, tokCol, '||'); i += 2; continue; }
        if (next === 61) { push('@', tokLine, tokCol, '|='); i += 2; } else { push('|', tokLine, tokCol, '|'); i++; }
        continue;
      default:
        if (c === 0) errorHere(i, 'invalid NUL character');
        else errorHere(i, `invalid character ${formatU(c)}`);
        i++;
        nlsemi = wasNlsemi;
        continue;
    }
  }

  function scanEscape(k: number, quote: number): number {
    // k is just past the backslash
    const b = k < n ? src[k]! : -1;
    let digits = 0;
    let base = 0;
    let max = 0;
    switch (b) {
      case 97: case 98: case 102: case 110: case 114: case 116: case 118: case 92:
        return k + 1;
      case 48: case 49: case 50: case 51: case 52: case 53: case 54: case 55:
        digits = 3; base = 8; max = 255; break;
      case 120: k++; digits = 2; base = 16; max = 255; break;
      case 117: k++; digits = 4; base = 16; max = 0x10ffff; break;
      case 85: k++; digits = 8; base = 16; max = 0x10ffff; break;
      default:
        if (b === quote) return k + 1;
        if (b < 0) return k;
        error(line, k - lineStart + 1, 'unknown escape');
        return b === 10 ? k : k + 1;
    }
    let x = 0;
    for (let d = 0; d < digits; d++) {
      const ch = k < n ? src[k]! : -1;
      const v = isDecimal(ch) ? ch - 48 : isHex(ch) ? (ch | 32) - 87 : 99;
      if (v >= base) {
        if (ch < 0) return k;
        error(line, k - lineStart + 1, `invalid character ${quoteRune(ch)} in ${base === 8 ? 'octal' : 'hexadecimal'} escape`);
        return ch === quote || ch === 10 ? k : k + 1;
      }
      x = x * base + v;
      k++;
    }
    if (x > max && base === 8) error(line, k - lineStart + 1, `octal escape value ${x} > 255`);
    else if (x > max || (x >= 0xd800 && x < 0xe000))
      error(line, k - lineStart + 1, `escape is invalid Unicode code point ${formatU(x)}`);
    return k;
  }

  function scanNumber(start: number, seenPoint: boolean): number {
    // gc's scanner.number: prefix, digits with '_', fraction, exponent, 'i' suffix
    const tokLine = line;
    const tokCol = start - lineStart + 1;
    let k = start;
    let base = 10;
    let prefix = 0;
    let kind: '1' | '2' | '3' = '1';
    let invalid = -1;
    let ok = true;
    const baseName = (b: number) => (b === 2 ? 'binary' : b === 8 ? 'octal' : b === 10 ? 'decimal' : 'hexadecimal');
    const digitsAt = (b: number): number => {
      // returns a bit set: 1 = saw digit, 2 = saw '_'
      let ds = 0;
      const max = b <= 10 ? 48 + b : 58;
      while (k < n) {
        const ch = src[k]!;
        if (ch === 95) ds |= 2;
        else if (b <= 10 ? ch >= 48 && ch <= 57 : isHex(ch)) {
          ds |= 1;
          if (b <= 10 && ch >= max && invalid < 0) invalid = k;
        } else break;
        k++;
      }
      return ds;
    };
    let ds = 0;
    if (!seenPoint) {
      if (src[k] === 48) {
        k++;
        const p = (src[k]! | 32);
        if (p === 120) { k++; base = 16; prefix = 120; }
        else if (p === 111) { k++; base = 8; prefix = 111; }
        else if (p === 98) { k++; base = 2; prefix = 98; }
        else { base = 8; prefix = 48; ds = 1; }
      }
      ds |= digitsAt(base);
      if (src[k] === 46) {
        seenPoint = true;
      }
    }
    if (seenPoint) {
      kind = '2';
      if (prefix === 111 || prefix === 98) {
        error(line, k - lineStart + 1, `invalid radix point in ${baseName(base)} literal`);
        ok = false;
      }
      k++; // the '.'
      ds |= digitsAt(base);
    }
    if ((ds & 1) === 0 && ok) {
      error(line, k - lineStart + 1, `${baseName(base)} literal has no digits`);
      ok = false;
    }
    const e = k < n ? src[k]! | 32 : -1;
    if (e === 101 || e === 112) {
      if (ok && e === 101 && prefix !== 0 && prefix !== 48) {
        error(line, k - lineStart + 1, `'${String.fromCharCode(src[k]!)}' exponent requires decimal mantissa`);
        ok = false;
      } else if (ok && e === 112 && prefix !== 120) {
        error(line, k - lineStart + 1, `'${String.fromCharCode(src[k]!)}' exponent requires hexadecimal mantissa`);
        ok = false;
      }
      k++;
      kind = '2';
      if (src[k] === 43 || src[k] === 45) k++;
      const eds = digitsAt(10);
      ds |= eds;
      if ((eds & 1) === 0 && ok) {
        error(line, k - lineStart + 1, 'exponent has no digits');
        ok = false;
      }
    } else if (prefix === 120 && kind === '2' && ok) {
      error(line, k - lineStart + 1, "hexadecimal mantissa requires a 'p' exponent");
      ok = false;
    }
    if (src[k] === 105) {
      kind = '3';
      k++;
    }
    const lit = latin.slice(start, k);
    if (ok) {
      if (kind === '1' && invalid >= 0) {
        error(tokLine, tokCol + (invalid - start), `invalid digit '${String.fromCharCode(src[invalid]!)}' in ${baseName(base)} literal`);
        ok = false;
      }
      if (ok && (ds & 2) !== 0) {
        const bad = invalidSep(lit);
        if (bad >= 0) error(tokLine, tokCol + bad, "'_' must separate successive digits");
      }
    }
    push(kind, tokLine, tokCol, lit);
    return k;
  }

  for (let d = 0; d < directives.length; d++) {
    // attach each directive to the first token after it
    const dir = directives[d]!;
    const next = firstWhere(count, (k) => lines[k]! > dir.line || (lines[k] === dir.line && cols[k]! > dir.col));
    directives[d] = { ...dir, nextToken: next };
  }

  charParts.push(pending);
  chars = charParts.join('');
  // the EOF position, for errors at the end of the input
  push('', line, i - lineStart + 1, 'EOF');
  return {
    chars,
    lines,
    cols,
    texts,
    directives,
    lineDirectives,
    goBuild,
    lineCount: n === 0 ? 0 : src[n - 1] === 10 ? line - 1 : line,
    errors,
  };
}

/** gc's invalidSep: the index of the first '_' not separating two digits, or -1. */
function invalidSep(x: string): number {
  let x1 = ' ';
  let d = '.';
  let i = 0;
  if (x.length >= 2 && x[0] === '0') {
    x1 = String.fromCharCode(x.charCodeAt(1) | 32);
    if (x1 === 'x' || x1 === 'o' || x1 === 'b') {
      d = '0';
      i = 2;
    }
  }
  for (; i < x.length; i++) {
    const p = d;
    d = x[i]!;
    if (d === '_') {
      if (p !== '0') return i;
    } else if ((d >= '0' && d <= '9') || (x1 === 'x' && /[a-fA-F]/.test(d))) {
      d = '0';
    } else {
      if (p === '_') return i - 1;
      d = '.';
    }
  }
  if (d === '_') return x.length - 1;
  return -1;
}
