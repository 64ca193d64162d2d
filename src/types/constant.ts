// Exact constant values (go/constant): booleans, strings, integers as BigInt, floats and
// complex parts as exact rationals of BigInts. Go's constant arithmetic is exact, so an
// untyped `1 << 100 >> 98` is 4 and `0.1 + 0.2 == 0.3` holds; only conversion to a typed
// float rounds (to a JS number, which is float64).

export interface Rat {
  readonly num: bigint;
  /** Always > 0. */
  readonly den: bigint;
}

export type ConstValue =
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'int'; readonly value: bigint }
  | { readonly kind: 'float'; readonly value: Rat }
  | { readonly kind: 'complex'; readonly re: Rat; readonly im: Rat }
  /** The value of an erroneous expression. */
  | { readonly kind: 'unknown' };

export const unknownValue: ConstValue = { kind: 'unknown' };

export function boolVal(value: boolean): ConstValue {
  return { kind: 'bool', value };
}
export function stringVal(value: string): ConstValue {
  return { kind: 'string', value };
}
export function intVal(value: bigint | number): ConstValue {
  return { kind: 'int', value: BigInt(value) };
}

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b) [a, b] = [b, a % b];
  return a;
}

export function rat(num: bigint, den = 1n): Rat {
  if (den < 0n) [num, den] = [-num, -den];
  const g = gcd(num, den);
  return g > 1n ? { num: num / g, den: den / g } : { num, den };
}

export function floatVal(r: Rat): ConstValue {
  return { kind: 'float', value: r };
}

