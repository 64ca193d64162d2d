// The escape stage's location graph (src/escape/graph.ts) as the picture's FlowGraph, one
// function at a time: the function's locations, the locations its edges reach (callers'
// results, closures, {heap}), and the edges between them. Names follow -m=2's explainLoc
// (`{heap}`, `{temp}`, `x`, `{storage for make([]int, 10)}`).

import type { Location } from '../escape/graph.js';
import { Attr, isName } from '../escape/graph.js';
import { withoutPackage } from '../escape/batch.js';
import { gcNodeFormatter } from '../diag/index.js';
import type { FlowGraph, FlowGraphEdge, FlowGraphNode, FlowNodeKind } from './graph.js';

/** How -m=2 names a location. */
export function locationName(l: Location): string {
  if (l.pseudo === 'heap') return '{heap}';
  if (l.pseudo) return `{${l.pseudo}}`;
  if (!l.n) return '{temp}';
  if (isName(l.n)) return l.n.sym;
  return `{storage for ${gcNodeFormatter.node(l.n)}}`;
}

function kindOf(l: Location): FlowNodeKind {
  if (l.pseudo === 'heap') return 'heap';
  if (l.pseudo || !l.n) return 'temp';
  if (l.paramOut) return 'result';
  if (l.param) return 'param';
  return isName(l.n) ? 'local' : 'alloc';
}

/** The subgraph of `func` (gc's symbol); null when it has no flow edge at all. */
export function functionFlowGraph(locations: readonly Location[], func: string): FlowGraph | null {
  return flowGraph(locations, (l) => l.curfn?.name === func, func);
}

/**
 * The graph of a whole package, or of the functions `func` names: gc's symbol (`p.f`,
 * `p.(*T).M`) or its part after the package (`f`, `(*T).M`). Empty when nothing matches.
 */
export function packageFlowGraph(locations: readonly Location[], func?: string, title = 'escape'): FlowGraph {
  const wanted = (name: string | undefined) =>
    func === undefined || name === func || (name !== undefined && withoutPackage(name) === func);
  return flowGraph(locations, (l) => l.curfn !== null && wanted(l.curfn.name), func ?? title) ?? { title: func ?? title, nodes: [], edges: [] };
}

function flowGraph(locations: readonly Location[], mine: (l: Location) => boolean, title: string): FlowGraph | null {
  const nodes = new Map<Location, FlowGraphNode>();
  const edges: FlowGraphEdge[] = [];
  const node = (l: Location): string => {
    if (!nodes.has(l)) {
      const pos = l.n && 'pos' in l.n ? (l.n as { pos?: { line: number; col: number } }).pos : undefined;
      nodes.set(l, {
        id: `L${l.id}`,
        name: locationName(l),
        kind: kindOf(l),
        ...(l.curfn ? { func: l.curfn.name } : {}),
        escapes: l.hasAttr(Attr.escapes),
        ...(pos ? { line: pos.line, col: pos.col } : {}),
        ...(pos && l.curfn?.file ? { file: l.curfn.file } : {}),
      });
    }
    return `L${l.id}`;
  };
  for (const dst of locations) {
    for (const e of dst.edges) {
      if (!mine(dst) && !mine(e.src)) continue;
      // Flows into the blank location carry nothing anywhere.
      if (dst.pseudo === 'blank') continue;
      edges.push({ src: node(e.src), dst: node(dst), derefs: e.derefs, ...(e.notes ? { why: e.notes.why } : {}) });
    }
  }
  if (edges.length === 0) return null;
  return { title, nodes: [...nodes.values()], edges };
}
