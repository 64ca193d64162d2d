// Reading the `//goesc:leaks` directives of the standard-library stubs (models/<go>/std):
// per parameter, the escape tag gc computed when it compiled std (escape/leaks.go).
//
//   //goesc:leaks recv=heap:1 s=none
//   //goesc:leaks format=heap:0 a=heap:1 #2=r0:0,mutator:0
//
// Slots are `recv`, a parameter name, or `#i` (0-based, receiver not counted); a tag is a
// comma list of `none`, `heap:N`, `rK:N`, `mutator:N`, `callee:N` (models/README.md).

/** One parameter's tag: the minimum deref count per sink, -1 when it does not flow there. */
export interface LeakTag {
  readonly heap: number;
  readonly mutator: number;
  readonly callee: number;
  /** Index K → derefs for result K; only results it flows to. */
  readonly results: ReadonlyMap<number, number>;
}

export type LeaksDirective = ReadonlyMap<string, LeakTag>;

const part = /^(none|heap|mutator|callee|r(\d+))(?::(\d+))?$/;

/**
 * Parse the text of a `//goesc:leaks` line (with or without the `//goesc:leaks` prefix).
 * Throws on malformed input: stubs are generated, so a bad one is a bug worth seeing.
 */
export function parseLeaksDirective(text: string): LeaksDirective {
  const body = text.replace(/^\s*\/\/goesc:leaks\b/, '').trim();
  const out = new Map<string, LeakTag>();
  if (body === '') return out;
  for (const item of body.split(/\s+/)) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new Error(`//goesc:leaks: expected slot=tag, got ${JSON.stringify(item)}`);
    const slot = item.slice(0, eq);
    let heap = -1;
    let mutator = -1;
    let callee = -1;
    const results = new Map<number, number>();
    const min = (old: number, d: number) => (old < 0 || d < old ? d : old);
    for (const p of item.slice(eq + 1).split(',')) {
      const m = part.exec(p);
      if (!m || (m[1] !== 'none') !== (m[3] !== undefined)) {
        throw new Error(`//goesc:leaks: bad tag part ${JSON.stringify(p)} for ${slot}`);
      }
      const d = Number(m[3]);
      if (m[1] === 'heap') heap = min(heap, d);
      else if (m[1] === 'mutator') mutator = min(mutator, d);
      else if (m[1] === 'callee') callee = min(callee, d);
      else if (m[2] !== undefined) results.set(Number(m[2]), min(results.get(Number(m[2])) ?? -1, d));
    }
    out.set(slot, { heap, mutator, callee, results });
  }
  return out;
}

/**
 * The slot name a directive uses for parameter `index` named `name`: the name, or `#i` when it
 * is unnamed, blank, or named `recv` (which means the receiver).
 */
export function leaksSlot(name: string | null | undefined, index: number): string {
  return !name || name === '_' || name === 'recv' ? `#${index}` : name;
}

/**
 * The tag in src/escape/leaks.ts's readable form (`heap=0 r0=1 mutator=0`, or `none`), which
 * its parseTag reads back.
 */
export function toEscapeTagText(tag: LeakTag): string {
  const parts: string[] = [];
  if (tag.heap >= 0) parts.push(`heap=${tag.heap}`);
  for (const [k, d] of [...tag.results].sort((a, b) => a[0] - b[0])) parts.push(`r${k}=${d}`);
  if (tag.mutator >= 0) parts.push(`mutator=${tag.mutator}`);
  if (tag.callee >= 0) parts.push(`callee=${tag.callee}`);
  return parts.length > 0 ? parts.join(' ') : 'none';
}