function ratAdd(a: Rat, b: Rat): Rat {
  return rat(a.num * b.den + b.num * a.den, a.den * b.den);
}
function ratSub(a: Rat, b: Rat): Rat {
  return rat(a.num * b.den - b.num * a.den, a.den * b.den);
}
function ratMul(a: Rat, b: Rat): Rat {
  return rat(a.num * b.num, a.den * b.den);
}
function ratQuo(a: Rat, b: Rat): Rat {
  return rat(a.num * b.den, a.den * b.num);
}
function ratCmp(a: Rat, b: Rat): number {
  const d = a.num * b.den - b.num * a.den;
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

export function ratToNumber(r: Rat): number {
  // Scale so the quotient keeps 64 significant bits before the float division.
  const n = r.num < 0n ? -r.num : r.num;
  const sign = r.num < 0n ? -1 : 1;
  if (n === 0n) return 0;
  const shift = BigInt(Math.max(0, r.den.toString(2).length - n.toString(2).length + 64));
  const q = (n << shift) / r.den;
  return sign * Number(q) / Math.pow(2, Number(shift));
}

/** The exact rational of a finite JS number. */
export function ratFromNumber(x: number): Rat {
  if (!Number.isFinite(x)) return rat(0n);
  let den = 1n;
  let v = x;
  let guard = 0;
  while (!Number.isInteger(v) && guard++ < 1100) {
    v *= 2;
    den *= 2n;
  }
  return rat(BigInt(v), den);
}

// ───────────────────────────────────────────── literals

/** Parses a Go int/float/imag/rune/string literal into its exact value. */
export function parseLiteral(kind: 'int' | 'float' | 'imag' | 'rune' | 'string', text: string): ConstValue {
  switch (kind) {
    case 'int':
      return parseIntLit(text);
    case 'float':
      return { kind: 'float', value: parseFloatLit(text) };
    case 'imag': {
      const body = text.slice(0, -1);
      const v = /^0[xX]|[.eEpP]/.test(body) && !/^0[bBoO]/.test(body)
        ? parseFloatLit(body)
        : /^0\d/.test(body.replace(/_/g, '')) ? rat(BigInt(body.replace(/_/g, '')), 1n) // 0123i is decimal
          : rat((parseIntLit(body) as { value: bigint }).value);
      return { kind: 'complex', re: rat(0n), im: v };
    }
    case 'rune': {
      // '\xff' is the rune 255, not the byte unquote keeps as a lone surrogate.
      const c = unquote(text).codePointAt(0) ?? 0;
      return intVal(c >= 0xdc80 && c <= 0xdcff ? c - 0xdc00 : c);
    }
    case 'string':
      return stringVal(unquote(text));
  }
}

function parseIntLit(text: string): ConstValue {
  let t = text.replace(/_/g, '');
  if (/^0[oO]/.test(t)) t = '0o' + t.slice(2);
  else if (/^0\d/.test(t)) t = '0o' + t.slice(1);
  try {
    return intVal(BigInt(t));
  } catch {
    return unknownValue;
  }
}

function parseFloatLit(text: string): Rat {
  const t = text.replace(/_/g, '');
  if (/^0[xX]/.test(t)) {
    const m = /^0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?(?:[pP]([+-]?\d+))?$/.exec(t);
    if (!m) return rat(0n);
    const intPart = m[1] ?? '';
    const frac = m[2] ?? '';
    let mant = BigInt('0x' + (intPart + frac || '0'));
    let exp = BigInt(m[3] ?? '0') - BigInt(4 * frac.length);
    if (exp > 400000n) exp = 400000n;
    if (exp < -400000n) exp = -400000n;
    if (exp >= 0n) return rat(mant << exp);
    return rat(mant, 1n << -exp);
    void mant;
  }
  const m = /^(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(t);
  if (!m) return rat(0n);
  const intPart = m[1] ?? '';
  const frac = m[2] ?? '';
  const mant = BigInt((intPart + frac) || '0');
  const exp = Number(m[3] ?? '0') - frac.length;
  // Exponents far beyond any float are out of reach of exact arithmetic too.
  if (Math.abs(exp) > 100000) return mant === 0n ? rat(0n) : exp > 0 ? rat(10n ** 100000n) : rat(0n);
  if (exp >= 0) return rat(mant * 10n ** BigInt(exp));
  return rat(mant, 10n ** BigInt(-exp));
}

/** The bytes of escapes that stand for one byte each (`\n`, `\\`, ...). */
const simpleEscapes: Readonly<Record<string, number>> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92, "'": 39, '"': 34 };

/** Appends the UTF-8 encoding of code point `cp` (a lone surrogate as U+FFFD, as TextEncoder). */
function pushUtf8(bytes: number[], cp: number): void {
  if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
  if (cp < 0x80) bytes.push(cp);
  else if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
  else if (cp < 0x10000) bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  else bytes.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
}

/**
 * Interprets a Go string or rune literal (quotes included). A literal without escapes is
 * its own text (the text holds no lone surrogates: the scanner decoded it), which is what
 * the general path gives too, at a fraction of the cost (a table of strings is millions).
 */
export function unquote(text: string): string {
  if (text.startsWith('`')) return text.slice(1, -1).replace(/\r/g, '');
  const body = text.slice(1, -1);
  if (!/[\\\ud800-\udfff]/.test(body)) return body;
  const bytes: number[] = [];
  for (let i = 0; i < body.length; ) {
    const c = body[i]!;
    if (c !== '\\') {
      const cp = body.codePointAt(i)!;
      pushUtf8(bytes, cp);
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    const e = body[i + 1]!;
    i += 2;
    if (e in simpleEscapes) bytes.push(simpleEscapes[e]!);
    else if (e === 'x') { bytes.push(parseInt(body.slice(i, i + 2), 16)); i += 2; }
    else if (e === 'u' || e === 'U') {
      const n = e === 'u' ? 4 : 8;
      // fromCodePoint throws past U+10FFFF (the scanner has reported such an escape)
      pushUtf8(bytes, String.fromCodePoint(parseInt(body.slice(i, i + n), 16)).codePointAt(0)!);
      i += n;
    } else if (e >= '0' && e <= '7') { bytes.push(parseInt(body.slice(i - 1, i + 2), 8)); i += 2; }
  }
  return fromGoBytes(bytes);
}

/** The length of the valid UTF-8 encoding of one code point at bytes[i], or 0. */
function utf8Length(bytes: readonly number[], i: number): number {
  const b = bytes[i]!;
  if (b < 0x80) return 1;
  const n = b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
  if (n === 0 || i + n > bytes.length) return 0;
  // the second byte's range excludes overlong forms, surrogates and code points past U+10FFFF
  const lo = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
  const hi = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
  const b1 = bytes[i + 1]!;
  if (b1 < lo || b1 > hi) return 0;
  for (let k = 2; k < n; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return 0;
  return n;
}

/**
 * Go strings are byte sequences, JavaScript strings UTF-16: valid UTF-8 is decoded, and each
 * byte that is not part of valid UTF-8 (`"\x89PNG"`) becomes a lone surrogate U+DC80..U+DCFF
 * (Python's surrogateescape), so the bytes, the length and gc's quoting survive.
 */
export function fromGoBytes(bytes: readonly number[]): string {
  const units: number[] = [];
  for (let i = 0; i < bytes.length; ) {
    const n = utf8Length(bytes, i);
    if (n === 0) {
      units.push(0xdc00 + bytes[i]!);
      i++;
      continue;
    }
    const b = bytes[i]!;
    let cp = n === 1 ? b : b & (n === 2 ? 0x1f : n === 3 ? 0x0f : 0x07);
    for (let k = 1; k < n; k++) cp = (cp << 6) | (bytes[i + k]! & 0x3f);
    if (cp > 0xffff) units.push(0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff));
    else units.push(cp);
    i += n;
  }
  let out = '';
  for (let k = 0; k < units.length; k += 8192) out += String.fromCharCode(...units.slice(k, k + 8192));
  return out;
}

/** The bytes of a Go string value as stored here (see fromGoBytes). */
export function goBytes(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c >= 0xdc80 && c <= 0xdcff) out.push(c - 0xdc00);
    else out.push(...Buffer.from(ch, 'utf8'));
  }
  return out;
}

