// The input the allocation lowering needs from escape analysis, and an adapter that reads it
// from gc-style -m diagnostics (goesc's own, or the real compiler's for isolating the
// lowering rules in measurements).
//
// gc decides per allocation site (n.Esc(): EscHeap or EscNone) and per variable
// (Name.Esc() == EscHeap → moved to heap); -m prints exactly those decisions at the node's
// position: `X escapes to heap`, `X does not escape`, `moved to heap: x`. Several nodes can
// share a position (`string(b)` converted to an interface), so the adapter tells them apart
// by gc's rendering of the node (src/ir/fmt.ts).

import type { Expr, IrFunc, IrName, Pos } from '../ir/ir.js';
import { formatExpr } from '../ir/fmt.js';

/** Escape analysis results as the allocation lowering consumes them. */
export interface Placement {
  /** The allocation this expression makes is on the heap (gc: n.Esc() != EscNone). */
  escapes(node: Expr): boolean;
  /** The variable lives on the heap (gc: `moved to heap: x`). */
  movedToHeap(name: IrName): boolean;
  /**
   * The closure copies this captured variable into its record (by value) rather than its
   * address. Optional: when absent or undefined the lowering applies gc's rule itself.
   */
  capturedByValue?(closure: IrFunc, v: IrName): boolean | undefined;
  /**
   * A non-escaping []byte(s) whose bytes are never written reuses the string's memory
   * (escape's `zero-copy string->[]byte conversion`, Go 1.22+): no call. Optional.
   */
  zeroCopy?(node: Expr): boolean;
}

/** The parts of a diagnostic this adapter reads (api.Diagnostic and EscapeMessage fit). */
export interface PlacementDiagnostic {
  readonly line: number;
  readonly col: number;
  readonly message: string;
}

interface SiteDecision {
  readonly expr: string;
  readonly escapes: boolean;
}

const escapesSuffix = ' escapes to heap';
const noEscapeSuffix = ' does not escape';
const movedPrefix = 'moved to heap: ';
const zeroCopyMessage = 'zero-copy string->[]byte conversion';

/** A Placement answering from -m diagnostics of one file. */
export function placementFromDiagnostics(diags: readonly PlacementDiagnostic[]): Placement {
  const sites = new Map<string, SiteDecision[]>();
  const moved = new Map<string, string>();
  const zeroCopies = new Set<string>();
  const key = (p: Pos): string => `${p.line}:${p.col}`;
  for (const d of diags) {
    const at = key(d);
    if (d.message.startsWith(movedPrefix)) {
      moved.set(at, d.message.slice(movedPrefix.length));
      continue;
    }
    if (d.message === zeroCopyMessage) {
      zeroCopies.add(at);
      continue;
    }
    let decision: SiteDecision | null = null;
    if (d.message.endsWith(escapesSuffix)) decision = { expr: d.message.slice(0, -escapesSuffix.length), escapes: true };
    else if (d.message.endsWith(noEscapeSuffix)) decision = { expr: d.message.slice(0, -noEscapeSuffix.length), escapes: false };
    if (!decision) continue;
    const list = sites.get(at) ?? [];
    list.push(decision);
    sites.set(at, list);
  }
  return {
    escapes(node: Expr): boolean {
      const list = sites.get(key(node.pos));
      if (!list || list.length === 0) return false;
      if (list.length === 1) return list[0]!.escapes;
      let text: string | null = null;
      try {
        text = formatExpr(node);
      } catch {
        text = null;
      }
      const hit = list.find((s) => s.expr === text);
      return (hit ?? list[0]!).escapes;
    },
    movedToHeap(name: IrName): boolean {
      return moved.get(key(name.pos)) === name.sym;
    },
    zeroCopy(node: Expr): boolean {
      return zeroCopies.has(key(node.pos));
    },
  };
}
