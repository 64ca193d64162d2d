// The playground page: a CodeMirror 6 editor whose text is prog.go, the controls (the
// command line's flags, and the rule model's what-if parameters), the output pane with
// gc's exact lines, and the views (flow graph of the function under the cursor, the
// predicted allocation calls). Every analysis runs in the worker (worker.ts); the page only
// asks, debounced while typing, and shows the newest answer.
//
// The URL's hash holds a shared state: `#flags=<flags>&src=<base64url of the UTF-8 source>`
// (padding optional) and, for what-if changes, `&set=<key=value,...>`. Opening such a link
// analyses the source as prog.go with those flags; `<pre id="gc-output">` then holds what
// `goesc FLAGS prog.go` prints, with data-state="done" (anything else while working).

import { EditorView, minimalSetup } from 'codemirror';
import { go } from '@codemirror/lang-go';
import { EditorState, RangeSet, RangeSetBuilder, StateEffect, StateField, type Extension } from '@codemirror/state';
import { Decoration, type DecorationSet, GutterMarker, gutter, hoverTooltip, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter } from '@codemirror/view';
import { bracketMatching, indentOnInput, syntaxHighlighting, defaultHighlightStyle } from '@codemirror/language';
import { indentWithTab } from '@codemirror/commands';
import examples from 'goesc:examples';
import { formatFlags, parseFlags, type Flags } from './flags.js';
import type { FuncGraph, HoverInfo, Mark, ParamInfo, RunExtras, RunResult, WorkerMessage } from './protocol.js';

interface Example {
  readonly id: string;
  readonly group: string;
  readonly title: string;
  readonly source: string;
}

const DEFAULT_FLAGS = '-m -l';
const TYPING_DEBOUNCE_MS = 250;

// ---- the share link -------------------------------------------------------------------

export interface Shared {
  readonly flags?: string;
  readonly source?: string;
  /** The source's bytes as the link gives them (the editor holds text; gc reads bytes). */
  readonly bytes?: Uint8Array;
  readonly settings?: Readonly<Record<string, string>>;
}

