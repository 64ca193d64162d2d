// Progress for runs over many packages (`DIR/...`): one line on stderr, rewritten in place,
// only when stderr is a terminal, so pipes, CI logs and tests stay clean.

export interface Progress {
  /** `done` of `total` finished; `what` is being worked on. */
  update(done: number, total: number, what: string): void;
  /** Clears the line. */
  done(): void;
}

export interface ProgressOptions {
  readonly stream?: NodeJS.WriteStream;
  /** Force on or off; default: when the stream is a TTY and there is more than one item. */
  readonly enabled?: boolean;
  /** Minimum time between redraws. */
  readonly intervalMs?: number;
  readonly now?: () => number;
}

export function createProgress(label: string, options: ProgressOptions = {}): Progress {
  const stream = options.stream ?? process.stderr;
  const now = options.now ?? Date.now;
  const interval = options.intervalMs ?? 100;
  let last = -Infinity;
  let drawn = false;
  const on = (total: number) => options.enabled ?? (stream.isTTY === true && total > 1);
  return {
    update(done, total, what) {
      if (!on(total)) return;
      const t = now();
      if (done < total && t - last < interval) return;
      last = t;
      const width = Math.max(20, (stream.columns ?? 80) - 1);
      const line = `${label} ${done}/${total} ${what}`;
      stream.write('\r' + (line.length > width ? line.slice(0, width - 1) + '…' : line.padEnd(width)));
      drawn = true;
    },
    done() {
      if (!drawn) return;
      const width = Math.max(20, (stream.columns ?? 80) - 1);
      stream.write('\r' + ' '.repeat(width) + '\r');
      drawn = false;
    },
  };
}
