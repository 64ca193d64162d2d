// Parameter tags: how a function's parameters flow to the heap, to its results, to
// mutations and to calls — the summary callers read at static call sites — and the one codec
// for their text form, the `//goesc:leaks` directive of the std stubs (models/README.md).
//
// Follows $GOROOT/src/cmd/compile/internal/escape/leaks.go: a fixed array of minimum deref
// counts (-1 = no flow) for heap, mutator, callee and the first numEscResults results. gc
// encodes it into export data as bytes; goesc's std models carry it as text, one slot per
// parameter:
//
//   //goesc:leaks recv=heap:1 s=none
//   //goesc:leaks format=heap:0 a=heap:1 #2=r0:0,mutator:0
//
// A slot is `recv` (the receiver), a parameter's name, or `#i` (0-based, receiver not
// counted) for an unnamed or blank parameter and for one that is itself named `recv`
// (leaksSlot; scripts/models-std/tags.go writes the same rule). A tag is a comma list of
// `none`, `heap:N`, `rK:N`, `mutator:N`, `callee:N`. The std models, the analysis
// (tagsFromDirective) and the tests all read and write tags through this module.

import { InternalError, invariant } from '../errors.js';

/** gc keeps results 0..4 in the tag; flows to later results count as heap flows. */
export const numEscResults = 5;

const HEAP = 0;
const MUTATOR = 1;
const CALLEE = 2;
const RESULT0 = 3;

/** gc stores derefs+1 in a uint8: counts saturate at 254. */
const maxDerefs = 254;

export class Leaks {
  /** Minimum derefs per slot, -1 when nothing flows there. */
  private readonly slots: number[];

  constructor(slots?: readonly number[]) {
    this.slots = slots ? [...slots] : new Array<number>(RESULT0 + numEscResults).fill(-1);
  }

  /** gc's reading of a missing or empty tag (parseLeaks): the value leaks to the heap. */
  static unknown(): Leaks {
    const l = new Leaks();
    l.addHeap(0);
    return l;
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
    // leaks.set: a negative count is a solver bug (base.Fatalf "invalid derefs count").
    invariant(derefs >= 0, () => `invalid derefs count: ${derefs}`);
    const old = this.slots[i]!;
    const d = Math.min(derefs, maxDerefs);
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

  equals(other: Leaks): boolean {
    return this.slots.every((s, i) => s === other.slots[i]);
  }

  /** The tag as a directive writes it: `heap:1,r0:0,mutator:0,callee:0`, or `none`. */
  format(): string {
    const parts: string[] = [];
    if (this.heap() >= 0) parts.push(`heap:${this.heap()}`);
    for (let i = 0; i < numEscResults; i++) if (this.result(i) >= 0) parts.push(`r${i}:${this.result(i)}`);
    if (this.mutator() >= 0) parts.push(`mutator:${this.mutator()}`);
    if (this.callee() >= 0) parts.push(`callee:${this.callee()}`);
    return parts.length ? parts.join(',') : 'none';
  }
}

const tagPart = /^(none|heap|mutator|callee|r(\d+))(?::(\d+))?$/;

/** Reads one slot's tag (`heap:0,r1:2`, `none`). Throws on a malformed part: stubs are generated. */
export function parseTag(text: string, slot = '?'): Leaks {
  const l = new Leaks();
  for (const p of text.split(',')) {
    const m = tagPart.exec(p);
    if (!m || (m[1] !== 'none') !== (m[3] !== undefined)) {
      throw new InternalError(`//goesc:leaks: bad tag part ${JSON.stringify(p)} for ${slot}`);
    }
    const d = Number(m[3]);
    if (m[1] === 'heap') l.addHeap(d);
    else if (m[1] === 'mutator') l.addMutator(d);
    else if (m[1] === 'callee') l.addCallee(d);
    else if (m[2] !== undefined) {
      // leaks.AddResult past the kept results is a heap flow.
      const k = Number(m[2]);
      if (k < numEscResults) l.addResult(k, d);
      else l.addHeap(d);
    }
  }
  return l;
}

/**
 * The slots of a `//goesc:leaks` line (with or without the `//goesc:leaks` prefix), in order.
 * Throws on malformed input: stubs are generated, so a bad one is a bug worth seeing.
 */
export function parseLeaksDirective(text: string): ReadonlyMap<string, Leaks> {
  const body = text.replace(/^\s*\/\/goesc:leaks\b/, '').trim();
  const out = new Map<string, Leaks>();
  if (body === '') return out;
  for (const item of body.split(/\s+/)) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new InternalError(`//goesc:leaks: expected slot=tag, got ${JSON.stringify(item)}`);
    const slot = item.slice(0, eq);
    out.set(slot, parseTag(item.slice(eq + 1), slot));
  }
  return out;
}

/** Writes a directive's text (without the `//goesc:leaks` prefix) back from its slots. */
export function formatLeaksDirective(slots: ReadonlyMap<string, Leaks>): string {
  return [...slots].map(([slot, l]) => `${slot}=${l.format()}`).join(' ');
}

/**
 * The slot of parameter `index` (receiver not counted) named `name`: the name, or `#i` when
 * it is unnamed (`''`, a compiler name `~p0`), blank, or named `recv` (which means the receiver).
 */
export function leaksSlot(name: string | null | undefined, index: number): string {
  return !name || name === '_' || name.startsWith('~') || name === 'recv' ? `#${index}` : name;
}

/**
 * The tags of a function from its directive: one Leaks per parameter, receiver first. An
 * unlisted parameter carries no pointers and reads as gc's empty tag (Leaks.unknown).
 */
export function tagsFromDirective(
  text: string,
  recv: { readonly sym: string } | null,
  params: readonly { readonly sym: string; readonly blank?: boolean }[],
): Leaks[] {
  const slots = parseLeaksDirective(text);
  const read = (slot: string): Leaks => slots.get(slot)?.clone() ?? Leaks.unknown();
  const out: Leaks[] = [];
  if (recv) out.push(read('recv'));
  params.forEach((p, i) => out.push(read(leaksSlot(p.blank ? '_' : p.sym, i))));
  return out;
}
