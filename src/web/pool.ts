// The parse pool in the browser playground: none. The worker that runs the analysis is
// already off the page's thread, and node's worker_threads are not there; prepare() parses
// on its own thread when startParsePool gives no pool.

import type { ParsePool } from '../syntax/pool.js';

export type { ParsePool };

export function shouldUsePool(): boolean {
  return false;
}

export function startParsePool(): ParsePool | null {
  return null;
}
