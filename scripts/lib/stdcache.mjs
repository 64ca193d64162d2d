// A goesc result cache holding only std stubs' parses: goesc's counterpart of the prebuilt
// std a go build starts from (its GOCACHE with std built, or go tool compile's export
// data). The benchmarks that time a cold analysis start each run from a fresh copy of it.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** Empties `dir` (a goesc cache after one run) of everything but the stub parses. */
export function keepStdParses(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) keepStdParses(p);
    else if (!e.name.endsWith('.parse.json')) rmSync(p, { force: true });
  }
}
