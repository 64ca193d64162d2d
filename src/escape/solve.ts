// The solver: from every root location, the minimal derefs to every location that flows
// into it, and what follows — heap allocation when an address outlives its variable,
// parameter leaks, and the persists/mutates/calls attributes.
// Follows $GOROOT/src/cmd/compile/internal/escape/solve.go. The graph has negative edges
// (address-of), so each walk is a Bellman-Ford relaxation, bounded because derefs below 0
// are clamped when continuing past an address-of. Roots are re-walked when they gain
// attributes, which happens at most a few times each: Θ(locations) walks.

import type { IrFunc } from '../ir/ir.js';
import type { Batch } from './batch.js';
import { funcName } from './batch.js';
import { Attr, allAttrs, isName, type Location } from './graph.js';
import { numEscResults } from './leaks.js';

/** A double-ended queue of locations (solve.go queue). */
class Deque {
  private items: (Location | undefined)[];
  private head = 0;
  private size = 0;
  constructor(cap: number) {
    let c = 2;
    while (c < cap) c *= 2;
    this.items = new Array(c);
  }
  get length(): number { return this.size; }
  private grow(): void {
    const n: (Location | undefined)[] = new Array(this.items.length * 2);
    for (let i = 0; i < this.size; i++) n[i] = this.items[(this.head + i) & (this.items.length - 1)];
    this.items = n;
    this.head = 0;
  }
  pushFront(l: Location): void {
    if (this.size === this.items.length) this.grow();
    this.head = (this.head - 1) & (this.items.length - 1);
    this.items[this.head] = l;
    this.size++;
  }
  pushBack(l: Location): void {
    if (this.size === this.items.length) this.grow();
    this.items[(this.head + this.size) & (this.items.length - 1)] = l;
    this.size++;
  }
  popFront(): Location {
    const l = this.items[this.head]!;
    this.items[this.head] = undefined;
    this.head = (this.head + 1) & (this.items.length - 1);
    this.size--;
    return l;
  }
}

export function walkAll(b: Batch): void {
  const todo = new Deque(b.allLocs.length + 3);
  const enqueue = (loc: Location) => {
    if (loc.queuedWalkAll) return;
    loc.queuedWalkAll = true;
    // Escaping locations first: attrEscapes then spreads faster.
    if (loc.hasAttr(Attr.escapes)) todo.pushFront(loc);
    else todo.pushBack(loc);
  };
  for (const loc of b.allLocs) {
    todo.pushFront(loc);
    loc.queuedWalkAll = true;
  }
  for (const l of [b.mutatorLoc, b.calleeLoc, b.heapLoc]) {
    todo.pushFront(l);
    l.queuedWalkAll = true;
  }
  let walkgen = 0;
  while (todo.length > 0) {
    const root = todo.popFront();
    root.queuedWalkAll = false;
    walkgen++;
    walkOne(b, root, walkgen, enqueue);
  }
}

