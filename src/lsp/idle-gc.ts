// Garbage collection between edits, not during them. A run allocates a few megabytes that
// are dead once its diagnostics are out; left to V8, the young generation fills up in the
// middle of the next run, and that scavenge then copies the live half-built AST, types and
// IR of the run it interrupts (measured 2-12 ms, a large share of an edit's latency). Run
// in the pause after a publish, a minor collection finds only the last result alive and
// leaves the next edit an empty young generation. Each result the server keeps is promoted
// to the old generation once its successor replaces it; when the heap has doubled since
// the last full collection, the pause gets a full one instead, so that the marking V8
// would otherwise start and finish inside a run happens here. V8 offers no such call
// without `--expose-gc`; the flag is set at run time, and a new context then holds the
// `gc` function. If that fails, nothing is collected here.

import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

type GcFunction = (options?: { type?: 'major' | 'minor'; execution?: 'sync' }) => void;

/** A collector for the server's pauses, or null when V8 will not hand one out. */
export function idleCollector(): (() => void) | null {
  let gc: GcFunction;
  try {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as GcFunction;
    if (typeof gc !== 'function') return null;
  } catch {
    return null;
  }
  let afterMajor = 0;
  return () => {
    const used = getHeapStatistics().used_heap_size;
    if (afterMajor === 0 || used > afterMajor * 2) {
      gc({ type: 'major' });
      afterMajor = getHeapStatistics().used_heap_size;
    } else {
      gc({ type: 'minor' });
    }
  };
}
