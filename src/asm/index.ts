// Predicted amd64 allocation code: what `go tool compile -S` will show about where values
// live, without a compiler.
//
// The seed article reads -S to see placement: a value kept in the frame (or, in modern Go,
// in a register) versus `LEAQ type:T(SB), AX` + `CALL runtime.newobject(SB)`. Which runtime
// call a construct becomes is decided in two steps, and this module keeps them apart:
//
//   1. escape analysis decides per allocation site and per variable: heap or stack. That is
//      the input, the `Placement` interface (placement.ts):
//          escapes(node: Expr): boolean       // n.Esc() != EscNone
//          movedToHeap(name: IrName): boolean // `moved to heap: x`
//      filled from goesc's escape results (placementFromEscape, by node identity) or from
//      -m diagnostics (placementFromDiagnostics, by position and gc's node text; used to
//      measure these rules with the real compiler's decisions).
//   2. the back end's lowering rules (walk/, ssagen/) turn a decision plus the construct and
//      its types into a call or none: predict.ts walks each function's IR in evaluation
//      order; convert.ts decides interface conversions; rules.ts reads the version-dependent
//      parameters from the model; frame.ts predicts the TEXT line of frameless leaves.
//
// Output: FuncAsm per function (result.ts), rendered as -S-style text or docs/CLI.md JSON
// (listing.ts), and compared with a real listing (gcasm.ts reads it, compare.ts matches the
// multisets of (line, call)). Symbol and type names are gc's (linkname.ts).

import type { Expr, IrName } from '../ir/ir.js';
import type { Placement, PlacementDiagnostic } from './placement.js';
import { placementFromDiagnostics } from './placement.js';
import type { IrPackage } from '../ir/ir.js';
import type { Model } from '../models/index.js';
import type { FuncAsm } from './result.js';
import { predictPackage as predictIr } from './predict.js';
import { asmRulesOf as rulesOf } from './rules.js';

export type { Placement, PlacementDiagnostic } from './placement.js';
export { placementFromDiagnostics } from './placement.js';
export type { AllocCall, FuncAsm, StackValue, FramePrediction } from './result.js';
export { predictPackage, type PlacementSource } from './predict.js';
export { asmRulesOf, go126AsmRules, type AsmRules } from './rules.js';
export { formatListing, toJson, textDirective, type FuncJson } from './listing.js';
export { readListing, allocRoutine, type RealFunc, type RealAlloc } from './gcasm.js';
export { compareFuncs, formatComparison, countRows, type FuncComparison, type Counts } from './compare.js';
export { linkTypeName } from './linkname.js';

/** What src/escape's escapePackage returns that the lowering reads. */
export interface EscapePlacements {
  readonly placement: ReadonlyMap<Expr | IrName, 'heap' | 'stack'>;
  readonly capturedByValue?: ReadonlyMap<IrName, boolean>;
}

/**
 * A Placement from goesc's escape results: the decision recorded for the node itself;
 * nodes escape analysis made no location for (there is nothing to allocate) count as stack,
 * unless diagnostics (its messages) say otherwise.
 */
export function placementFromEscape(result: EscapePlacements, diags: readonly PlacementDiagnostic[] = []): Placement {
  const byText = placementFromDiagnostics(diags);
  return {
    escapes(node: Expr): boolean {
      const d = result.placement.get(node);
      return d === undefined ? byText.escapes(node) : d === 'heap';
    },
    movedToHeap(name: IrName): boolean {
      const d = result.placement.get(name);
      return d === undefined ? byText.movedToHeap(name) : d === 'heap';
    },
    zeroCopy: (node: Expr): boolean => byText.zeroCopy?.(node) ?? false,
    // escape's own decision, when it made one (undefined: the lowering applies gc's rule)
    capturedByValue: (_closure, v) => result.capturedByValue?.get(v),
  };
}

/**
 * The allocation code of one analysed package (analysed at -m=1 without the inliner, as
 * `goesc asm` runs it): decisions from its escape results and lines, unless `placement`
 * gives others; the lowering rules from the model.
 */
export function predictAnalyzed(
  analysed: { readonly ir: IrPackage; readonly escape: EscapePlacements; readonly diagnostics: readonly (PlacementDiagnostic & { readonly file: string })[] },
  model: Model,
  placement?: (file: string) => Placement,
): FuncAsm[] {
  const placementOf = placement ?? ((file: string) => placementFromEscape(analysed.escape, analysed.diagnostics.filter((d) => d.file === file)));
  return predictIr(analysed.ir, placementOf, rulesOf(model));
}
