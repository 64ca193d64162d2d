// Cross-validation against the real compiler (issue 3). A corpus is a folder of Go cases,
// each with a <name>.fixture.json that scripts/fixtures.mjs made by running the installed
// `go tool compile` (-m -l, -m=2 -l, -smallframes, -S, -json, go/types layout). A check
// runs goesc's library API on each case, compares its lines with the fixture's as
// multisets of `file:line:col: message` (multiset.ts), scores precision and recall per rule
// folder (score.ts), and classifies each case against the committed baseline of known
// mismatches (baseline.ts, run.ts): a case that matched and stops matching is a regression.
// Comparisons are one function each (comparisons.ts), so new goesc views plug in.

export { diffLines, isExactMatch, type LineDiff } from './multiset.js';
export { addTally, emptyTally, formatRatio, formatTallyTable, precision, recall, tallyOf, type Tally } from './score.js';
export { discoverCorpus, fixtureFileOf, loadFixture, relativizeLines, type CorpusCase, type Fixture } from './fixture.js';
export { baselinePath, readBaseline, writeBaseline, type Baseline } from './baseline.js';
export {
  allocationComparison,
  availableComparisons,
  defaultComparisons,
  escapeDecisions,
  escapeFlows,
  smallFrames,
  type Comparison,
} from './comparisons.js';
export { baselineOf, checkPassed, regressions, runCheck, type CaseResult, type CheckReport } from './run.js';
export { formatCaseLines, formatSummary } from './report.js';
