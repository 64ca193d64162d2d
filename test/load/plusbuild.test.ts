// Old-style // +build lines: where go/build counts them, and //go:build winning over them.
import { it, expect } from 'vitest';
import { plusBuildLines, constraintsHold, linuxAmd64 } from '../../src/load/index.js';
const b = (s: string) => new TextEncoder().encode(s);
it("counts +build lines only before a blank line, and only without a //go:build line", () => {
  expect(plusBuildLines(b('// +build linux\npackage p\n'))).toEqual([]);
  expect(plusBuildLines(b('// +build linux\n\npackage p\n'))).toEqual(['linux']);
  expect(plusBuildLines(b('// +build windows\n\n// doc\npackage p\n'))).toEqual(['windows']);
  expect(plusBuildLines(b('// doc\n// +build windows\npackage p\n'))).toEqual([]);
  expect(constraintsHold(b('// +build windows\n\npackage p\n'), linuxAmd64)).toBe(false);
  expect(constraintsHold(b('//go:build windows\n// +build linux\n\npackage p\n'), linuxAmd64)).toBe(false);
  expect(constraintsHold(b('/* x */\n//go:build !linux\npackage p\n'), linuxAmd64)).toBe(false);
});
