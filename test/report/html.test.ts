import { describe, expect, it } from 'vitest';
import { compareAllocs, escapeHtml, renderReport, type ReportInput } from '../../src/report/html.js';
import { seedDiagnostics } from './fixtures.js';

const seedSource = `package main

func stackOnly() int {
\ty := 42
\treturn y
}

func hostile() string { return "<script>alert(1)</script>" }
func unused() {}
func escapeToHeap() *int {
\tx := 42
\treturn &x
}

func sliceEscape() []int {
\ts := make([]int, 10)
\treturn s
}
`;

export const seedReportInput: ReportInput = {
  title: 'seed <report>',
  tool: 'goesc test',
  files: [{ path: 'seed.go', text: seedSource }],
  diagnostics: [
    ...seedDiagnostics,
    { file: 'seed.go', line: 4, col: 2, message: 'y does not escape', kind: 'does-not-escape' },
  ],
  functions: [
    {
      name: 'main.escapeToHeap',
      file: 'seed.go',
      line: 10,
      graphSvg: '<svg id="g1"><g class="edge escaping"></g></svg>',
      predicted: [{ line: 11, call: 'runtime.newobject', type: 'int', why: 'moved to heap: x' }],
      real: [{ line: 11, call: 'runtime.newobject', type: 'int' }],
    },
    {
      name: 'main.sliceEscape',
      file: 'seed.go',
      line: 15,
      predicted: [{ line: 16, call: 'runtime.makeslice' }],
      real: [{ line: 16, call: 'runtime.growslice' }],
      stack: [{ name: 's', type: '[]int', line: 16, size: 24 }],
    },
    {
      name: 'main.stackOnly',
      file: 'seed.go',
      line: 3,
      predicted: [],
      stack: [{ name: 'yy', type: 'int', line: 4, size: 8 }, { name: '~r0', type: 'int', line: 3, size: 8 }],
    },
  ],
  realSource: 'the test fixture',
  whatif: {
    label: '--smallframes',
    changes: [{ sign: '+', diagnostic: { file: 'seed.go', line: 4, col: 2, message: 'moved to heap: y', kind: 'moved-to-heap' } }],
  },
};

describe('renderReport', () => {
  const html = renderReport(seedReportInput);

  it('is one self-contained page that forbids network loads', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain(`content="default-src 'none';`);
    expect(html).not.toMatch(/<(link|img|iframe)\b/);
    expect(html).not.toMatch(/\b(src|href)="(https?:)?\/\//);
  });

  it('escapes all source text: a Go string holding <script> shows as text', () => {
    expect(html).toContain('&quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot;');
    expect(html.match(/<script>/g)).toHaveLength(1); // only the page's own script
    expect(html).toContain('<title>package main (seed &lt;report&gt;) · goesc report</title>');
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('puts a badge at each allocation site, at gc\u2019s column', () => {
    expect(html).toContain('\t<span class="badge heap" title="moved to heap: x">heap</span>x := 42');
    expect(html).toContain('s := make<span class="badge heap" title="make([]int, 10) escapes to heap">heap</span>([]int, 10)');
    expect(html).toContain('<span class="badge stack" title="y does not escape">stack</span>y := 42');
  });

  it('marks variables kept in the frame with a stack badge at their name', () => {
    expect(html).toContain('\t<span class="badge stack" title="s ([]int, 24 bytes) stays in the frame">stack</span>s := make<span class="badge heap"');
    expect(html).toContain('Kept in the frame: <code>s []int</code> (24 B, line 16)');
    // a name that is not on its line, or is not an identifier, gets no badge
    expect(html).not.toContain('yy (int');
    expect(html).not.toContain('~r0 (int');
  });

  it('shows the -m=2 explanation on demand beside the decision', () => {
    expect(html).toMatch(/<details class="diag kind-moved-to-heap heap"><summary[^>]*><span class="col"[^>]*>col 2<\/span> <span[^>]*>moved to heap: x<\/span><span class="hint">hint: [^<]+<\/span><\/summary>/);
    expect(html).toContain('<code>~r0 ← &amp;x</code>');
    expect(html).toContain('from <code>return &amp;x</code> (return) at 12:2');
    // the flow lines themselves are folded into the explanation, not listed as decisions
    expect(html).not.toContain('col 2</span>   flow:');
  });

  it('lays the predicted allocation code next to the real -S, marking disagreements', () => {
    expect(html).toContain('<svg id="g1">');
    expect(html).toContain('(real column: the test fixture)');
    expect(html).toMatch(/<tr class="match">.*CALL runtime\.newobject\(SB\).*CALL runtime\.newobject\(SB\).*✓/);
    expect(html).toMatch(/<tr class="differ">.*CALL runtime\.makeslice\(SB\).*<td class="real"><\/td><td class="mark">✗/);
    expect(compareAllocs([{ line: 3, call: 'a' }], [{ line: 3, call: 'a' }, { line: 5, call: 'b' }]).map((r) => r.mark)).toEqual(['=', '+']);
  });

  it('marks what-if changes on their lines and in a summary', () => {
    expect(html).toContain('<h2>What if: --smallframes</h2>');
    expect(html).toContain('<code>+ seed.go:4:2: moved to heap: y</code>');
    expect(html).toMatch(/<tr id="L-seed.go-4" class="whatif-changed">/);
    const none = renderReport({ ...seedReportInput, whatif: { label: '--set a.b=1', changes: [] } });
    expect(none).toContain('The change alters no decision.');
    expect(renderReport({ ...seedReportInput, whatif: undefined } as ReportInput)).not.toContain('What if');
  });
});

describe('reading aids', () => {
  it('turns the capture jargon into words, keeping gc’s line as the tooltip', async () => {
    const { readableMessage } = await import('../../src/report/html.js');
    expect(readableMessage('f capturing by value: x (addr=false assign=true width=8)')).toBe(
      'f capturing by value: x (8 bytes, reassigned, address not taken)',
    );
    expect(readableMessage('moved to heap: x')).toBe('moved to heap: x');
  });
  it('gives a heap decision a hint from its cause', async () => {
    const { heapHint } = await import('../../src/report/html.js');
    const d = { file: 'a.go', line: 3, col: 2, message: 'moved to heap: x', kind: 'moved-to-heap' as const };
    const step = (why: string) => ({ dst: '~r0', ops: '&', src: 'x', notes: [{ where: 'x', why, at: { file: 'a.go', line: 4, col: 9 } }] });
    const explanation = (why: string) => ({ event: 'escapes', subject: 'x', sink: '{heap}', derefs: -1, func: 'p.f', steps: [step(why)], truncated: false }) as never;
    expect(heapHint(d, explanation('return'))).toMatch(/^returned pointer: return a value/);
    expect(heapHint(d, explanation('interface-converted'))).toMatch(/^interface conversion/);
    expect(heapHint(d, explanation('too large for stack'))).toMatch(/^too large for the stack/);
    expect(heapHint({ ...d, message: 'x does not escape', kind: 'does-not-escape' }, undefined)).toBeUndefined();
  });
});
