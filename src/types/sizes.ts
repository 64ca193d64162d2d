// Memory layout under gc's rules (go/types gcsizes.go, SizesFor("gc", "amd64")): sizes and
// alignments of basic types from a per-architecture table, strings/slices/interfaces as 2–3
// words, complex aligned as its halves, struct fields aligned in order, and a final
// zero-size field of a non-empty struct padded to one byte so that a pointer to it never
// points past the object.

import type { Var } from './objects.js';
import type { Type } from './types.js';
import { under } from './types.js';

export interface Sizes {
  sizeof(t: Type): number;
  alignof(t: Type): number;
  offsetsof(fields: readonly Var[]): number[];
}

export interface ArchLayout {
  readonly wordSize: number;
  readonly maxAlign: number;
}

/** The gc architectures goesc knows; amd64 is the model's default. */
export const archLayouts: Readonly<Record<string, ArchLayout>> = {
  amd64: { wordSize: 8, maxAlign: 8 },
  arm64: { wordSize: 8, maxAlign: 8 },
  '386': { wordSize: 4, maxAlign: 4 },
};

const basicSizes: Readonly<Record<string, number>> = {
  bool: 1,
  int8: 1, uint8: 1,
  int16: 2, uint16: 2,
  int32: 4, uint32: 4, float32: 4,
  int64: 8, uint64: 8, float64: 8, complex64: 8,
  complex128: 16,
};

function alignUp(x: number, a: number): number {
  return Math.ceil(x / a) * a;
}

export class GcSizes implements Sizes {
  /**
   * Sizes by type, weakly held: amd64Sizes is one value for the process, and a plain map
   * kept every type it ever sized, and through them every package checked (a server's
   * edits leaked 0.3 MB each).
   */
  private readonly cache = new WeakMap<Type, number>();
  constructor(private readonly arch: ArchLayout = archLayouts.amd64!) {}

  alignof(t: Type): number {
    const u = under(t);
    switch (u.kind) {
      case 'Array':
        return this.alignof(u.elem);
      case 'Struct': {
        let max = 1;
        for (const f of u.fields) max = Math.max(max, this.alignof(f.type));
        return max;
      }
      case 'Slice':
      case 'Interface':
        return this.arch.wordSize;
      case 'Basic':
        if (u.basic === 'string') return this.arch.wordSize;
        break;
      default:
        break;
    }
    let a = this.sizeof(u);
    if (u.kind === 'Basic' && (u.basic === 'complex64' || u.basic === 'complex128')) a /= 2;
    if (a < 1) return 1;
    return Math.min(a, this.arch.maxAlign);
  }

  offsetsof(fields: readonly Var[]): number[] {
    const offsets: number[] = [];
    let offs = 0;
    for (const f of fields) {
      offs = alignUp(offs, this.alignof(f.type));
      offsets.push(offs);
      offs += this.sizeof(f.type);
    }
    return offsets;
  }

  sizeof(t: Type): number {
    const u = under(t);
    const hit = this.cache.get(u);
    if (hit !== undefined) return hit;
    const size = this.compute(u);
    this.cache.set(u, size);
    return size;
  }

  private compute(u: Type): number {
    const w = this.arch.wordSize;
    switch (u.kind) {
      case 'Basic': {
        const s = basicSizes[u.basic];
        if (s !== undefined) return s;
        if (u.basic === 'string') return 2 * w;
        return w; // int, uint, uintptr, unsafe.Pointer
      }
      case 'Array': {
        const n = Number(u.len);
        if (n <= 0) return 0;
        return this.sizeof(u.elem) * n;
      }
      case 'Slice':
        return 3 * w;
      case 'Struct': {
        const n = u.fields.length;
        if (n === 0) return 0;
        const offsets = this.offsetsof(u.fields);
        const offs = offsets[n - 1]!;
        let size = this.sizeof(u.fields[n - 1]!.type);
        if (offs > 0 && size === 0) size = 1;
        return alignUp(offs + size, this.alignof(u));
      }
      case 'Interface':
        return 2 * w;
      case 'Tuple': {
        let offs = 0;
        for (const v of u.vars) offs = alignUp(offs, this.alignof(v.type)) + this.sizeof(v.type);
        return offs;
      }
      default:
        return w; // pointer, map, chan, func, type parameter (never laid out)
    }
  }
}

/** The layout go/types reports for SizesFor("gc", "amd64"). */
export const amd64Sizes: Sizes = new GcSizes();
