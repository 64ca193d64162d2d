// The inliner's parameters, read from the rule model's `inline` section (models/<v>/rules.json,
// each documented there with the gc constant it comes from in inline/inl.go).

import type { Model } from '../models/index.js';

export interface InlineParams {
  /** inlineMaxBudget: the largest inlinable cost. */
  readonly budget: number;
  /** inlineExtraCallCost: a call that will not be inlined. */
  readonly extraCallCost: number;
  /** inlineParamCallCost: a call of a parameter or captured variable. */
  readonly paramCallCost: number;
  /** inlineExtraPanicCost. */
  readonly panicCost: number;
  /** hairyVisitor.doNode OCLOSURE. */
  readonly closureCost: number;
  /** inlineBigFunctionNodes. */
  readonly bigFunctionNodes: number;
  /** inlineBigFunctionMaxCost. */
  readonly bigFunctionMaxCost: number;
  /** inlineClosureCalledOnceCost. */
  readonly closureCalledOnceCost: number;
  /** base.Debug.InlFuncsWithClosures. */
  readonly funcsWithClosures: boolean;
}

export function inlineParams(model: Model): InlineParams {
  return { ...model.inline };
}
