// `goesc lsp` driven as an editor drives it (test/lsp/client.ts: the real server process,
// JSON-RPC over its stdio). After didOpen and after every edit the published diagnostics
// must be the CLI's `goesc -m -l` lines for the same text, at the same positions; hover,
// inlay hints, a configuration change, malformed input and shutdown/exit are checked too.
// Needs `npm run build`; skipped with a printed reason when dist/ is missing.

import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliLines, serverMissing, TestClient, type PublishedDiagnostics } from './client.js';
import { byteColumn } from '../../src/lsp/positions.js';
import { basePackage } from './base-package.js';

const missing = serverMissing();
if (missing) console.log(`test/lsp: ${missing}; the server tests are skipped`);
const maybe = missing ? describe.skip : describe;

const base = basePackage;

let dir = '';
let scratch = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'goesc-lsp-test-'));
  scratch = mkdtempSync(join(tmpdir(), 'goesc-lsp-cli-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(scratch, { recursive: true, force: true });
});

/** The published diagnostics as gc lines without the file name: `line:col: message`. */
function asGcLines(p: PublishedDiagnostics, text: string): string[] {
  const lines = text.split('\n');
  return p.diagnostics.map((d) => `${d.range.start.line + 1}:${byteColumn(lines[d.range.start.line] ?? '', d.range.start.character)}: ${d.message}`);
}

/** The CLI's lines for `text` as a one-file package, file name stripped; errors from stderr. */
function cliFor(text: string, flags = ['-m', '-l']): { lines: string[]; errors: string[] } {
  const file = join(scratch, 'v.go');
  writeFileSync(file, text);
  const r = cliLines(flags, file);
  const strip = (l: string) => l.slice(file.length + 1).split(file).join('F');
  return {
    lines: r.status === 0 ? r.lines.map(strip) : [],
    errors: r.status === 2 ? r.stderr.split('\n').filter((l) => l.startsWith(file)).map(strip) : [],
  };
}

