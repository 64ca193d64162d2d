// The HTML report: one self-contained page (inline CSS, JS and SVG; a Content-Security-
// Policy that forbids every network load) showing, per source file, the code with a heap or
// stack badge at each allocation site and gc's lines beside it, the -m=2 explanation on
// demand (details/summary); per function the flow graph and the allocation code goesc
// predicts next to the real compiler's `-S` (the seed article's three-way comparison:
// source, prediction, compiler); and, for a what-if run, the lines the change adds or
// removes. renderReport is a pure function of ReportInput, so it is tested with hand-made
// input; the `report` command gathers the input. All source text is HTML-escaped.

import type { Diagnostic } from '../api.js';
import { explanationFor, groupExplanations, type Explanation } from '../format/explain.js';
import { ruleFor } from '../format/kinds.js';

export interface ReportFile {
  /** As gc names it (the path given on the command line). */
  readonly path: string;
  readonly text: string;
}

/** One runtime allocation call: `CALL runtime.newobject(SB)` attributed to `line`. */
export interface ReportAlloc {
  readonly line: number;
  readonly call: string;
  readonly type?: string;
  readonly why?: string;
}

export interface ReportFunction {
  /** gc's symbol (`p.f`, `p.(*T).M`). */
  readonly name: string;
  readonly file: string;
  readonly line: number;
  /** The flow graph, already rendered (report/graph.ts toSvg); inserted as is. */
  readonly graphSvg?: string;
  /** What goesc predicts (src/asm). */
  readonly predicted: readonly ReportAlloc[];
  /** What the real compiler emitted, when known (see ReportInput.realSource). */
  readonly real?: readonly ReportAlloc[];
  /** Variables goesc predicts stay in the frame (or registers): no allocation for them. */
  readonly stack?: readonly ReportStackValue[];
}

export interface ReportStackValue {
  readonly name: string;
  readonly type: string;
  readonly line: number;
  readonly size: number;
}

export interface WhatIfChange {
  readonly sign: '-' | '+';
  readonly diagnostic: Diagnostic;
}

