import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/format/progress.js';

function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  return { stream: { isTTY, columns: 40, write: (s: string) => (written.push(s), true) } as unknown as NodeJS.WriteStream, written };
}

describe('progress on stderr', () => {
  it('draws and clears one line on a terminal for multi-package runs', () => {
    const { stream, written } = fakeStream(true);
    let t = 0;
    const p = createProgress('goesc', { stream, now: () => (t += 1000) });
    p.update(0, 3, 'a/b');
    p.update(1, 3, 'a/c');
    p.update(3, 3, '');
    p.done();
    expect(written[0]).toBe('\r' + 'goesc 0/3 a/b'.padEnd(39));
    expect(written).toHaveLength(4);
    expect(written[3]).toBe('\r' + ' '.repeat(39) + '\r');
  });

  it('stays quiet when stderr is not a terminal, or for a single package', () => {
    const pipe = fakeStream(false);
    const p = createProgress('goesc', { stream: pipe.stream });
    p.update(0, 5, 'x');
    p.done();
    expect(pipe.written).toEqual([]);
    const tty = fakeStream(true);
    const q = createProgress('goesc', { stream: tty.stream });
    q.update(0, 1, 'x');
    q.done();
    expect(tty.written).toEqual([]);
  });

  it('throttles redraws but always draws the last step', () => {
    const { stream, written } = fakeStream(true);
    const p = createProgress('goesc', { stream, now: () => 5, intervalMs: 100 });
    p.update(0, 10, 'a');
    p.update(1, 10, 'b');
    p.update(10, 10, '');
    expect(written).toHaveLength(2);
  });
});
