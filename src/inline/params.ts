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
  /** -race (base.Flag.Race; instrumenting). */
  readonly race: boolean;
  /** -d=checkptr (base.Debug.Checkptr). */
  readonly checkptr: boolean;
  /** objabi PkgSpecial.Runtime, NoInstrument, NoRaceFunc: import paths. */
  readonly runtimePackages: ReadonlySet<string>;
  readonly noInstrumentPackages: ReadonlySet<string>;
  readonly noRaceFuncPackages: ReadonlySet<string>;
}

export function inlineParams(model: Model): InlineParams {
  const paths = (list: string) => new Set(list.split(/\s+/).filter(Boolean));
  return {
    ...model.inline,
    runtimePackages: paths(model.inline.runtimePackages),
    noInstrumentPackages: paths(model.inline.noInstrumentPackages),
    noRaceFuncPackages: paths(model.inline.noRaceFuncPackages),
  };
}
