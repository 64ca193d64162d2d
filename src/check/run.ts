// Runs a check over a corpus folder: for each case and comparison, goesc's lines against
// the fixture's as multisets, each case classified against the baseline, and tallies per
// rule folder. A pure report comes back; printing and exit codes are the caller's.

import { createContext } from '../pipeline/context.js';
import type { Baseline } from './baseline.js';
import type { Comparison } from './comparisons.js';
import { BASE_FIXTURE_VERSION, discoverCorpus, loadFixture, type CorpusCase } from './fixture.js';
import { diffLines, isExactMatch, type LineDiff } from './multiset.js';
import { addTally, emptyTally, tallyOf, type Tally } from './score.js';
import { listVersions, normalizeVersion } from '../models/index.js';
import { UserError } from '../errors.js';

/**
 * The model a fixture is compared with: the one of the Go version that recorded it
 * (go1.26.8 → models/go1.26). A version goesc has no model for is bad input (exit 2).
 */
export function modelFor(caseId: string, recordedBy: string): string {
  const wanted = normalizeVersion(recordedBy);
  const known = listVersions();
  if (!known.includes(wanted)) {
    throw new UserError(
      `goesc check: ${caseId}: recorded by ${recordedBy}, and goesc has no ${wanted} model (have: ${known.join(', ')}); ` +
        're-record with a Go that goesc models (goesc fixtures DIR)',
    );
  }
  return wanted;
}

/**
 * match: equal to the compiler; known: differs and the baseline says so; regression:
 * differs but the baseline says it matched (or does not know it); fixed: matches although
 * the baseline lists it (run --update to record the progress).
 */
export type CaseStatus = 'match' | 'known' | 'regression' | 'fixed';

export interface CaseOutcome {
  readonly comparison: string;
  readonly diff: LineDiff;
  readonly status: CaseStatus;
  /** Set when goesc failed on the case (an exception, not a wrong answer). */
  readonly error?: string;
}

export interface CaseResult {
  readonly case: CorpusCase;
  readonly outcomes: readonly CaseOutcome[];
}

export interface CheckReport {
  readonly root: string;
  readonly goVersion: string;
  readonly comparisons: readonly Comparison[];
  readonly results: readonly CaseResult[];
  readonly missingFixtures: readonly string[];
  readonly orphanFixtures: readonly string[];
  /** Per comparison: per rule tallies, and overall. */
  readonly tallies: Readonly<Record<string, { readonly byRule: ReadonlyMap<string, Tally>; readonly overall: Tally }>>;
  readonly baselineFound: boolean;
  /** The comparisons the baseline gates. */
  readonly baselineComparisons: readonly string[];
}

export interface CheckOptions {
  readonly root: string;
  readonly comparisons: readonly Comparison[];
  readonly baseline: Baseline | undefined;
  /** Only cases whose id contains one of these (all when empty). */
  readonly filters?: readonly string[];
  /**
   * The model version (`go1.27`): its fixtures (<name>.fixture.go1.27.json) are compared with
   * goesc under that model. Default: the base fixtures and their model (go1.26).
   */
  readonly go?: string;
  readonly onCase?: (r: CaseResult) => void;
}

function classify(matches: boolean, listed: boolean): CaseStatus {
  if (matches) return listed ? 'fixed' : 'match';
  return listed ? 'known' : 'regression';
}

export async function runCheck(opts: CheckOptions): Promise<CheckReport> {
  const version = opts.go ? normalizeVersion(opts.go) : BASE_FIXTURE_VERSION;
  const corpus = discoverCorpus(opts.root, version);
  const filters = opts.filters ?? [];
  const selected = corpus.cases.filter((c) => filters.length === 0 || filters.some((f) => c.id.includes(f)));
  const missing = new Set(corpus.missingFixtures.map((c) => c.id));
  // A comparison the baseline has no list for is measured, not gated: its mismatches count
  // as known until `--update` records a list for it.
  const listedBy = new Map(
    opts.comparisons.map((cmp) => [cmp.name, opts.baseline?.mismatching[cmp.name] ? new Set(opts.baseline.mismatching[cmp.name]) : undefined] as const),
  );
  const results: CaseResult[] = [];
  // One context for the whole check: std packages are checked once for all cases.
  const context = createContext();
  const tallies: Record<string, { byRule: Map<string, Tally>; overall: Tally }> = {};
  for (const cmp of opts.comparisons) tallies[cmp.name] = { byRule: new Map(), overall: emptyTally };
  let goVersion = '';

  for (const c of selected) {
    if (missing.has(c.id)) continue;
    const fixture = loadFixture(c);
    goVersion ||= fixture.go.version;
    const model = modelFor(c.id, fixture.go.version);
    const outcomes: CaseOutcome[] = [];
    for (const cmp of opts.comparisons) {
      let actual: readonly string[] = [];
      let error: string | undefined;
      try {
        actual = await cmp.actual(c.goFile, context, model);
      } catch (e) {
        error = e instanceof Error ? e.message.split('\n')[0] : String(e);
      }
      const diff = diffLines(cmp.expected(fixture), actual);
      const matches = error === undefined && isExactMatch(diff);
      const listed = listedBy.get(cmp.name);
      const status = listed ? classify(matches, listed.has(c.id)) : matches ? 'match' : 'known';
      outcomes.push(error === undefined ? { comparison: cmp.name, diff, status } : { comparison: cmp.name, diff, status, error });
      const t = tallies[cmp.name]!;
      const caseTally = error === undefined ? tallyOf(diff) : { ...tallyOf(diff), exact: 0 };
      t.byRule.set(c.rule, addTally(t.byRule.get(c.rule) ?? emptyTally, caseTally));
      t.overall = addTally(t.overall, caseTally);
    }
    const result = { case: c, outcomes };
    results.push(result);
    opts.onCase?.(result);
  }
  return {
    root: opts.root,
    goVersion,
    comparisons: opts.comparisons,
    results,
    missingFixtures: corpus.missingFixtures.filter((c) => selected.includes(c)).map((c) => c.id),
    orphanFixtures: corpus.orphanFixtures,
    tallies,
    baselineFound: opts.baseline !== undefined,
    baselineComparisons: Object.keys(opts.baseline?.mismatching ?? {}),
  };
}

export function regressions(report: CheckReport): Array<{ id: string; comparison: string }> {
  return report.results.flatMap((r) =>
    r.outcomes.filter((o) => o.status === 'regression').map((o) => ({ id: r.case.id, comparison: o.comparison })),
  );
}

/**
 * The baseline that records the report's state: every case that does not match. Entries of
 * `previous` for cases or comparisons the report did not run are kept, so a filtered
 * update does not forget the rest.
 */
export function baselineOf(report: CheckReport, previous?: Baseline): Baseline {
  const ran = new Set(report.results.map((r) => r.case.id));
  const mismatching: Record<string, string[]> = {};
  for (const [name, ids] of Object.entries(previous?.mismatching ?? {})) {
    mismatching[name] = ids.filter((id) => !ran.has(id) || !report.comparisons.some((c) => c.name === name));
  }
  for (const cmp of report.comparisons) mismatching[cmp.name] ??= [];
  for (const r of report.results) {
    for (const o of r.outcomes) {
      if (o.status === 'known' || o.status === 'regression') mismatching[o.comparison]!.push(r.case.id);
    }
  }
  return { mismatching };
}

/** A check fails on regressions and on a corpus that is not whole. */
export function checkPassed(report: CheckReport): boolean {
  return regressions(report).length === 0 && report.missingFixtures.length === 0 && report.orphanFixtures.length === 0;
}