export interface ReportInput {
  readonly title: string;
  /** Who made it: `goesc 0.1.0, model go1.26`. */
  readonly tool: string;
  readonly files: readonly ReportFile[];
  /** gc's lines at -m=2 (decisions and explanations), in gc's order. */
  readonly diagnostics: readonly Diagnostic[];
  readonly functions: readonly ReportFunction[];
  /** Where the real `-S` column comes from (the installed compiler, a fixture); absent: no column. */
  readonly realSource?: string;
  /** With --set / --smallframes: what the changed model adds (+) and removes (-). */
  readonly whatif?: { readonly label: string; readonly changes: readonly WhatIfChange[] };
  /** Problems met while gathering the input (shown, not fatal). */
  readonly notes?: readonly string[];
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const esc = escapeHtml;

type Badge = 'heap' | 'stack';

/** Heap for moved-to-heap and escapes lines, stack for does-not-escape; none otherwise. */
export function badgeOf(d: Diagnostic): Badge | undefined {
  if (d.kind === 'moved-to-heap' || d.kind === 'escapes') return 'heap';
  if (d.kind === 'does-not-escape') return 'stack';
  return undefined;
}

/**
 * The page's title: the package, as `go doc` names it (`package main`), with the paths
 * given when they say more than `.`; the input's own title when no file has a package clause.
 */
export function reportTitle(input: ReportInput): string {
  const names = [...new Set(input.files.map((f) => /^\s*package\s+([\p{L}_][\p{L}\p{N}_]*)/mu.exec(f.text)?.[1]).filter(Boolean))];
  if (names.length === 0) return input.title;
  const given = input.title.replace(/^goesc report: /, '');
  return `package ${names.join(', ')}${given && given !== '.' ? ` (${given})` : ''} · goesc report`;
}

export function renderReport(input: ReportInput): string {
  const { decisions, explanations } = groupExplanations(input.diagnostics);
  const heap = decisions.filter((d) => badgeOf(d) === 'heap').length;
  const stack =
    decisions.filter((d) => badgeOf(d) === 'stack').length + input.functions.reduce((n, fn) => n + (fn.stack?.length ?? 0), 0);
  const title = reportTitle(input);
  const body = [
    `<header><h1>${esc(title.replace(/ · goesc report$/, ''))}</h1>`,
    `<p class="meta">${esc(input.tool)} · ${decisions.length} lines of gc -m · ` +
      `<span class="badge heap">heap</span> ${heap} · <span class="badge stack">stack</span> ${stack} <span class="legend">(allocation sites and variables)</span></p>`,
    `<p class="controls"><label><input type="checkbox" id="show-stack" checked> show stack decisions</label> ` +
      `<button type="button" id="expand-all">expand all explanations</button> ` +
      `<button type="button" id="prev-heap" title="previous heap decision (p)">◀ previous heap</button> ` +
      `<button type="button" id="next-heap" title="next heap decision (n)">next heap ▶</button> <span id="heap-pos" class="meta"></span></p>`,
    renderContents(input.functions, decisions),
    ...(input.notes ?? []).map((n) => `<p class="note">${esc(n)}</p>`),
    input.whatif ? renderWhatIfSummary(input.whatif) : '',
    '</header>',
    '<main>',
    ...input.files.map((f) =>
      renderFile(
        f,
        decisions,
        explanations,
        input.whatif?.changes ?? [],
        input.functions.filter((fn) => fn.file === f.path).flatMap((fn) => fn.stack ?? []),
      ),
    ),
    input.functions.length > 0 ? '<h2>Functions</h2>' : '',
    ...input.functions.map((fn) => renderFunction(fn, input)),
    '</main>',
  ];
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    // Nothing may load from anywhere: the page must open offline and leak nothing.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}</title>`,
    `<style>${css}</style>`,
    '</head>',
    '<body>',
    ...body,
    `<script>${script}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function renderWhatIfSummary(w: NonNullable<ReportInput['whatif']>): string {
  const items = w.changes.map(
    (c) =>
      `<li class="change ${c.sign === '+' ? 'added' : 'removed'}"><code>${c.sign} ${esc(c.diagnostic.file)}:${c.diagnostic.line}:${c.diagnostic.col}: ${esc(c.diagnostic.message)}</code></li>`,
  );
  return (
    `<section class="whatif"><h2>What if: ${esc(w.label)}</h2>` +
    (items.length > 0 ? `<ul>${items.join('')}</ul>` : '<p>The change alters no decision.</p>') +
    '</section>'
  );
}

function renderFile(
  file: ReportFile,
  decisions: readonly Diagnostic[],
  explanations: readonly Explanation[],
  changes: readonly WhatIfChange[],
  stack: readonly ReportStackValue[],
): string {
  const lines = file.text.split('\n');
  const stackBy = new Map<number, ReportStackValue[]>();
  for (const v of stack) stackBy.set(v.line, [...(stackBy.get(v.line) ?? []), v]);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const byLine = new Map<number, Diagnostic[]>();
  for (const d of decisions) if (d.file === file.path) byLine.set(d.line, [...(byLine.get(d.line) ?? []), d]);
  const changedBy = new Map<number, WhatIfChange[]>();
  for (const c of changes) {
    if (c.diagnostic.file === file.path) changedBy.set(c.diagnostic.line, [...(changedBy.get(c.diagnostic.line) ?? []), c]);
  }
  const rows = lines.map((text, i) => {
    const n = i + 1;
    const diags = byLine.get(n) ?? [];
    const changed = changedBy.get(n) ?? [];
    const notes = diags.map((d) => renderDiagnostic(d, explanationFor(d, explanations)));
    notes.push(
      ...changed.map(
        (c) =>
          `<div class="change ${c.sign === '+' ? 'added' : 'removed'}" title="what-if">${c.sign} ${esc(c.diagnostic.col + ': ' + c.diagnostic.message)}</div>`,
      ),
    );
    const cls = [diags.some((d) => badgeOf(d) === 'heap') ? 'has-heap' : '', changed.length > 0 ? 'whatif-changed' : '']
      .filter(Boolean)
      .join(' ');
    return (
      `<tr id="${esc(anchor(file.path, n))}"${cls ? ` class="${cls}"` : ''}>` +
      `<td class="ln">${n}</td><td class="code"><pre>${codeWithBadges(text, diags, stackBy.get(n) ?? [])}</pre></td>` +
      `<td class="diags">${notes.join('')}</td></tr>`
    );
  });
  return (
    `<section class="file"><h2>${esc(file.path)}</h2>` +
    `<table class="source"><colgroup><col class="ln"><col class="code"><col class="diags"></colgroup><tbody>${rows.join('\n')}</tbody></table></section>`
  );
}

/** Contents: every function with its number of heap decisions, linked to its section. */
function renderContents(functions: readonly ReportFunction[], decisions: readonly Diagnostic[]): string {
  if (functions.length === 0) return '';
  const items = functions.map((fn) => {
    const heap = decisions.filter((d) => badgeOf(d) === 'heap' && d.func === fn.name);
    const first = heap[0];
    const count =
      heap.length > 0
        ? `<a class="heapcount" href="#${esc(anchor(first!.file, first!.line))}"><span class="badge heap">heap</span> ${heap.length}</a>`
        : '<span class="heapcount none">no heap</span>';
    return `<li><a href="#${esc('func-' + fn.name)}"><code>${esc(fn.name)}</code></a> ${count}</li>`;
  });
  return `<nav class="contents"><h2>Contents</h2><ol>${items.join('')}</ol></nav>`;
}

/** gc's `(addr=false assign=true width=8)` of a capture line, in words. */
export function readableMessage(message: string): string {
  return message.replace(/\(addr=(true|false) assign=(true|false) width=(\d+)\)/, (_, addr: string, assign: string, width: string) => {
    const facts = [`${width} bytes`, assign === 'true' ? 'reassigned' : 'never reassigned', addr === 'true' ? 'address taken' : 'address not taken'];
    return `(${facts.join(', ')})`;
  });
}

/**
 * A short hint for a heap decision, from the reasons on its -m=2 path (gc's flow notes) and
 * its message: the cause a programmer can act on, first match wins.
 */
export function heapHint(d: Diagnostic, e: Explanation | undefined): string | undefined {
  if (badgeOf(d) !== 'heap') return undefined;
  const whys = new Set((e?.steps ?? []).flatMap((s) => s.notes.map((n) => n.why)));
  if (whys.has('too large for stack')) return 'too large for the stack: allocate it once and reuse it, or make it smaller';
  if (whys.has('too aligned for stack')) return 'over-aligned for the stack: use a type aligned to at most 8 bytes';
  if (whys.has('non-constant size')) return 'size unknown at compile time: use a constant size, or reuse a buffer';
  if (whys.has('return')) return 'returned pointer: return a value, or let the caller pass the memory in';
  if (whys.has('captured by a closure')) return 'captured by an escaping closure: pass it as an argument, or keep the closure local';
  if (whys.has('interface-converted') || whys.has('spill')) return 'interface conversion: the value is boxed; keep the concrete type on hot paths';
  if (whys.has('send')) return 'sent on a channel: the receiver may keep it; send a value instead of a pointer';
  if (whys.has('key of map put') || whys.has('value of map put')) return 'stored in a map: store a value, not a pointer';
  if (whys.has('call parameter')) return "passed to a parameter that leaks: see the callee's `leaking param` line, or avoid keeping the pointer there";
  if (whys.has('assign') || whys.has('store')) return 'stored where it outlives the call (a global, a heap object): store a copy, or keep it local';
  if (/^moved to heap: /.test(d.message)) return 'its address outlives the function: avoid taking the address, or return a value';
  if (/ escapes to heap$/.test(d.message)) return 'it outlives the call: keep it local, or reuse one allocation';
  return undefined;
}

function renderDiagnostic(d: Diagnostic, e: Explanation | undefined): string {
  const rule = ruleFor(d.kind);
  const badge = badgeOf(d);
  const hint = heapHint(d, e);
  const head =
    `<span class="col" title="column (byte offset, as gc counts)">col ${d.col}</span> <span title="${esc(d.message)}">${esc(readableMessage(d.message))}</span>` +
    (hint ? `<span class="hint">hint: ${esc(hint)}</span>` : '');
  const cls = `diag kind-${d.kind}${badge ? ` ${badge}` : ''}`;
  if (!e || e.steps.length === 0) return `<div class="${cls}" title="${esc(rule.short)}">${head}</div>`;
  const steps = e.steps
    .map(
      (s) =>
        `<li><code>${esc(`${s.dst} ← ${s.ops}${s.src}`)}</code><ul>${s.notes
          .map((n) => `<li>from <code>${esc(n.where)}</code> (${esc(n.why)}) at ${esc(`${n.at.line}:${n.at.col}`)}</li>`)
          .join('')}</ul></li>`,
    )
    .join('');
  return (
    `<details class="${cls}"><summary title="${esc(rule.short)}">${head}</summary>` +
    `<div class="explain"><p>${esc(e.event === 'leaks' ? `parameter ${e.subject} leaks to ${e.sink} (derefs=${e.derefs})` : `${e.subject} escapes to heap`)} in ${esc(e.func)}:</p><ol>${steps}</ol>` +
    (e.truncated ? '<p>(gc truncated this explanation at an assignment cycle)</p>' : '') +
    '</div></details>'
  );
}

/**
 * The line's text with a badge before each allocation site (gc's byte column) and before
 * each variable kept in the frame (its first mention on its declaring line).
 */
function codeWithBadges(text: string, diags: readonly Diagnostic[], stack: readonly ReportStackValue[]): string {
  const bytes = Buffer.from(text, 'utf8');
  const marks = [
    ...diags
      .map((d) => ({ d, badge: badgeOf(d) }))
      .filter((x): x is { d: Diagnostic; badge: Badge } => x.badge !== undefined)
      .map((x) => ({
        badge: x.badge,
        title: x.d.message,
        at: Math.min(bytes.subarray(0, Math.max(0, x.d.col - 1)).toString('utf8').length, text.length),
      })),
    ...stack.flatMap((v) => {
      // Only plain identifiers (not ~r0, .autotmp_1) can be found in the source text.
      if (!/^[\p{L}_][\p{L}\p{N}_]*$/u.test(v.name)) return [];
      const m = new RegExp(`(?<![\\p{L}\\p{N}_])${v.name}(?![\\p{L}\\p{N}_])`, 'u').exec(text);
      return m ? [{ badge: 'stack' as const, title: `${v.name} (${v.type}, ${v.size} bytes) stays in the frame`, at: m.index }] : [];
    }),
  ].sort((a, b) => a.at - b.at);
  let out = '';
  let from = 0;
  for (const m of marks) {
    out += esc(text.slice(from, m.at));
    out += `<span class="badge ${m.badge}" title="${esc(m.title)}">${m.badge}</span>`;
    from = m.at;
  }
  return out + esc(text.slice(from));
}

function renderFunction(fn: ReportFunction, input: ReportInput): string {
  const file = input.files.find((f) => f.path === fn.file);
  const src = file ? file.text.split('\n') : [];
  const rows = compareAllocs(fn.predicted, fn.real);
  const realHead = input.realSource !== undefined && fn.real !== undefined;
  const table =
    rows.length === 0
      ? '<p class="noalloc">No runtime allocation call: every value stays in the frame or in registers.</p>'
      : `<table class="asm"><thead><tr><th>line</th><th>source</th><th>goesc predicts</th>${realHead ? '<th>go tool compile -S</th><th></th>' : ''}</tr></thead><tbody>` +
        rows
          .map(
            (r) =>
              `<tr class="${r.mark === '=' ? 'match' : 'differ'}"><td class="ln"><a href="#${esc(anchor(fn.file, r.line))}">${r.line}</a></td>` +
              `<td class="code"><pre>${esc((src[r.line - 1] ?? '').trim())}</pre></td>` +
              `<td class="predicted">${r.predicted ? asmCall(r.predicted) : ''}</td>` +
              (realHead ? `<td class="real">${r.real ? asmCall(r.real) : ''}</td><td class="mark">${r.mark === '=' ? '✓' : '✗'}</td>` : '') +
              '</tr>',
          )
          .join('') +
        '</tbody></table>';
  const frame =
    fn.stack && fn.stack.length > 0
      ? `<p class="frame">Kept in the frame: ${fn.stack.map((v) => `<code>${esc(v.name)} ${esc(v.type)}</code> (${v.size} B, line ${v.line})`).join(', ')}</p>`
      : '';
  return (
    `<section class="func" id="${esc('func-' + fn.name)}"><h3><code>${esc(fn.name)}</code> <a class="where" href="#${esc(anchor(fn.file, fn.line))}">${esc(fn.file)}:${fn.line}</a></h3>` +
    (fn.graphSvg ? `<figure class="graph">${fn.graphSvg}<figcaption>flow graph: edges dst ← src with derefs (&amp; = address); escaping paths in red</figcaption></figure>` : '') +
    frame +
    `<div class="asm-block"><h4>Allocation code${realHead ? ` <small>(real column: ${esc(input.realSource!)})</small>` : ''}</h4>${table}</div>` +
    '</section>'
  );
}

function asmCall(a: ReportAlloc): string {
  const type = a.type ? `<span class="leaq">LEAQ type:${esc(a.type)}(SB), AX</span><br>` : '';
  return `${type}<span class="call" title="${esc(a.why ?? '')}">CALL ${esc(a.call)}(SB)</span>`;
}

interface AllocRow {
  readonly line: number;
  readonly mark: '=' | '-' | '+';
  readonly predicted?: ReportAlloc;
  readonly real?: ReportAlloc;
}

/** Pairs predicted and real calls as multisets of (line, call); unpaired ones stand alone. */
export function compareAllocs(predicted: readonly ReportAlloc[], real: readonly ReportAlloc[] | undefined): AllocRow[] {
  if (real === undefined) return predicted.map((p) => ({ line: p.line, mark: '-' as const, predicted: p }));
  const left = [...real];
  const rows: AllocRow[] = [];
  for (const p of predicted) {
    const i = left.findIndex((r) => r.line === p.line && r.call === p.call);
    if (i >= 0) rows.push({ line: p.line, mark: '=', predicted: p, real: left.splice(i, 1)[0]! });
    else rows.push({ line: p.line, mark: '-', predicted: p });
  }
  for (const r of left) rows.push({ line: r.line, mark: '+', real: r });
  return rows.sort((a, b) => a.line - b.line);
}

function anchor(file: string, line: number): string {
  return `L-${file.replace(/[^A-Za-z0-9_.-]/g, '_')}-${line}`;
}

const css = `
:root { --heap: #b02a37; --heap-bg: #f8d7da; --stack: #15803d; --stack-bg: #dcfce7; --muted: #64748b; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; color: #0f172a; background: #fff; }
header { padding: 16px 24px; border-bottom: 1px solid #e2e8f0; background: #f8fafc; }
h1 { margin: 0 0 4px; font-size: 20px; }
main { padding: 8px 24px 48px; }
.meta, .note { color: var(--muted); margin: 4px 0; }
pre, code { font: 13px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; margin: 0; }
.badge { display: inline-block; font: 600 10px/1.6 system-ui, sans-serif; text-transform: uppercase; border-radius: 3px; padding: 0 4px; margin-right: 2px; vertical-align: 1px; }
.badge.heap { color: #fff; background: var(--heap); }
.badge.stack { color: #fff; background: var(--stack); }
table.source { border-collapse: collapse; width: 100%; table-layout: fixed; }
table.source col.ln { width: 48px; } table.source col.code { width: 55%; }
table.source td { vertical-align: top; padding: 0 8px; border-top: 1px solid #f1f5f9; }
td.ln { color: var(--muted); text-align: right; user-select: none; }
td.code pre { white-space: pre-wrap; word-break: break-all; tab-size: 4; }
tr.has-heap td.code { background: #fff5f5; }
tr.whatif-changed td.ln { background: #fef3c7; font-weight: 700; color: #92400e; }
.diag { font-size: 12px; padding: 1px 0; }
.diag.heap { color: var(--heap); } .diag.stack { color: var(--stack); }
.diag .col { color: var(--muted); font-variant-numeric: tabular-nums; font-size: 11px; }
.hint { display: block; color: #92400e; font-size: 11px; font-style: italic; }
nav.contents ol { columns: 2; margin: 4px 0 8px; padding-left: 20px; font-size: 13px; }
nav.contents h2 { font-size: 14px; margin: 8px 0 0; }
.heapcount { text-decoration: none; margin-left: 4px; } .heapcount.none { color: var(--muted); font-size: 12px; }
tr.current-heap td { outline: 2px solid var(--heap); }
details.diag summary { cursor: pointer; }
.explain { color: #334155; padding: 2px 0 6px 14px; }
.explain ol { margin: 2px 0; padding-left: 18px; } .explain ul { margin: 0; padding-left: 16px; }
.change { font: 12px ui-monospace, monospace; }
.change.added { color: #166534; background: #dcfce7; } .change.removed { color: #991b1b; background: #fee2e2; text-decoration: line-through; }
section.whatif ul { list-style: none; padding: 0; }
body.hide-stack .diag.stack, body.hide-stack .badge.stack { display: none; }
section.func { border-top: 1px solid #e2e8f0; padding-top: 8px; margin-top: 16px; }
section.func h3 { margin: 4px 0; } a.where { font-size: 12px; color: var(--muted); }
figure.graph { margin: 8px 0; overflow-x: auto; } figure.graph svg { max-width: 100%; height: auto; }
figure.graph figcaption { color: var(--muted); font-size: 12px; }
svg .edge.escaping path { stroke-width: 2.4px; }
table.asm { border-collapse: collapse; margin: 4px 0; }
table.asm th, table.asm td { border: 1px solid #e2e8f0; padding: 2px 8px; text-align: left; vertical-align: top; font-size: 12px; }
table.asm tr.differ { background: #fff7ed; }
td.predicted, td.real { font-family: ui-monospace, monospace; }
.leaq { color: var(--muted); } td.mark { text-align: center; }
`;

const script = `
(function () {
  var box = document.getElementById('show-stack');
  box.addEventListener('change', function () { document.body.classList.toggle('hide-stack', !box.checked); });
  // Next / previous heap decision: buttons and the n / p keys walk the highlighted rows.
  var heaps = Array.prototype.slice.call(document.querySelectorAll('tr.has-heap'));
  var at = -1;
  function go(step) {
    if (heaps.length === 0) return;
    if (at >= 0) heaps[at].classList.remove('current-heap');
    at = (at + step + heaps.length) % heaps.length;
    heaps[at].classList.add('current-heap');
    heaps[at].scrollIntoView({ block: 'center' });
    document.getElementById('heap-pos').textContent = (at + 1) + ' / ' + heaps.length;
  }
  document.getElementById('next-heap').addEventListener('click', function () { go(1); });
  document.getElementById('prev-heap').addEventListener('click', function () { go(-1); });
  document.addEventListener('keydown', function (ev) {
    if (ev.target && /INPUT|TEXTAREA/.test(ev.target.tagName)) return;
    if (ev.key === 'n') go(1);
    if (ev.key === 'p') go(-1);
  });
  document.getElementById('expand-all').addEventListener('click', function () {
    var all = document.querySelectorAll('details.diag');
    var open = Array.prototype.some.call(all, function (d) { return !d.open; });
    all.forEach(function (d) { d.open = open; });
  });
})();
`;
