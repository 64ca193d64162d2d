// Bursts of edits are coalesced per key (a package directory): the first change after a
// quiet spell runs on the next turn of the event loop, so a lone keystroke costs no wait
// (setImmediate, after the messages already read: a timer of 0 ms would put the process to
// sleep for a millisecond, and a busy machine makes it wait longer to run again); changes
// that arrive within `windowMs` of the previous run's start wait for the window to close
// and then run once, on the text as it is then. A request that needs a current
// answer (hover, inlay hints) flushes the pending run first.

/** A scheduled run: a timer, or an immediate for a run without delay. */
type Scheduled = { readonly timer: ReturnType<typeof setTimeout> } | { readonly immediate: ReturnType<typeof setImmediate> };

function cancel(s: Scheduled): void {
  if ('timer' in s) clearTimeout(s.timer);
  else clearImmediate(s.immediate);
}

export class Debouncer<K> {
  private readonly pending = new Map<K, Scheduled>();
  private readonly lastStart = new Map<K, number>();

  constructor(
    private readonly run: (key: K) => void,
    readonly windowMs = 40,
  ) {}

  schedule(key: K): void {
    if (this.pending.has(key)) return;
    const since = performance.now() - (this.lastStart.get(key) ?? -Infinity);
    const delay = since >= this.windowMs ? 0 : this.windowMs - since;
    this.pending.set(key, delay === 0 ? { immediate: setImmediate(() => this.fire(key)) } : { timer: setTimeout(() => this.fire(key), delay) });
  }

  /** Runs the pending work for `key` now, if there is any. */
  flush(key: K): void {
    const t = this.pending.get(key);
    if (t === undefined) return;
    cancel(t);
    this.fire(key);
  }

  isPending(key: K): boolean {
    return this.pending.has(key);
  }

  /** Whether any key has work waiting. */
  anyPending(): boolean {
    return this.pending.size > 0;
  }

  private fire(key: K): void {
    this.pending.delete(key);
    this.lastStart.set(key, performance.now());
    this.run(key);
  }
}