function base64urlEncode(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 8192) bin += String.fromCharCode.apply(null, bytes.subarray(i, i + 8192) as unknown as number[]);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function base64urlBytes(text: string): Uint8Array {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/').replace(/\s+/g, '');
  const padded = b64 + '='.repeat((4 - (b64.length % 4)) % 4);
  const bin = atob(padded);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

export function readHash(hash: string): Shared {
  const out: { flags?: string; source?: string; bytes?: Uint8Array; settings?: Record<string, string> } = {};
  for (const part of hash.replace(/^#/, '').split('&')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const key = part.slice(0, eq);
    const raw = part.slice(eq + 1);
    if (key === 'flags') out.flags = decodeURIComponent(raw.replace(/\+/g, ' '));
    else if (key === 'src') {
      out.bytes = base64urlBytes(decodeURIComponent(raw));
      // A leading byte-order mark is kept: it is part of the file gc reads.
      out.source = new TextDecoder('utf-8', { ignoreBOM: true }).decode(out.bytes);
    }
    else if (key === 'set') {
      const settings: Record<string, string> = {};
      for (const kv of decodeURIComponent(raw).split(',')) {
        const i = kv.indexOf('=');
        if (i > 0) settings[kv.slice(0, i)] = kv.slice(i + 1);
      }
      out.settings = settings;
    }
  }
  return out;
}

export function writeHash(s: Required<Omit<Shared, 'bytes'>>): string {
  const set = Object.entries(s.settings).map(([k, v]) => `${k}=${v}`).join(',');
  return `#flags=${encodeURIComponent(s.flags)}&src=${base64urlEncode(s.source)}${set ? `&set=${encodeURIComponent(set)}` : ''}`;
}

// ---- marks in the editor -----------------------------------------------------------------

interface Marks {
  readonly marks: readonly Mark[];
  readonly errors: readonly { readonly line: number; readonly col: number; readonly message: string }[];
  readonly hovers: readonly HoverInfo[];
}

const setMarks = StateEffect.define<Marks>();
const setHovers = StateEffect.define<readonly HoverInfo[]>();

/** A gc column (1-based, bytes) on a line of text, as an offset into the JavaScript string. */
function byteColumnToOffset(text: string, col: number): number {
  let bytes = 0;
  let i = 0;
  while (i < text.length && bytes < col - 1) {
    const c = text.codePointAt(i)!;
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    i += c >= 0x10000 ? 2 : 1;
  }
  return i;
}

interface Placed {
  readonly from: number;
  readonly to: number;
  readonly line: number;
  readonly place: Mark['place'] | 'error';
  readonly mark?: Mark;
  readonly error?: string;
}

function place(state: EditorState, m: Marks): Placed[] {
  const doc = state.doc;
  const out: Placed[] = [];
  const at = (line: number, col: number, subject: string | undefined) => {
    if (line < 1 || line > doc.lines) return null;
    const l = doc.line(line);
    const from = l.from + byteColumnToOffset(l.text, col);
    const rest = doc.sliceString(from, l.to);
    let len = subject && rest.startsWith(subject) ? subject.length : (/^[\p{L}\p{N}_.]+/u.exec(rest)?.[0].length ?? 1);
    if (from + len > l.to) len = Math.max(0, l.to - from);
    return { from, to: from + Math.max(len, 0), line };
  };
  for (const mark of m.marks) {
    const r = at(mark.line, mark.col, mark.subject);
    if (r) out.push({ ...r, place: mark.place, mark });
  }
  for (const e of m.errors) {
    const r = at(e.line, e.col, undefined);
    if (r) out.push({ ...r, place: 'error', error: e.message });
  }
  return out;
}

class DotMarker extends GutterMarker {
  constructor(
    readonly kind: 'heap' | 'stack' | 'param' | 'error',
    readonly title: string,
  ) {
    super();
  }
  override eq(other: GutterMarker): boolean {
    return other instanceof DotMarker && other.kind === this.kind && other.title === this.title;
  }
  override toDOM(): Node {
    const span = document.createElement('span');
    span.className = `goesc-dot ${this.kind} goesc-gutter-${this.kind}`;
    span.textContent = { heap: 'H', stack: 'S', param: 'P', error: '!' }[this.kind];
    span.title = this.title;
    return span;
  }
}

interface MarkState {
  readonly placed: readonly Placed[];
  readonly hovers: readonly HoverInfo[];
  readonly decorations: DecorationSet;
  readonly gutter: RangeSet<GutterMarker>;
}

function buildMarkState(state: EditorState, m: Marks): MarkState {
  const placed = place(state, m);
  const sorted = [...placed].sort((a, b) => a.from - b.from || a.to - b.to);
  const deco = new RangeSetBuilder<Decoration>();
  for (const p of sorted) {
    if (p.to <= p.from) continue;
    deco.add(p.from, p.to, Decoration.mark({ class: `goesc-${p.place}`, attributes: { 'data-message': p.mark?.message ?? p.error ?? '' } }));
  }
  // The gutter: the strongest mark of each line (error, heap, parameter, stack).
  const rank = { error: 3, heap: 2, param: 1, stack: 0 } as const;
  const byLine = new Map<number, Placed[]>();
  for (const p of placed) byLine.set(p.line, [...(byLine.get(p.line) ?? []), p]);
  const gut = new RangeSetBuilder<GutterMarker>();
  for (const line of [...byLine.keys()].sort((a, b) => a - b)) {
    const ps = byLine.get(line)!;
    const top = ps.reduce((a, b) => (rank[b.place] > rank[a.place] ? b : a));
    const title = ps.map((p) => p.mark?.message ?? p.error ?? '').join('\n');
    gut.add(state.doc.line(line).from, state.doc.line(line).from, new DotMarker(top.place, title));
  }
  return { placed, hovers: m.hovers, decorations: deco.finish(), gutter: gut.finish() };
}

const markField = StateField.define<MarkState>({
  create: () => ({ placed: [], hovers: [], decorations: Decoration.none, gutter: RangeSet.empty }),
  update(value, tr) {
    let v = value;
    if (tr.docChanged) {
      // Until the next answer, the marks move with the text.
      v = {
        ...v,
        placed: v.placed.map((p) => ({ ...p, from: tr.changes.mapPos(p.from), to: tr.changes.mapPos(p.to) })),
        decorations: v.decorations.map(tr.changes),
        gutter: v.gutter.map(tr.changes),
      };
    }
    for (const e of tr.effects) {
      if (e.is(setMarks)) v = buildMarkState(tr.state, e.value);
      if (e.is(setHovers)) v = { ...v, hovers: e.value };
    }
    return v;
  },
  provide: (f) => EditorView.decorations.from(f, (v) => v.decorations),
});

const markGutter = gutter({
  class: 'goesc-gutter',
  markers: (view) => view.state.field(markField).gutter,
});

const markHover = hoverTooltip((view, pos) => {
  const st = view.state.field(markField);
  const hits = st.placed.filter((p) => p.from <= pos && pos <= p.to);
  if (hits.length === 0) return null;
  return {
    pos: Math.min(...hits.map((h) => h.from)),
    end: Math.max(...hits.map((h) => h.to)),
    above: true,
    create: () => {
      const dom = document.createElement('div');
      dom.className = 'goesc-hover';
      for (const h of hits) {
        const head = document.createElement('div');
        head.className = 'msg';
        head.textContent = h.mark ? h.mark.message : (h.error ?? '');
        const kind = document.createElement('span');
        kind.className = 'kind';
        kind.textContent = h.mark ? ` (${h.mark.kind})` : ' (error)';
        head.append(kind);
        dom.append(head);
        const info = h.mark && st.hovers.find((x) => x.line === h.mark!.line && x.col === h.mark!.col && x.message === h.mark!.message);
        if (info && info.flow.length > 0) {
          const flow = document.createElement('pre');
          flow.className = 'flow';
          flow.textContent = info.flow.join('\n');
          dom.append(flow);
        }
        if (info && info.chain.length > 0) {
          const label = document.createElement('div');
          label.textContent = 'Why, across calls:';
          const chain = document.createElement('pre');
          chain.className = 'chain';
          chain.textContent = info.chain.join('\n');
          dom.append(label, chain);
        }
      }
      return { dom };
    },
  };
});

// ---- the page -----------------------------------------------------------------------------

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`goesc playground: #${id} is missing from index.html`);
  return el as T;
}

