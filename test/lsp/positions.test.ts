// gc's byte columns ↔ the editor's UTF-16 columns, and the extent of a diagnostic.
import { describe, expect, it } from 'vitest';
import { byteColumn, LineIndex, utf16Column } from '../../src/lsp/positions.js';
import { parseSettings } from '../../src/lsp/settings.js';

describe('columns', () => {
  it('agree on ASCII and differ by UTF-8 vs UTF-16 lengths elsewhere', () => {
    expect(utf16Column('\tx := 0', 2)).toBe(1);
    // "é" is 2 bytes, 1 UTF-16 unit; "😀" 4 bytes, 2 units.
    const line = 's := "é😀"; y := 1';
    const yByteCol = Buffer.byteLength(line.slice(0, line.indexOf('y'))) + 1;
    expect(utf16Column(line, yByteCol)).toBe(line.indexOf('y'));
    expect(byteColumn(line, line.indexOf('y'))).toBe(yByteCol);
  });
});

describe('ranges', () => {
  const text = 'func f() {\n\tt := &T{\n\t\ta: 1,\n\t}\n\tfmt.Println(t.a)\n}\n';
  const lines = new LineIndex(text);
  it('start at gc position and cover the subject, over lines for an abbreviated literal', () => {
    expect(lines.range(2, 7, '&T{...}')).toEqual({ start: { line: 1, character: 6 }, end: { line: 3, character: 2 } });
    // A selector: gc's position is the dot; the range runs to the end of `t.a`.
    expect(lines.range(5, 15, 't.a')).toEqual({ start: { line: 4, character: 14 }, end: { line: 4, character: 16 } });
    // No subject found: the identifier at the position.
    expect(lines.range(5, 2, undefined)).toEqual({ start: { line: 4, character: 1 }, end: { line: 4, character: 4 } });
  });
});

describe('settings', () => {
  it('read gc-style flags and named fields; unknown ones are warnings', () => {
    expect(parseSettings(undefined).settings).toMatchObject({ m: 1, smallframes: false, showStack: true });
    expect(parseSettings({ flags: ['-m', '-m', '-l', '-smallframes', '-p=x/y'] }).settings).toMatchObject({ m: 2, smallframes: true, packagePath: 'x/y' });
    expect(parseSettings({ goesc: { flags: ['-m=2'], showStack: false } }).settings).toMatchObject({ m: 2, showStack: false });
    expect(parseSettings({ flags: [] }).settings.m).toBe(0);
    const bad = parseSettings({ flags: ['-bogus'], showStack: 'yes' });
    expect(bad.warnings).toHaveLength(2);
    expect(bad.settings.showStack).toBe(true);
  });
});
