// Reduces `go tool compile -S` output to what escape analysis decides: the calls to runtime
// allocation routines, per function and source line, in the order of the listing. For
// runtime.newobject the allocated type comes from the `LEAQ type:T(SB), AX` that loads its
// argument (walk/builtin.go and ssagen emit exactly that pair). The routine list follows
// the runtime entry points that walk/ lowers allocations to (builtin.go, convert.go,
// complit.go, closure.go, order.go, range.go) plus Go 1.26's runtime.move2heap.

const allocCall =
  /^(newobject|mallocgc\w*|makeslice\w*|growslice\w*|makemap\w*|makechan\w*|convT\w*|concatstring\w*|concatbyte\w*|slicebytetostring\w*|slicerunetostring|stringtoslicebyte|stringtoslicerune|intstring|rawstring\w*|newproc\w*|deferproc\w*|move2heap\w*)$/;

/** @returns {{func: string, file: string, line: number, call: string, type?: string}[]} */
export function allocationCalls(listing) {
  const allocs = [];
  let func = '';
  let lastType;
  for (const line of listing.split('\n')) {
    const text = /^(\S+) STEXT/.exec(line);
    if (text) {
      func = text[1];
      lastType = undefined;
      continue;
    }
    const ins = /^\t0x[0-9a-f]+ \d+ \(([^)]*):(\d+)\)\t(\S+)\t(.*)$/.exec(line);
    if (!ins) continue;
    const [, file, lineNo, op, operands] = ins;
    if (op === 'LEAQ') {
      const t = /^type:(.+)\(SB\), AX$/.exec(operands);
      if (t) lastType = t[1];
      continue;
    }
    if (op !== 'CALL') continue;
    const callee = /^runtime\.(\w+)\(SB\)$/.exec(operands);
    if (!callee || !allocCall.test(callee[1])) continue;
    const entry = { func, file, line: Number(lineNo), call: `runtime.${callee[1]}` };
    if (callee[1] === 'newobject' && lastType !== undefined) entry.type = lastType;
    allocs.push(entry);
    lastType = undefined;
  }
  return allocs;
}