maybe('goesc lsp', () => {
  it('publishes the CLI lines on didOpen, follows a dozen edits, hovers, hints, reconfigures and exits', { timeout: 120_000 }, async () => {
    const path = join(dir, 'why.go');
    writeFileSync(path, base);
    const uri = pathToFileURL(path).href;
    const client = new TestClient();
    try {
      const init = await client.initialize(pathToFileURL(dir).href, { flags: ['-m', '-l'], go: 'go1.26', smallframes: false, showStack: true });
      expect(init.capabilities).toMatchObject({ hoverProvider: true, inlayHintProvider: true, textDocumentSync: { change: 2 } });

      // didOpen: the CLI's lines, line for line, with the kinds and severities.
      await client.open(uri, base, 1);
      const first = await client.waitFor(uri, 1);
      expect(asGcLines(first, base)).toEqual(cliLines(['-m', '-l'], path).lines.map((l) => l.slice(path.length + 1)));
      expect(first.diagnostics.length).toBeGreaterThan(4);
      for (const d of first.diagnostics) expect(d.source).toBe('goesc');
      const moved = first.diagnostics.find((d) => d.message === 'moved to heap: x')!;
      expect(moved).toMatchObject({ severity: 3, code: 'moved-to-heap', range: { start: { line: 20, character: 1 }, end: { line: 20, character: 2 } } });
      const stack = first.diagnostics.find((d) => d.message === '&T{...} does not escape')!;
      expect(stack).toMatchObject({ severity: 4, code: 'does-not-escape', range: { start: { line: 29, character: 6 }, end: { line: 29, character: 14 } } });

      // A dozen edits, incremental and full, adding and removing escaping functions; one
      // version is broken mid-edit (errors in gc's wording), the next repairs it.
      const doc = TextDocument.create(uri, 'go', 1, base);
      const end = () => doc.positionAt(doc.getText().length);
      const at = (needle: string) => {
        const i = doc.getText().indexOf(needle);
        if (i < 0) throw new Error(`no ${needle}`);
        return { start: doc.positionAt(i), end: doc.positionAt(i + needle.length) };
      };
      const edits: (() => { range?: ReturnType<typeof at>; text: string })[] = [
        () => ({ range: { start: end(), end: end() }, text: '\nfunc leak() *int {\n\ty := 1\n\treturn &y\n}\n' }),
        () => ({ range: at('\nfunc leak() *int {\n\ty := 1\n\treturn &y\n}\n'), text: '' }),
        () => ({ range: { start: end(), end: end() }, text: '\nfunc keep(v []int) {\n\tglobal = &v[0]\n}\n' }),
        () => ({ range: at('global = &v[0]'), text: '_ = v[0]' }),
        () => ({ text: doc.getText() + '\nfunc box(n int) any {\n\treturn n\n}\n' }),
        () => ({ range: at('return n'), text: 'return n +' }),
        () => ({ range: at('return n +'), text: 'return n + 1' }),
        () => ({ range: { start: end(), end: end() }, text: '\nfunc mk(n int) []byte {\n\treturn make([]byte, n)\n}\n' }),
        () => ({ range: at('func mk(n int) []byte {\n\treturn make([]byte, n)\n}\n'), text: 'func mk() {\n\tb := make([]byte, 8)\n\t_ = b\n}\n' }),
        () => ({ range: at('\tx := 0\n'), text: '\tx := 0\n\tz := &x\n\t_ = z\n' }),
        () => ({ text: base.replace('pass(&x)', 'store(&x)') }),
        () => ({ range: at('store(&x)'), text: 'pass(&x)' }),
        () => ({ range: at('fmt.Println(t.a)'), text: 'fmt.Println(t)' }),
      ];
      let version = 1;
      let sawError = false;
      for (const edit of edits) {
        const change = edit();
        version++;
        TextDocument.update(doc, [change], version);
        await client.change(uri, version, [change]);
        const got = await client.waitFor(uri, version);
        const want = cliFor(doc.getText());
        if (want.errors.length > 0) {
          sawError = true;
          expect(got.diagnostics.every((d) => d.severity === 1)).toBe(true);
          expect(asGcLines(got, doc.getText())).toEqual(want.errors);
        } else {
          expect(asGcLines(got, doc.getText()), `version ${version}`).toEqual(want.lines);
        }
      }
      expect(sawError).toBe(true);
      expect(edits.length).toBeGreaterThanOrEqual(12);

      // Hover on a decision: the -m=2 flow of gc's explanation.
      TextDocument.update(doc, [{ text: base }], ++version);
      await client.change(uri, version, [{ text: base }]);
      await client.waitFor(uri, version);
      const hover = await client.conn.sendRequest<{ contents: { value: string }; range: unknown } | null>('textDocument/hover', {
        textDocument: { uri },
        position: { line: 20, character: 1 },
      });
      expect(hover!.contents.value).toContain('moved to heap: x');
      expect(hover!.contents.value).toContain('x escapes to heap in f:');
      expect(hover!.contents.value).toContain(`from pass(&x) (call parameter) at ${path}:22:6`);
      // ... and the why-chain through pass and store down to the global.
      expect(hover!.contents.value).toContain(`x escapes: &x is passed to pass at ${path}:22`);
      expect(hover!.contents.value).toContain(`    store leaks p: assigned to global at ${path}:13`);
      const nothing = await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
      expect(nothing).toBeNull();

      // Inlay hints: heap at x's declaration, stack after the literal that stays.
      const hints = await client.conn.sendRequest<{ position: { line: number; character: number }; label: string }[]>('textDocument/inlayHint', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } },
      });
      expect(hints).toContainEqual(expect.objectContaining({ position: { line: 20, character: 2 }, label: 'heap' }));
      expect(hints).toContainEqual(expect.objectContaining({ position: { line: 29, character: 14 }, label: 'stack' }));

      // Configuration change: -m=2 adds the flow lines, as the CLI prints them.
      const before = client.published.length;
      await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: { goesc: { flags: ['-m=2', '-l'] } } });
      const m2 = await client.waitForNext(uri, before);
      expect(asGcLines(m2, base)).toEqual(cliLines(['-m=2', '-l'], path).lines.map((l) => l.slice(path.length + 1)));
      // showStack off hides the stack decisions.
      const before2 = client.published.length;
      await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: { flags: ['-m'], showStack: false } });
      const noStack = await client.waitForNext(uri, before2);
      expect(noStack.diagnostics.some((d) => d.code === 'does-not-escape' || d.code === 'param-does-not-escape')).toBe(false);
      expect(noStack.diagnostics.some((d) => d.code === 'moved-to-heap')).toBe(true);

      expect(await client.close()).toBe(0);
    } finally {
      client.kill();
    }
  });

  it('survives malformed input, unknown methods, non-Go files and files outside the workspace, writing nothing', { timeout: 60_000 }, async () => {
    const ws = join(dir, 'ws');
    const outside = join(dir, 'outside');
    mkdirSync(ws);
    mkdirSync(outside);
    writeFileSync(join(ws, 'a.go'), base);
    writeFileSync(join(ws, 'notes.txt'), 'hello');
    writeFileSync(join(outside, 'b.go'), base);
    const snapshot = () =>
      [ws, outside].flatMap((d) => readdirSync(d).map((f) => `${d}/${f}:${statSync(join(d, f)).mtimeMs}:${readFileSync(join(d, f), 'utf8')}`));
    const before = snapshot();
    const client = new TestClient();
    try {
      await client.initialize(pathToFileURL(ws).href);
      // Malformed JSON in a well-framed message, then a message that is JSON but not JSON-RPC.
      const raw = (body: string) => client.proc.stdin!.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      raw('{"jsonrpc": "2.0", "method": ');
      raw('{"hello": "world"}');
      raw('{"jsonrpc": "2.0", "id": 99, "method": "textDocument/hover", "params": 42}');
      // Unknown request: the protocol's MethodNotFound; unknown notification: ignored.
      await expect(client.conn.sendRequest('goesc/noSuchMethod', {})).rejects.toMatchObject({ code: -32601 });
      await client.conn.sendNotification('goesc/noSuchNotification', { x: 1 });
      // Not Go, outside the workspace, not a file: URI: empty answers.
      await client.open(pathToFileURL(join(ws, 'notes.txt')).href, 'hello');
      await client.open(pathToFileURL(join(outside, 'b.go')).href, base);
      await client.open('untitled:Untitled-1', base);
      for (const u of [pathToFileURL(join(ws, 'notes.txt')).href, pathToFileURL(join(outside, 'b.go')).href, 'untitled:Untitled-1']) {
        expect(await client.conn.sendRequest('textDocument/hover', { textDocument: { uri: u }, position: { line: 20, character: 1 } })).toBeNull();
        expect(await client.conn.sendRequest('textDocument/inlayHint', { textDocument: { uri: u }, range: { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } } })).toEqual([]);
      }
      // Hover with nonsense parameters: an error or an empty answer, the server stays up.
      await client.conn.sendRequest('textDocument/hover', { textDocument: {}, position: 'x' }).then(
        (r) => expect(r).toBeNull(),
        (e) => expect(e).toHaveProperty('code'),
      );
      // A file in the workspace is still served, including broken text.
      const a = pathToFileURL(join(ws, 'a.go')).href;
      await client.open(a, 'package p\n\nfunc f( {\n', 1);
      const broken = await client.waitFor(a, 1);
      expect(broken.diagnostics.length).toBeGreaterThan(0);
      expect(broken.diagnostics.every((d) => d.severity === 1)).toBe(true);
      await client.change(a, 2, [{ text: base }]);
      const fixed = await client.waitFor(a, 2);
      expect(fixed.diagnostics.some((d) => d.message === 'moved to heap: x')).toBe(true);
      expect(client.published.filter((p) => !p.uri.startsWith(pathToFileURL(ws).href + '/a.go')).every((p) => p.diagnostics.length === 0)).toBe(true);
      // A buffer over the CLI's size limit is refused as the CLI refuses such a file.
      const big = pathToFileURL(join(ws, 'big.go')).href;
      await client.open(big, 'package p\n' + '// padding line\n'.repeat(140_000), 1);
      const refused = await client.waitFor(big, 1);
      expect(refused.diagnostics).toHaveLength(1);
      expect(refused.diagnostics[0]).toMatchObject({ severity: 1, message: expect.stringMatching(/^file too large \(\d+ bytes; limit 2097152 bytes\)$/) });
      expect(await client.close()).toBe(0);
      expect(snapshot()).toEqual(before);
    } finally {
      client.kill();
    }
  });

  it('analyses the package: other files from disk, or from the editor when open (unsaved text wins)', { timeout: 60_000 }, async () => {
    const pkg = join(dir, 'pkg');
    mkdirSync(pkg);
    const use = 'package p\n\nfunc f() {\n\tx := 0\n\tsink(&x)\n}\n';
    const leaky = 'package p\n\nvar g *int\n\nfunc sink(p *int) {\n\tg = p\n}\n';
    const quiet = 'package p\n\nfunc sink(p *int) {\n\t_ = *p\n}\n';
    writeFileSync(join(pkg, 'use.go'), use);
    writeFileSync(join(pkg, 'sink.go'), leaky);
    const useUri = pathToFileURL(join(pkg, 'use.go')).href;
    const sinkUri = pathToFileURL(join(pkg, 'sink.go')).href;
    const client = new TestClient();
    try {
      await client.initialize(pathToFileURL(dir).href);
      await client.open(useUri, use, 1);
      expect((await client.waitFor(useUri, 1)).diagnostics.map((d) => d.message)).toEqual(['moved to heap: x']);
      // The editor changes sink.go without saving: use.go is re-published from that text.
      await client.open(sinkUri, leaky, 1);
      await client.waitFor(sinkUri, 1);
      await client.change(sinkUri, 2, [{ text: quiet }]);
      expect((await client.waitFor(sinkUri, 2)).diagnostics.map((d) => d.message)).toEqual(['p does not escape']);
      // use.go (still version 1) is re-published from the same run: x no longer escapes.
      const again = await client.waitMatching(useUri, (p) => p.diagnostics.length === 0);
      expect(again.version).toBe(1);
      expect(client.published.filter((p) => p.uri === useUri).length).toBeGreaterThanOrEqual(2);
      expect(readFileSync(join(pkg, 'sink.go'), 'utf8')).toBe(leaky);
      expect(await client.close()).toBe(0);
    } finally {
      client.kill();
    }
  });

  it('publishes the CLI lines after every edit above, inside and below the functions of a 300-line file', { timeout: 120_000 }, async () => {
    // The server reuses what an edit leaves alone (declarations it only moved, statements of
    // a long body it did not touch): each version's lines must still be the CLI's.
    const text = readFileSync('testdata/lsp/inventory.go', 'utf8');
    const sub = join(dir, 'inv');
    mkdirSync(sub);
    const path = join(sub, 'inventory.go');
    writeFileSync(path, text);
    const uri = pathToFileURL(path).href;
    const client = new TestClient();
    try {
      await client.initialize(pathToFileURL(sub).href, { flags: ['-m', '-l'], showStack: true });
      await client.open(uri, text, 1);
      expect(asGcLines(await client.waitFor(uri, 1), text)).toEqual(cliFor(text).lines);
      const doc = TextDocument.create(uri, 'go', 1, text);
      const at = (needle: string) => {
        const i = doc.getText().indexOf(needle);
        if (i < 0) throw new Error(`no ${needle}`);
        return { start: doc.positionAt(i), end: doc.positionAt(i + needle.length) };
      };
      const before = (needle: string) => ({ start: at(needle).start, end: at(needle).start });
      const end = () => ({ start: doc.positionAt(doc.getText().length), end: doc.positionAt(doc.getText().length) });
      const edits: (() => { range: ReturnType<typeof at>; text: string })[] = [
        // a statement typed into a body in the middle, then removed (lines below shift)
        () => ({ range: before('\tfor i, line := range lines'), text: '\tz := &n\n\t_ = z\n' }),
        () => ({ range: at('\tz := &n\n\t_ = z\n'), text: '' }),
        // lines added above every declaration, inside a type, between functions
        () => ({ range: before('var ErrNotFound'), text: '// moved\n\n' }),
        () => ({ range: before('\tclosed bool'), text: '\textra *Item\n' }),
        () => ({ range: before('func Counter()'), text: 'var sinkhole *int\n\nfunc hold(p *int) { sinkhole = p }\n\n' }),
        // bodies changed so that decisions move, below the edits
        () => ({ range: at('\treturn &a\n'), text: '\thold(new(int))\n\treturn &a\n' }),
        () => ({ range: at('func keepPointer(it *Item) *Item {\n\treturn it\n}'), text: 'func keepPointer(it *Item) *Item {\n\tc := *it\n\treturn &c\n}' }),
        // a function added at the end and removed; the first edits undone
        () => ({ range: end(), text: 'func leak() *int {\n\ty := 1\n\treturn &y\n}\n' }),
        () => ({ range: at('func leak() *int {\n\ty := 1\n\treturn &y\n}\n'), text: '' }),
        () => ({ range: at('// moved\n\n'), text: '' }),
        () => ({ range: at('\textra *Item\n'), text: '' }),
        // one line split in two inside a body above the others
        () => ({ range: at('s := &Store{items: make(map[string]*Item)}'), text: 's := &Store{\n\t\titems: make(map[string]*Item)}' }),
      ];
      let version = 1;
      for (const edit of edits) {
        const change = edit();
        version++;
        TextDocument.update(doc, [change], version);
        await client.change(uri, version, [change]);
        const got = await client.waitFor(uri, version);
        const want = cliFor(doc.getText());
        expect(want.errors, `version ${version}`).toEqual([]);
        expect(asGcLines(got, doc.getText()), `version ${version}`).toEqual(want.lines);
      }
      expect(await client.close()).toBe(0);
    } finally {
      client.kill();
    }
  });
});
