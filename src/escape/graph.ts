// The location graph: locations (variables and allocation sites), assignment edges weighted
// by derefs, and holes (contexts an expression's value flows into).
// Follows $GOROOT/src/cmd/compile/internal/escape/graph.go. Derefs count dereferences minus
// address-of operations along an assignment:
//     p = &q   // -1        p = q   // 0        p = *q   // 1        p = **q  // 2
// and never go below -1, because &x is not addressable.
// The solver needs tight loops over plain arrays, so locations keep their incoming edges
// themselves; toGraphology() exports the same graph for the `graph` command and tests.

import { MultiDirectedGraph } from 'graphology';
import type { Expr, IrFunc, IrName, Pos, Stmt } from '../ir/ir.js';
import { Leaks } from './leaks.js';
import { invariant } from '../errors.js';

/** Location attributes (graph.go locAttr). */
export const Attr = {
  /** The address escapes: the variable must be heap allocated. */
  escapes: 1,
  /** The address outlives the statement: storage cannot be reused at once. */
  persists: 2,
  /** Pointers reachable from here may have their memory mutated. */
  mutates: 4,
  /** Closures reachable from here may be called without tracking their results. */
  calls: 8,
} as const;
export const allAttrs = Attr.escapes | Attr.persists | Attr.mutates | Attr.calls;

/** Anything a location or a note can stand for. */
export type IrNode = Expr | Stmt | IrName;

export function isName(n: IrNode | null | undefined): n is IrName {
  return !!n && (n as IrName).kind === 'Name';
}

/** Why a flow happened, printed by -m=2 as `from <where> (<why>) at <pos>`. */
export interface Note {
  readonly next: Note | null;
  readonly where: IrNode;
  /** Position override (closure variables print at their use inside the closure). */
  readonly pos: Pos;
  readonly file: string;
  readonly why: string;
  /** gc's rendering when `where` has no IR node of its own (a case clause). */
  readonly text?: string;
}

export interface Edge {
  readonly src: Location;
  readonly derefs: number;
  readonly notes: Note | null;
}

/**
 * Numbers the locations of one escape run (escapePackage): ids are unique within the run's
 * results, which key graph exports by them, and start at 0 for every run, so results do not
 * depend on what the process analysed before.
 */
export class LocationIds {
  private count = 0;
  next(): number {
    return this.count++;
  }
}

/** An abstract storage location: a variable, an allocation site, or a temporary. */
export class Location {
  /** Incoming edges: values that flow into this location. */
  readonly edges: Edge[] = [];
  attrs = 0;
  /** Tuple index (from 1) of a result parameter; 0 otherwise. */
  resultIndex = 0;
  // walkOne state: minimal derefs from the current root and the path back to it.
  derefs = 0;
  walkgen = 0;
  dst: Location | null = null;
  dstEdgeIdx = 0;
  queuedWalkAll = false;
  queuedWalkOne = 0;
  /** The leak summary of a parameter. */
  paramEsc = new Leaks();
  captured = false;
  reassigned = false;
  addrtaken = false;
  param = false;
  paramOut = false;

  constructor(
    readonly id: number,
    /** The variable or expression represented; null for temporaries and pseudo-locations. */
    public n: IrNode | null,
    readonly curfn: IrFunc | null,
    public loopDepth: number,
    /** Pseudo-locations print specially ({heap}). */
    readonly pseudo: 'heap' | 'mutator' | 'callee' | 'blank' | null = null,
  ) {}

  hasAttr(a: number): boolean {
    return (this.attrs & a) !== 0;
  }

  isNameOfClass(c: IrName['class']): boolean {
    return isName(this.n) && this.n.class === c;
  }

  asHole(): Hole {
    return hole(this, 0, null, false);
  }
}

/** A context for evaluating an expression: where its value goes, with how many derefs. */
export interface Hole {
  readonly dst: Location;
  readonly derefs: number;
  readonly notes: Note | null;
  /** The context takes the expression's address (whether or not it is stored). */
  readonly addrtaken: boolean;
}

/**
 * The one way a hole is made, its fields always in this order (one object shape), and never
 * by spreading another: a hole is made per expression the analysis visits, and a spread
 * copies through V8's generic path (the cold run's profile put shift's spread at 40 ms).
 */
export function hole(dst: Location, derefs: number, notes: Note | null, addrtaken: boolean): Hole {
  return { dst, derefs, notes, addrtaken };
}

export function shift(k: Hole, delta: number): Hole {
  // &&x cannot be written: below -1 is a lowering or analysis bug (hole.shift's Fatalf).
  const derefs = k.derefs + delta;
  if (derefs < -1) invariant(false, `derefs underflow: ${derefs}`);
  return hole(k.dst, derefs, k.notes, delta < 0);
}

/** Serialises the graph for tools: one node per location, one edge per flow. */
export function toGraphology(locs: readonly Location[], label: (l: Location) => string): MultiDirectedGraph {
  const g = new MultiDirectedGraph();
  const add = (l: Location) => {
    const key = String(l.id);
    if (!g.hasNode(key)) {
      g.addNode(key, {
        label: label(l),
        escapes: l.hasAttr(Attr.escapes),
        func: l.curfn?.name ?? null,
        loopDepth: l.loopDepth,
      });
    }
    return key;
  };
  for (const l of locs) {
    const to = add(l);
    for (const e of l.edges) g.addDirectedEdge(add(e.src), to, { derefs: e.derefs });
  }
  return g;
}