function walkOne(b: Batch, root: Location, walkgen: number, enqueue: (l: Location) => void): void {
  root.walkgen = walkgen;
  root.derefs = 0;
  root.dst = null;

  if (root.hasAttr(Attr.calls) && root.n && !isName(root.n) && root.n.op === 'CLOSURE') {
    const fn = root.n.func;
    if (b.inMutualBatch(fn) && !b.opts.closureResultsLost.has(fn)) {
      b.opts.closureResultsLost.add(fn);
      // Its results may now flow anywhere: re-walk from them.
      for (const r of fn.results) if (b.hasLoc(r)) enqueue(b.oldLoc(r));
    }
  }

  const todo = new Deque(1);
  todo.pushFront(root);
  while (todo.length > 0) {
    const l = todo.popFront();
    l.queuedWalkOne = 0;
    let derefs = l.derefs;
    let newAttrs = 0;

    if (derefs < 0) {
      // l's address flows to root: "root = &l; l = x" stores x's value, not its address.
      derefs = 0;
      if (outlives(b, root, l)) {
        if (!l.hasAttr(Attr.escapes) && b.m >= 2 && l.n) {
          b.explainEscape(l);
          explainPath(b, root, l);
        }
        newAttrs |= allAttrs;
      } else if (root.hasAttr(Attr.persists)) {
        newAttrs |= Attr.persists;
      }
    }
    if (derefs === 0) newAttrs |= root.attrs & (Attr.mutates | Attr.calls);

    if (l.param) {
      if (outlives(b, root, l)) {
        if (!l.hasAttr(Attr.escapes) && b.m >= 2 && l.n) {
          b.say(
            b.fileOf(l),
            l.n.pos,
            `parameter ${isName(l.n) ? l.n.sym : ''} leaks to ${b.explainLoc(root)} for ${funcName(l.curfn)} with derefs=${derefs}:`,
            'flow',
            l.curfn,
          );
          explainPath(b, root, l);
        }
        leakTo(l, root, derefs);
      }
      if (root.hasAttr(Attr.mutates)) l.paramEsc.addMutator(derefs);
      if (root.hasAttr(Attr.calls)) l.paramEsc.addCallee(derefs);
    }

    if ((newAttrs & ~l.attrs) !== 0) {
      l.attrs |= newAttrs;
      enqueue(l);
      if (l.hasAttr(Attr.escapes)) continue;
    }

    const edges = l.edges;
    for (let i = 0; i < edges.length; i++) {
      const edge = edges[i]!;
      const src = edge.src;
      if (src.hasAttr(Attr.escapes)) continue;
      const d = derefs + edge.derefs;
      if (src.walkgen !== walkgen || src.derefs > d) {
        src.walkgen = walkgen;
        src.derefs = d;
        src.dst = l;
        src.dstEdgeIdx = i;
        if (src.queuedWalkOne !== walkgen) {
          src.queuedWalkOne = walkgen;
          todo.pushBack(src);
        }
      }
    }
  }
}

/** Parameter l leaks to sink: a result of its own function when possible, else the heap. */
function leakTo(l: Location, sink: Location, derefs: number): void {
  if (!sink.hasAttr(Attr.escapes) && sink.isNameOfClass('result') && sink.curfn === l.curfn) {
    const ri = sink.resultIndex - 1;
    if (ri < numEscResults) {
      l.paramEsc.addResult(ri, derefs);
      return;
    }
  }
  l.paramEsc.addHeap(derefs);
}

/** Whether c is a closure nested (at any depth) inside f (ir.ContainsClosure). */
export function containsClosure(f: IrFunc | null, c: IrFunc | null): boolean {
  if (!f || !c || f === c) return false;
  for (let p = c.outer; p; p = p.outer) if (p === f) return true;
  return false;
}

/** Whether values stored in l may outlive `other` if it were stack allocated. */
export function outlives(b: Batch, l: Location, other: Location): boolean {
  if (l.hasAttr(Attr.escapes)) return true;
  if (l === b.mutatorLoc || l === b.calleeLoc) return false;
  if (l.paramOut) {
    // A closure called only where it is defined may return its parent's locals.
    if (containsClosure(other.curfn, l.curfn) && l.curfn && !b.opts.closureResultsLost.has(l.curfn)) return false;
    return true;
  }
  if (l.curfn === other.curfn && l.loopDepth < other.loopDepth) return true;
  if (containsClosure(l.curfn, other.curfn)) return true;
  return false;
}

function explainPath(b: Batch, root: Location, src: Location): void {
  const at = src;
  const visited = new Set<Location>();
  for (;;) {
    if (visited.has(src)) {
      if (at.n) {
        b.say(b.fileOf(at), at.n.pos, '  warning: truncated explanation due to assignment cycle; see golang.org/issue/35518', 'flow', at.curfn);
      }
      break;
    }
    visited.add(src);
    const dst = src.dst;
    if (!dst) break;
    const edge = dst.edges[src.dstEdgeIdx]!;
    b.explainFlow(at, dst, src, edge.derefs, edge.notes);
    if (dst === root) break;
    src = dst;
  }
}
