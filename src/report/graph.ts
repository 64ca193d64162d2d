// The escape flow graph as pictures and data: Graphviz DOT, SVG (Graphviz compiled to
// WebAssembly, @viz-js/viz: no native program), and graphology's serialized JSON.
// The input is a small plain interface (FlowGraph) so any stage can draw: the escape
// stage's location graph (fromGraphology adapts escape/graph.ts's toGraphology export),
// or hand-made graphs in tests. Vocabulary after cmd/compile/internal/escape/graph.go:
// an edge dst ← src carries derefs (-1 for &src, 0 for src, n for n stars); the escaping
// path is the chain of edges that carries an escaping location's address to {heap} or to
// a result that outlives it.

import { once } from '../util/once.js';
import graphology from 'graphology';
import type { AbstractGraph, SerializedGraph } from 'graphology-types';

export type FlowNodeKind = 'heap' | 'param' | 'result' | 'local' | 'alloc' | 'temp';

export interface FlowGraphNode {
  readonly id: string;
  /** The location as gc prints it: `x`, `~r0`, `{heap}`, `{storage for make([]int, 10)}`. */
  readonly name: string;
  readonly kind: FlowNodeKind;
  /** gc's function name, used to cluster the nodes. */
  readonly func?: string;
  /** The location's address escapes: it lives on the heap (attrEscapes). */
  readonly escapes: boolean;
  readonly line?: number;
  readonly col?: number;
  /** The file of line:col, as gc names it; drawn as `file:line:col`. */
  readonly file?: string;
}

export interface FlowGraphEdge {
  /** The value's origin: flows src → dst (gc writes `dst ← src`). */
  readonly src: string;
  readonly dst: string;
  readonly derefs: number;
  /** On an escaping path; computed by escapingEdges() when left out. */
  readonly escaping?: boolean;
  /** The note's reason (`address-of`, `return`, ...). */
  readonly why?: string;
}

export interface FlowGraph {
  readonly title?: string;
  readonly nodes: readonly FlowGraphNode[];
  readonly edges: readonly FlowGraphEdge[];
}

/** derefs as gc's -m=2 prints them before the source: `&`, ``, `*`, `**`. */
export function derefOps(derefs: number): string {
  return derefs < 0 ? '&' : '*'.repeat(derefs);
}

/**
 * Indexes of the edges on an escaping path: reachable from an escaping location and
 * leading to {heap} or a result. Edges that say `escaping` themselves are taken as given.
 */
export function escapingEdges(g: FlowGraph): Set<number> {
  if (g.edges.some((e) => e.escaping !== undefined)) {
    return new Set(g.edges.flatMap((e, i) => (e.escaping ? [i] : [])));
  }
  const kindOf = new Map(g.nodes.map((n) => [n.id, n]));
  const fromEscaping = reach(
    g.nodes.filter((n) => n.escapes && n.kind !== 'heap').map((n) => n.id),
    g.edges.map((e) => [e.src, e.dst] as const),
  );
  const toSink = reach(
    g.nodes.filter((n) => n.kind === 'heap' || n.kind === 'result').map((n) => n.id),
    g.edges.map((e) => [e.dst, e.src] as const),
  );
  const out = new Set<number>();
  g.edges.forEach((e, i) => {
    if (fromEscaping.has(e.src) && toSink.has(e.dst) && kindOf.has(e.src) && kindOf.has(e.dst)) out.add(i);
  });
  return out;
}

function reach(starts: readonly string[], arcs: readonly (readonly [string, string])[]): Set<string> {
  const next = new Map<string, string[]>();
  for (const [a, b] of arcs) next.set(a, [...(next.get(a) ?? []), b]);
  const seen = new Set(starts);
  const todo = [...starts];
  while (todo.length > 0) {
    for (const b of next.get(todo.pop()!) ?? []) {
      if (!seen.has(b)) {
        seen.add(b);
        todo.push(b);
      }
    }
  }
  return seen;
}

const palette = {
  heap: { fill: '#f8d7da', line: '#b02a37' },
  escaping: { fill: '#fde2c8', line: '#c2410c' },
  stack: { fill: '#dcfce7', line: '#15803d' },
  neutral: { fill: '#f1f5f9', line: '#475569' },
} as const;

/** derefs in words, for edge labels: `&` address, `=` value, `*` dereference. */
export function derefWords(derefs: number): string {
  if (derefs < 0) return '& address';
  if (derefs === 0) return 'value';
  return `${'*'.repeat(derefs)} deref`;
}

