// Parameter tags: how a function's parameters flow to the heap, to its results, to
// mutations and to calls — the summary callers read at static call sites.
// Follows $GOROOT/src/cmd/compile/internal/escape/leaks.go: a fixed array of minimum deref
// counts (-1 = no flow) for heap, mutator, callee and the first numEscResults results.

/** gc keeps results 0..4 in the tag; flows to later results count as heap flows. */
export const numEscResults = 5;

const HEAP = 0;
const MUTATOR = 1;
const CALLEE = 2;
const RESULT0 = 3;

export class Leaks {
  /** Minimum derefs per slot, -1 when nothing flows there. */
  private readonly slots: number[];

  constructor(slots?: readonly number[]) {
    this.slots = slots ? [...slots] : new Array<number>(RESULT0 + numEscResults).fill(-1);
  }

  clone(): Leaks {
    return new Leaks(this.slots);
  }

  heap(): number { return this.slots[HEAP]!; }
  mutator(): number { return this.slots[MUTATOR]!; }
  callee(): number { return this.slots[CALLEE]!; }
  result(i: number): number { return this.slots[RESULT0 + i]!; }

  addHeap(derefs: number): void { this.add(HEAP, derefs); }
  addMutator(derefs: number): void { this.add(MUTATOR, derefs); }
  addCallee(derefs: number): void { this.add(CALLEE, derefs); }
  addResult(i: number, derefs: number): void { this.add(RESULT0 + i, derefs); }

  private add(i: number, derefs: number): void {
    const old = this.slots[i]!;
    // gc stores derefs+1 in a uint8: counts saturate at 254.
    const d = Math.min(derefs, 254);
    if (old < 0 || d < old) this.slots[i] = d;
  }

  /** A flow to the heap makes equal-or-longer flows elsewhere redundant (leaks.Optimize). */
  optimize(): void {
    const h = this.heap();
    if (h < 0) return;
    for (let i = 1; i < this.slots.length; i++) {
      if (this.slots[i]! >= h) this.slots[i] = -1;
    }
  }

  /** Whether the value flows anywhere at all. */
  any(): boolean {
    return this.slots.some((s) => s >= 0);
  }

  /**
   * A readable tag for models and debugging: `heap=0`, `heap=1 r0=0 mutator=0 callee=0`,
   * or `none`. parseTag reads it back.
   */
  encode(): string {
    const parts: string[] = [];
    if (this.heap() >= 0) parts.push(`heap=${this.heap()}`);
    for (let i = 0; i < numEscResults; i++) if (this.result(i) >= 0) parts.push(`r${i}=${this.result(i)}`);
    if (this.mutator() >= 0) parts.push(`mutator=${this.mutator()}`);
    if (this.callee() >= 0) parts.push(`callee=${this.callee()}`);
    return parts.length ? parts.join(' ') : 'none';
  }
}

/**
 * Reads a tag written by Leaks.encode (or a model's summary). Anything else — an empty or
 * unknown tag — means "leaks to heap", gc's conservative reading (parseLeaks).
 */
export function parseTag(tag: string | undefined | null): Leaks {
  const l = new Leaks();
  const text = (tag ?? '').trim();
  if (text === 'none') return l;
  let understood = false;
  for (const part of text.split(/[\s,]+/)) {
    const m = /^(heap|mutator|callee|r(\d))=(\d+)$/.exec(part);
    if (!m) continue;
    understood = true;
    const d = Number(m[3]);
    if (m[1] === 'heap') l.addHeap(d);
    else if (m[1] === 'mutator') l.addMutator(d);
    else if (m[1] === 'callee') l.addCallee(d);
    else l.addResult(Number(m[2]), d);
  }
  if (!understood) l.addHeap(0);
  return l;
}

/**
 * Tags from a std stub's `//goesc:leaks recv=heap:1 s=none #2=r0:0,mutator:0` directive:
 * slots are `recv`, a parameter name, or `#i` (0-based, receiver not counted) for unnamed
 * or blank ones (models/README.md). Returns one Leaks per parameter, receiver first;
 * unlisted parameters carry no pointers and read as gc's empty tag.
 */
export function tagsFromDirective(
  text: string,
  recv: { readonly sym: string } | null,
  params: readonly { readonly sym: string; readonly blank?: boolean }[],
): Leaks[] {
  const slots = new Map<string, string>();
  for (const item of text.replace(/^\s*\/\/goesc:leaks\b/, '').trim().split(/\s+/)) {
    const eq = item.indexOf('=');
    if (eq > 0) slots.set(item.slice(0, eq), item.slice(eq + 1));
  }
  const read = (tag: string | undefined): Leaks => {
    if (tag === undefined) return parseTag(null);
    const l = new Leaks();
    for (const part of tag.split(',')) {
      const m = /^(heap|mutator|callee|r(\d+)):(\d+)$/.exec(part);
      if (!m) continue;
      const d = Number(m[3]);
      if (m[1] === 'heap') l.addHeap(d);
      else if (m[1] === 'mutator') l.addMutator(d);
      else if (m[1] === 'callee') l.addCallee(d);
      else if (Number(m[2]) < numEscResults) l.addResult(Number(m[2]), d);
    }
    return l;
  };
  const out: Leaks[] = [];
  if (recv) out.push(read(slots.get('recv')));
  params.forEach((p, i) => {
    const unnamed = !p.sym || p.sym === '_' || p.sym.startsWith('~') || p.blank;
    out.push(read(slots.get(unnamed ? `#${i}` : p.sym)));
  });
  return out;
}
