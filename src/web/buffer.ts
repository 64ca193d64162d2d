// The part of node's Buffer the pipeline uses (latin1 views of source bytes, UTF-8
// round trips of Go strings, blanked copies of std body files), for the browser bundle,
// where scripts/build-web.mjs injects it as the global `Buffer`. Same results as node's:
// latin1 is one character per byte, UTF-8 decoding replaces bad sequences with U+FFFD.

type Encoding = 'utf8' | 'utf-8' | 'latin1' | 'binary';

// @ts-expect-error: node's Buffer.from takes other arguments than Uint8Array.from, as this one does
export class Buffer extends Uint8Array {
  static override from(value: ArrayBufferLike | ArrayLike<number> | string, offsetOrEncoding?: number | Encoding, length?: number): Buffer {
    if (typeof value === 'string') {
      const enc = (offsetOrEncoding ?? 'utf8') as Encoding;
      if (enc === 'latin1' || enc === 'binary') {
        const out = new Buffer(value.length);
        for (let i = 0; i < value.length; i++) out[i] = value.charCodeAt(i) & 0xff;
        return out;
      }
      const bytes = new TextEncoder().encode(value);
      return new Buffer(bytes.buffer, bytes.byteOffset, bytes.length);
    }
    if (value instanceof ArrayBuffer || (typeof SharedArrayBuffer !== 'undefined' && value instanceof SharedArrayBuffer)) {
      const offset = typeof offsetOrEncoding === 'number' ? offsetOrEncoding : 0;
      return new Buffer(value as ArrayBuffer, offset, length ?? value.byteLength - offset);
    }
    const src = value as ArrayLike<number>;
    const out = new Buffer(src.length);
    out.set(src);
    return out;
  }

  static alloc(size: number, fill = 0): Buffer {
    const out = new Buffer(size);
    if (fill !== 0) out.fill(fill);
    return out;
  }

  static isBuffer(x: unknown): x is Buffer {
    return x instanceof Buffer;
  }

  override toString(encoding: Encoding = 'utf8', start = 0, end = this.length): string {
    const view = this.subarray(start, end);
    if (encoding === 'latin1' || encoding === 'binary') {
      let out = '';
      for (let i = 0; i < view.length; i += 8192) out += String.fromCharCode.apply(null, view.subarray(i, i + 8192) as unknown as number[]);
      return out;
    }
    return new TextDecoder().decode(view);
  }

  equals(other: Uint8Array): boolean {
    if (other.length !== this.length) return false;
    for (let i = 0; i < this.length; i++) if (this[i] !== other[i]) return false;
    return true;
  }

  copy(target: Uint8Array, targetStart = 0, sourceStart = 0, sourceEnd = this.length): number {
    const part = this.subarray(sourceStart, Math.min(sourceEnd, sourceStart + target.length - targetStart));
    target.set(part, targetStart);
    return part.length;
  }
}