/** The byte length of a Go string value as stored here. */
export function stringByteLength(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n += c >= 0xdc80 && c <= 0xdcff ? 1 : c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

// ───────────────────────────────────────────── conversions between kinds

export function toRat(v: ConstValue): Rat | null {
  if (v.kind === 'int') return rat(v.value);
  if (v.kind === 'float') return v.value;
  if (v.kind === 'complex' && v.im.num === 0n) return v.re;
  return null;
}

/** The integer value of v if it is exactly an integer. */
export function toInt(v: ConstValue): bigint | null {
  if (v.kind === 'int') return v.value;
  const r = toRat(v);
  if (r && r.den === 1n) return r.num;
  return null;
}

function toComplex(v: ConstValue): { re: Rat; im: Rat } | null {
  if (v.kind === 'complex') return v;
  const r = toRat(v);
  return r ? { re: r, im: rat(0n) } : null;
}

type NumRank = 0 | 1 | 2;
function rank(v: ConstValue): NumRank {
  return v.kind === 'int' ? 0 : v.kind === 'float' ? 1 : 2;
}

// ───────────────────────────────────────────── operations

export type ConstBinaryOp = '+' | '-' | '*' | '/' | '%' | '&' | '|' | '^' | '&^' | '&&' | '||';

/** x op y; `intDiv` selects truncated integer division for `/` on integers. */
export function binaryOp(x: ConstValue, op: ConstBinaryOp, y: ConstValue, intDiv: boolean): ConstValue {
  if (x.kind === 'unknown' || y.kind === 'unknown') return unknownValue;
  if (x.kind === 'bool' && y.kind === 'bool') {
    if (op === '&&') return boolVal(x.value && y.value);
    if (op === '||') return boolVal(x.value || y.value);
    return unknownValue;
  }
  if (x.kind === 'string' && y.kind === 'string') {
    return op === '+' ? stringVal(x.value + y.value) : unknownValue;
  }
  const r = Math.max(rank(x), rank(y));
  if (r === 0 || (intDiv && op === '/' && toInt(x) !== null && toInt(y) !== null)) {
    const a = toInt(x)!;
    const b = toInt(y)!;
    switch (op) {
      case '+': return intVal(a + b);
      case '-': return intVal(a - b);
      case '*': return intVal(a * b);
      case '/':
        if (b === 0n) return unknownValue;
        if (intDiv) return intVal(a / b);
        return { kind: 'float', value: rat(a, b) };
      case '%': return b === 0n ? unknownValue : intVal(a % b);
      case '&': return intVal(a & b);
      case '|': return intVal(a | b);
      case '^': return intVal(a ^ b);
      case '&^': return intVal(a & ~b);
      default: return unknownValue;
    }
  }
  if (r === 1) {
    const a = toRat(x)!;
    const b = toRat(y)!;
    switch (op) {
      case '+': return floatVal(ratAdd(a, b));
      case '-': return floatVal(ratSub(a, b));
      case '*': return floatVal(ratMul(a, b));
      case '/': return b.num === 0n ? unknownValue : floatVal(ratQuo(a, b));
      default: return unknownValue;
    }
  }
  const a = toComplex(x)!;
  const b = toComplex(y)!;
  switch (op) {
    case '+': return { kind: 'complex', re: ratAdd(a.re, b.re), im: ratAdd(a.im, b.im) };
    case '-': return { kind: 'complex', re: ratSub(a.re, b.re), im: ratSub(a.im, b.im) };
    case '*':
      return {
        kind: 'complex',
        re: ratSub(ratMul(a.re, b.re), ratMul(a.im, b.im)),
        im: ratAdd(ratMul(a.re, b.im), ratMul(a.im, b.re)),
      };
    case '/': {
      const d = ratAdd(ratMul(b.re, b.re), ratMul(b.im, b.im));
      if (d.num === 0n) return unknownValue;
      const re = ratAdd(ratMul(a.re, b.re), ratMul(a.im, b.im));
      const im = ratSub(ratMul(a.im, b.re), ratMul(a.re, b.im));
      return { kind: 'complex', re: ratQuo(re, d), im: ratQuo(im, d) };
    }
    default: return unknownValue;
  }
}

export function shift(x: ConstValue, op: '<<' | '>>', s: bigint): ConstValue {
  const a = toInt(x);
  if (a === null) return unknownValue;
  return intVal(op === '<<' ? a << s : a >> s);
}

export type CompareOp = '==' | '!=' | '<' | '<=' | '>' | '>=';

export function compare(x: ConstValue, op: CompareOp, y: ConstValue): boolean {
  let c: number;
  if (x.kind === 'bool' && y.kind === 'bool') {
    c = x.value === y.value ? 0 : 1;
  } else if (x.kind === 'string' && y.kind === 'string') {
    c = x.value < y.value ? -1 : x.value > y.value ? 1 : 0;
  } else if (x.kind === 'complex' || y.kind === 'complex') {
    const a = toComplex(x);
    const b = toComplex(y);
    c = a && b && ratCmp(a.re, b.re) === 0 && ratCmp(a.im, b.im) === 0 ? 0 : 1;
  } else {
    const a = toRat(x);
    const b = toRat(y);
    if (!a || !b) return false;
    c = ratCmp(a, b);
  }
  switch (op) {
    case '==': return c === 0;
    case '!=': return c !== 0;
    case '<': return c < 0;
    case '<=': return c <= 0;
    case '>': return c > 0;
    case '>=': return c >= 0;
  }
}

export function unaryOp(op: '+' | '-' | '^' | '!', x: ConstValue, unsignedBits: number): ConstValue {
  switch (op) {
    case '+': return x;
    case '-':
      if (x.kind === 'int') return intVal(-x.value);
      if (x.kind === 'float') return floatVal(rat(-x.value.num, x.value.den));
      if (x.kind === 'complex') return { kind: 'complex', re: rat(-x.re.num, x.re.den), im: rat(-x.im.num, x.im.den) };
      return unknownValue;
    case '^':
      if (x.kind !== 'int') return unknownValue;
      // For unsigned typed operands ^x flips only the type's bits.
      if (unsignedBits > 0) return intVal(x.value ^ ((1n << BigInt(unsignedBits)) - 1n));
      return intVal(~x.value);
    case '!':
      return x.kind === 'bool' ? boolVal(!x.value) : unknownValue;
  }
}

/** Rounds a float value to float32/float64 precision (the value stays exact afterwards). */
export function roundFloat(v: ConstValue, bits: 32 | 64): ConstValue {
  const r = toRat(v);
  if (!r) return v;
  // Values below max+ulp/2 round to a finite float; compare exactly to avoid double rounding.
  const limit = bits === 32 ? (1n << 128n) - (1n << 103n) : (1n << 1024n) - (1n << 970n);
  const abs = r.num < 0n ? -r.num : r.num;
  if (abs >= limit * r.den) return unknownValue;
  let n = ratToNumber(r);
  if (bits === 32) n = Math.fround(n);
  if (!Number.isFinite(n)) n = (r.num < 0n ? -1 : 1) * (bits === 32 ? 3.4028234663852886e38 : Number.MAX_VALUE);
  return floatVal(ratFromNumber(n));
}

/** gc's text for a constant value in messages (`1`, `"s"`, `1.5`, `true`). */
export function constString(v: ConstValue): string {
  switch (v.kind) {
    case 'bool': return String(v.value);
    case 'string': return JSON.stringify(v.value);
    case 'int': return v.value.toString();
    case 'float': {
      if (v.value.den === 1n) return v.value.num.toString();
      const n = ratToNumber(v.value);
      return String(Number(n.toPrecision(6)));
    }
    case 'complex':
      return `(${constString(floatVal(v.re))} + ${constString(floatVal(v.im))}i)`;
    case 'unknown': return 'unknown';
  }
}