function start(): void {
  const list = examples as readonly Example[];
  const seed = list.find((e) => e.id === 'seed') ?? list[0];
  const out = {
    gc: byId<HTMLPreElement>('gc-output'),
    notes: byId<HTMLPreElement>('notes'),
    status: byId<HTMLSpanElement>('status'),
    flags: byId<HTMLInputElement>('flags'),
    flagsEcho: byId<HTMLSpanElement>('flags-echo'),
    m2: byId<HTMLInputElement>('opt-m2'),
    inline: byId<HTMLInputElement>('opt-inline'),
    smallframes: byId<HTMLInputElement>('opt-smallframes'),
    go: byId<HTMLSelectElement>('opt-go'),
    params: byId<HTMLDivElement>('params'),
    whatifCount: byId<HTMLSpanElement>('whatif-count'),
    graph: byId<HTMLDivElement>('graph'),
    graphTitle: byId<HTMLParagraphElement>('graph-title'),
    asm: byId<HTMLPreElement>('asm-output'),
    shareLink: byId<HTMLInputElement>('share-link'),
  };
  const state: {
    id: number;
    flags: string;
    settings: Record<string, string>;
    params: readonly ParamInfo[];
    paramsVersion: string;
    graphs: readonly FuncGraph[];
    tab: string;
    drawn: string;
    typingTimer: ReturnType<typeof setTimeout> | null;
    firstResultMs: number | null;
  } = { id: 0, flags: DEFAULT_FLAGS, settings: {}, params: [], paramsVersion: '', graphs: [], tab: 'asm', drawn: '', typingTimer: null, firstResultMs: null };

  const worker = new Worker(new URL('./worker.js', import.meta.url));

  const view = new EditorView({
    parent: byId('editor'),
    state: EditorState.create({
      doc: seed?.source ?? 'package main\n',
      extensions: [
        minimalSetup,
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightActiveLine(),
        bracketMatching(),
        indentOnInput(),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        keymap.of([indentWithTab]),
        go(),
        markField,
        markGutter,
        markHover,
        EditorView.updateListener.of((u) => {
          if (u.docChanged) {
            if (state.typingTimer) clearTimeout(state.typingTimer);
            state.typingTimer = setTimeout(() => {
              state.typingTimer = null;
              request();
            }, TYPING_DEBOUNCE_MS);
          }
          if (u.selectionSet || u.docChanged) showGraph();
        }),
      ] as Extension[],
    }),
  });

  // `source`: the file as given (a link's bytes), before the editor makes it text with \n lines.
  const request = (source: string | Uint8Array = view.state.doc.toString()) => {
    state.id++;
    out.gc.dataset['state'] = 'running';
    out.gc.dataset['run'] = String(state.id);
    out.flagsEcho.textContent = state.flags;
    worker.postMessage({ type: 'run', id: state.id, source, flags: state.flags, settings: { ...state.settings } });
  };

  // Controls and the flags field say the same thing: each change of one rewrites the other.
  const flagsFromControls = () => {
    const parsed = parseFlags(state.flags);
    const base: Flags = parsed.ok ? parsed.flags : { m: 1, inline: false, smallframes: false };
    const next: Flags = {
      ...base,
      m: out.m2.checked ? Math.max(base.m, 2) : base.m >= 2 ? 1 : base.m,
      inline: out.inline.checked,
      smallframes: out.smallframes.checked,
    };
    const goChoice = out.go.value;
    const withGo: Flags = goChoice ? { ...next, go: goChoice } : (({ go: _go, ...rest }) => rest)(next);
    setFlags(formatFlags(withGo));
    request();
  };
  const controlsFromFlags = () => {
    const parsed = parseFlags(state.flags);
    if (!parsed.ok) return;
    out.m2.checked = parsed.flags.m >= 2;
    out.inline.checked = parsed.flags.inline;
    out.smallframes.checked = parsed.flags.smallframes;
    const goValue = parsed.flags.go ?? '';
    if (goValue && ![...out.go.options].some((o) => o.value === goValue)) out.go.append(new Option(goValue, goValue));
    out.go.value = goValue;
  };
  const setFlags = (flags: string) => {
    state.flags = flags;
    if (out.flags.value !== flags) out.flags.value = flags;
    out.flagsEcho.textContent = flags;
  };
  out.m2.addEventListener('change', flagsFromControls);
  out.inline.addEventListener('change', flagsFromControls);
  out.smallframes.addEventListener('change', flagsFromControls);
  out.go.addEventListener('change', flagsFromControls);
  let flagsTimer: ReturnType<typeof setTimeout> | null = null;
  out.flags.addEventListener('input', () => {
    if (flagsTimer) clearTimeout(flagsTimer);
    flagsTimer = setTimeout(() => {
      state.flags = out.flags.value;
      controlsFromFlags();
      request();
    }, TYPING_DEBOUNCE_MS);
  });

  // The model's parameters, once per version.
  const renderParams = (params: readonly ParamInfo[]) => {
    out.params.replaceChildren();
    for (const p of params) {
      const label = document.createElement('label');
      label.title = `${p.doc}${p.compilerFlag ? `\n(gc: ${p.compilerFlag})` : ''}`;
      const name = document.createElement('span');
      name.textContent = p.key;
      const input = document.createElement('input');
      input.dataset['key'] = p.key;
      if (p.type === 'bool') {
        input.type = 'checkbox';
        input.checked = (state.settings[p.key] ?? p.value) === 'true';
      } else {
        input.type = 'text';
        input.placeholder = p.value;
        input.value = state.settings[p.key] ?? '';
      }
      label.classList.toggle('changed', state.settings[p.key] !== undefined);
      input.addEventListener('change', () => {
        const v = input.type === 'checkbox' ? String(input.checked) : input.value.trim();
        if (v === '' || v === p.value) delete state.settings[p.key];
        else state.settings[p.key] = v;
        label.classList.toggle('changed', state.settings[p.key] !== undefined);
        out.whatifCount.textContent = countText();
        request();
      });
      label.append(name, input);
      out.params.append(label);
    }
    out.whatifCount.textContent = countText();
  };
  const countText = () => {
    const n = Object.keys(state.settings).length;
    return n > 0 ? `(${n} changed)` : '';
  };
  byId('whatif-reset').addEventListener('click', () => {
    state.settings = {};
    renderParams(state.params);
    request();
  });

  // The flow graph of the function under the cursor, drawn by Graphviz (loaded the first
  // time the tab is opened: 1.5 MB that a first visit does not pay for).
  const showGraph = () => {
    if (state.tab !== 'graph' || state.graphs.length === 0) return;
    const line = view.state.doc.lineAt(view.state.selection.main.head).number;
    const g = state.graphs.filter((x) => x.line <= line).sort((a, b) => b.line - a.line)[0] ?? state.graphs[0]!;
    if (state.drawn === g.dot) return;
    state.drawn = g.dot;
    out.graphTitle.textContent = g.nodes === 0 ? `${g.name}: no flows` : `${g.name} (line ${g.line})`;
    if (g.nodes === 0) {
      out.graph.replaceChildren();
      return;
    }
    void import('@viz-js/viz')
      .then((m) => m.instance())
      .then((viz) => {
        if (state.drawn !== g.dot) return;
        out.graph.replaceChildren(viz.renderSVGElement(g.dot));
      })
      .catch((err: unknown) => {
        out.graphTitle.textContent = `flow graph: ${String(err)}`;
      });
  };
  for (const b of document.querySelectorAll<HTMLButtonElement>('.tabs button')) {
    b.addEventListener('click', () => {
      state.tab = b.dataset['tab'] ?? 'graph';
      for (const o of document.querySelectorAll<HTMLButtonElement>('.tabs button')) o.setAttribute('aria-selected', String(o === b));
      for (const p of document.querySelectorAll<HTMLElement>('[data-pane]')) p.hidden = p.dataset['pane'] !== state.tab;
      state.drawn = '';
      showGraph();
    });
  }

  worker.addEventListener('message', (e: MessageEvent<WorkerMessage>) => {
    const msg = e.data;
    if (msg.id !== state.id) return;
    if (msg.type === 'result') onResult(msg);
    else if (msg.type === 'extras') onExtras(msg);
    else {
      out.gc.textContent = `goesc: internal error: ${msg.message}`;
      out.gc.dataset['state'] = 'error';
    }
  });
  worker.addEventListener('error', (e) => {
    out.gc.textContent = `goesc: the worker failed: ${e.message}`;
    out.gc.dataset['state'] = 'error';
  });

  const onResult = (r: RunResult) => {
    out.gc.textContent = r.output;
    out.gc.dataset['state'] = 'done';
    out.gc.classList.toggle('failed', r.failed);
    out.notes.textContent = r.notes.join('\n');
    // From the start of navigation (performance's time origin) to the first answer shown.
    if (state.firstResultMs === null) state.firstResultMs = performance.now();
    document.body.dataset['firstResultMs'] = String(Math.round(state.firstResultMs));
    const kb = r.fetched > 0 ? ` · fetched ${(r.fetched / 1024).toFixed(0)} KB of models` : '';
    out.status.textContent = `${r.go}${kb} · ${Math.round(r.timing.analyze)} ms`;
    view.dispatch({ effects: setMarks.of({ marks: r.marks, errors: r.errors, hovers: [] }) });
    if (r.params.length > 0 && r.go !== state.paramsVersion) {
      state.params = r.params;
      state.paramsVersion = r.go;
      renderParams(r.params);
    }
    if (r.failed) {
      state.graphs = [];
      out.asm.textContent = '';
    }
  };
  const onExtras = (x: RunExtras) => {
    view.dispatch({ effects: setHovers.of(x.hovers) });
    state.graphs = x.graphs;
    state.drawn = '';
    out.asm.textContent = x.asm;
    showGraph();
  };

  // Examples: one click each.
  const exampleBar = byId('examples');
  for (const ex of list) {
    const b = document.createElement('button');
    b.type = 'button';
    b.dataset['example'] = ex.id;
    b.textContent = ex.title;
    b.title = `${ex.group}: ${ex.id}.go`;
    b.addEventListener('click', () => {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: ex.source } });
      if (state.typingTimer) clearTimeout(state.typingTimer);
      state.typingTimer = null;
      request();
    });
    exampleBar.append(b);
  }

  byId('share').addEventListener('click', () => {
    const hash = writeHash({ flags: state.flags, source: view.state.doc.toString(), settings: state.settings });
    history.replaceState(null, '', hash);
    out.shareLink.value = location.href;
    out.shareLink.select();
    navigator.clipboard?.writeText(location.href).catch(() => undefined);
  });

  const loadHash = () => {
    const shared = readHash(location.hash);
    if (shared.source !== undefined) view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: shared.source } });
    setFlags(shared.flags ?? DEFAULT_FLAGS);
    state.settings = { ...(shared.settings ?? {}) };
    controlsFromFlags();
    if (state.params.length > 0) renderParams(state.params);
    if (state.typingTimer) clearTimeout(state.typingTimer);
    state.typingTimer = null;
    request(shared.bytes);
  };
  window.addEventListener('hashchange', loadHash);

  // The Go versions the site has (the select's empty choice: as the CLI, go1.26).
  void fetch(new URL('./models/versions.json', import.meta.url))
    .then((r) => r.json() as Promise<{ versions: string[]; defaultGo: string }>)
    .then((v) => {
      out.go.replaceChildren(new Option(`default (${v.defaultGo})`, ''), ...v.versions.map((x) => new Option(x, x)));
      controlsFromFlags();
    });

  loadHash();
}

start();