export interface DotOptions {
  /** Add a legend cluster (for standalone pictures; the report explains in its caption). */
  readonly legend?: boolean;
}

/** The legend: what node colours, shapes and edge labels mean. */
function legendLines(): string[] {
  const node = (id: string, label: string, colors: { fill: string; line: string }, extra = '') =>
    `    ${dotId(id)} [label=${dotString(label)}, fillcolor="${colors.fill}", color="${colors.line}"${extra}];`;
  return [
    '  subgraph cluster_legend {',
    '    label="legend"; style="rounded"; color="#cbd5e1"; fontname="Helvetica"; fontsize=10;',
    node('legend_heap', '{heap}', palette.heap, ', shape=doubleoctagon'),
    node('legend_escapes', 'x\\nheap: moved to heap', palette.escaping, ', penwidth=2'),
    node('legend_stack', 'y\\nstays on the stack', palette.stack),
    node('legend_param', 'p / ~r0\\nparameter, result', palette.neutral, ', shape=cds'),
    `    ${dotId('legend_escapes')} -> ${dotId('legend_heap')} [label="why (gc's reason)\\n& address · value · * deref", color="${palette.heap.line}", penwidth=2.4, fontcolor="${palette.heap.line}"];`,
    `    ${dotId('legend_param')} -> ${dotId('legend_stack')} [label="flow dst ← src", color="#64748b"];`,
    '  }',
  ];
}

/** Graphviz DOT: one cluster per function, escaping locations and paths in red. */
export function toDot(g: FlowGraph, options: DotOptions = {}): string {
  const hot = escapingEdges(g);
  const lines = [
    `digraph ${dotId(g.title ?? 'escape')} {`,
    '  rankdir=LR;',
    '  bgcolor="transparent";',
    '  node [fontname="Helvetica", fontsize=11, style="rounded,filled", shape=box];',
    '  edge [fontname="Helvetica", fontsize=10];',
  ];
  const byFunc = new Map<string, FlowGraphNode[]>();
  for (const n of g.nodes) {
    const key = n.kind === 'heap' ? '' : (n.func ?? '');
    byFunc.set(key, [...(byFunc.get(key) ?? []), n]);
  }
  let cluster = 0;
  for (const [func, nodes] of byFunc) {
    const indent = func ? '    ' : '  ';
    if (func) lines.push(`  subgraph cluster_${cluster++} {`, `    label=${dotString(func)};`, '    style="dashed"; color="#94a3b8";');
    for (const n of nodes) lines.push(indent + nodeLine(n));
    if (func) lines.push('  }');
  }
  if (options.legend) lines.push(...legendLines());
  g.edges.forEach((e, i) => {
    // The reason first, as the report shows it, then what flows (address, value, deref).
    const label = `${e.why ? `${e.why}\\n` : ''}${derefWords(e.derefs)}`;
    const attrs = [`label=${dotString(label)}`, `tooltip=${dotString(`${e.src} → ${e.dst}: derefs=${e.derefs}`)}`];
    if (hot.has(i)) attrs.push(`color="${palette.heap.line}"`, 'penwidth=2.4', `fontcolor="${palette.heap.line}"`, 'class="escaping"');
    else attrs.push('color="#64748b"');
    lines.push(`  ${dotId(e.src)} -> ${dotId(e.dst)} [${attrs.join(', ')}];`);
  });
  lines.push('}');
  return lines.join('\n') + '\n';
}

function nodeLine(n: FlowGraphNode): string {
  const colors = n.kind === 'heap' ? palette.heap : n.escapes ? palette.escaping : n.kind === 'alloc' || n.kind === 'local' ? palette.stack : palette.neutral;
  const file = n.file ? `${n.file.slice(n.file.lastIndexOf('/') + 1)}:` : '';
  const where = n.line !== undefined ? `\\n${file}${n.line}:${n.col ?? 0}` : '';
  const place = n.kind === 'heap' ? '' : n.escapes ? '\\nheap' : '';
  const attrs = [
    `label=${dotString(n.name + place + where)}`,
    `fillcolor="${colors.fill}"`,
    `color="${colors.line}"`,
    `class=${dotString(n.kind === 'heap' ? 'heap' : n.escapes ? 'escapes' : 'stack')}`,
  ];
  if (n.kind === 'heap') attrs.push('shape=doubleoctagon');
  else if (n.kind === 'param' || n.kind === 'result') attrs.push('shape=cds');
  if (n.escapes) attrs.push('penwidth=2');
  return `${dotId(n.id)} [${attrs.join(', ')}];`;
}

