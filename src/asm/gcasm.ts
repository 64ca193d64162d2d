// Reading the real compiler's `-S` listing: per function its TEXT directive and the calls to
// runtime allocation routines, with the source line of each and, for newobject, the type
// loaded by the `LEAQ type:T(SB), AX` before it. The set of routines is the one the corpus
// fixtures use (scripts/lib/asm.mjs), so that predictions, fixtures and live runs count
// the same calls.

export interface RealAlloc {
  readonly func: string;
  readonly file: string;
  readonly line: number;
  readonly call: string;
  readonly type?: string;
}

export interface RealFunc {
  readonly function: string;
  /** The TEXT directive as printed (`TEXT\tp.f(SB), ABIInternal, $24-8`). */
  readonly text: string;
  readonly allocs: RealAlloc[];
}

export const allocRoutine =
  /^(newobject|mallocgc\w*|makeslice\w*|growslice\w*|makemap\w*|makechan\w*|convT\w*|concatstring\w*|concatbyte\w*|slicebytetostring\w*|slicerunetostring|stringtoslicebyte|stringtoslicerune|intstring|rawstring\w*|newproc\w*|deferproc\w*|move2heap\w*)$/;

export function readListing(listing: string): RealFunc[] {
  const funcs: RealFunc[] = [];
  let cur: { function: string; text: string; allocs: RealAlloc[] } | null = null;
  let lastType: string | undefined;
  for (const line of listing.split('\n')) {
    const head = /^(\S.*?) STEXT /.exec(line); // a shape instance's name has spaces (`F[go.shape.interface {}]`)
    if (head) {
      cur = { function: head[1]!, text: '', allocs: [] };
      funcs.push(cur);
      lastType = undefined;
      continue;
    }
    const ins = /^\t0x[0-9a-f]+ \d+ \(([^)]*):(\d+)\)\t(\S+)\t(.*)$/.exec(line);
    if (!ins || !cur) continue;
    const [, file, lineNo, op, operands] = ins as unknown as [string, string, string, string, string];
    if (op === 'TEXT') {
      cur.text = `TEXT\t${operands}`;
      continue;
    }
    if (op === 'LEAQ') {
      const t = /^type:(.+)\(SB\), AX$/.exec(operands);
      if (t) lastType = t[1];
      continue;
    }
    if (op !== 'CALL') continue;
    const callee = /^runtime\.(\w+)\(SB\)$/.exec(operands);
    if (!callee || !allocRoutine.test(callee[1]!)) continue;
    const call = `runtime.${callee[1]}`;
    cur.allocs.push({
      func: cur.function, file, line: Number(lineNo), call,
      ...(callee[1] === 'newobject' && lastType !== undefined ? { type: lastType } : {}),
    });
    lastType = undefined;
  }
  return funcs;
}