function dotId(s: string): string {
  return dotString(s);
}

/** A DOT quoted string (only `"` and `\` before a non-escape need care). */
function dotString(s: string): string {
  return '"' + s.replace(/\\(?![nlr])/g, '\\\\').replace(/"/g, '\\"') + '"';
}

/**
 * Graphviz in WebAssembly, instantiated once (about 100 ms). Required, not imported: code
 * run from the bundle's V8 code cache or the start-up snapshot has no dynamic-import callback
 * (`A dynamic import callback was not specified`), and the package has a CommonJS build. The
 * browser's page draws with its own import (web/main.ts) and never calls this.
 */
const viz = once(async () => {
  const { createRequire } = process.getBuiltinModule('node:module');
  const m = createRequire(import.meta.url)('@viz-js/viz') as typeof import('@viz-js/viz');
  return m.instance();
});

/** SVG through Graphviz-in-WebAssembly. */
export async function toSvg(g: FlowGraph, options: DotOptions = {}): Promise<string> {
  const graphviz = await viz();
  const svg = graphviz.renderString(toDot(g, options), { format: 'svg' });
  // Inline use: drop the XML prolog, DOCTYPE and comments that only standalone files need.
  return svg.slice(svg.indexOf('<svg'));
}

/** graphology's serialized form (Graph#export), one node per location. */
export function toGraphologyJson(g: FlowGraph): SerializedGraph {
  const graph = new graphology.MultiDirectedGraph();
  const hot = escapingEdges(g);
  for (const n of g.nodes) {
    graph.addNode(n.id, { name: n.name, kind: n.kind, func: n.func ?? null, escapes: n.escapes, line: n.line ?? null, col: n.col ?? null });
  }
  g.edges.forEach((e, i) => {
    graph.addDirectedEdge(e.src, e.dst, { derefs: e.derefs, escaping: hot.has(i), ...(e.why ? { why: e.why } : {}) });
  });
  return graph.export();
}

/**
 * Adapts a graphology graph such as escape/graph.ts's toGraphology() (node attributes
 * label, escapes, func; edge attribute derefs; edges run src → dst).
 */
export function fromGraphology(graph: AbstractGraph, title?: string): FlowGraph {
  const nodes: FlowGraphNode[] = [];
  graph.forEachNode((id, a) => {
    const name = String(a['label'] ?? a['name'] ?? id);
    nodes.push({
      id,
      name,
      kind: (a['kind'] as FlowNodeKind | undefined) ?? kindFromName(name),
      ...(a['func'] ? { func: String(a['func']) } : {}),
      escapes: Boolean(a['escapes']),
      ...(typeof a['line'] === 'number' ? { line: a['line'] as number } : {}),
      ...(typeof a['col'] === 'number' ? { col: a['col'] as number } : {}),
    });
  });
  const edges: FlowGraphEdge[] = [];
  graph.forEachEdge((_key, a, src, dst) => {
    edges.push({
      src,
      dst,
      derefs: Number(a['derefs'] ?? 0),
      ...(typeof a['escaping'] === 'boolean' ? { escaping: a['escaping'] as boolean } : {}),
      ...(a['why'] ? { why: String(a['why']) } : {}),
    });
  });
  return { ...(title ? { title } : {}), nodes, edges };
}

/** gc's naming: `{heap}`, `~r0` results, `{storage for X}` / `{temp}` allocations. */
export function kindFromName(name: string): FlowNodeKind {
  if (name === '{heap}') return 'heap';
  if (/^~[rb]\d+$/.test(name)) return 'result';
  if (name.startsWith('{storage for')) return 'alloc';
  if (name.startsWith('{')) return 'temp';
  return 'local';
}

export type GraphFormat = 'dot' | 'json' | 'svg';

/** The `graph` command's output for one format (JSON: graphology's serialized form). */
export async function formatGraph(g: FlowGraph, format: GraphFormat): Promise<string> {
  // Standalone pictures carry their legend; the report explains its graphs in a caption.
  if (format === 'dot') return toDot(g, { legend: true });
  if (format === 'svg') return (await toSvg(g, { legend: true })) + '\n';
  return JSON.stringify(toGraphologyJson(g), null, 2) + '\n';
}
