// Text for people: one line per case (only the interesting ones unless verbose), the
// lines that differ for regressions, and a precision/recall table per comparison.

import type { CheckReport, CaseStatus } from './run.js';
import { regressions } from './run.js';
import { formatTallyTable } from './score.js';

const statusWord: Record<CaseStatus, string> = {
  match: 'ok        ',
  known: 'known     ',
  regression: 'REGRESSED ',
  fixed: 'FIXED     ',
};

export interface ReportOptions {
  /** Also list matching and known cases. */
  readonly verbose: boolean;
  /** How many differing lines to show per regressed case. */
  readonly maxLines?: number;
}

export function formatCaseLines(report: CheckReport, opts: ReportOptions): string[] {
  const out: string[] = [];
  const maxLines = opts.maxLines ?? 8;
  for (const r of report.results) {
    for (const o of r.outcomes) {
      const interesting = o.status === 'regression' || o.status === 'fixed';
      if (!interesting && !opts.verbose) continue;
      const detail = o.error
        ? `goesc failed: ${o.error}`
        : `${o.diff.matched.length} found, ${o.diff.missing.length} missing, ${o.diff.extra.length} extra`;
      out.push(`${statusWord[o.status]} ${o.comparison.padEnd(11)} ${r.case.id}  (${detail})`);
      if (o.status === 'regression') {
        const shown = [...o.diff.missing.map((l) => `    - ${l}`), ...o.diff.extra.map((l) => `    + ${l}`)];
        out.push(...shown.slice(0, maxLines));
        if (shown.length > maxLines) out.push(`    ... ${shown.length - maxLines} more`);
      }
    }
  }
  return out;
}

export function formatSummary(report: CheckReport): string[] {
  const out: string[] = [];
  for (const cmp of report.comparisons) {
    const t = report.tallies[cmp.name]!;
    const rows = [...t.byRule.entries()].sort(([a], [b]) => a.localeCompare(b));
    const reference = cmp.flags.startsWith('-') ? `go tool compile ${cmp.flags}` : cmp.flags;
    out.push('', `${cmp.name}: goesc vs ${reference} (${report.goVersion || 'no fixtures'})`, formatTallyTable(rows, t.overall));
  }
  const count = (s: CaseStatus) => report.results.flatMap((r) => r.outcomes).filter((o) => o.status === s).length;
  out.push(
    '',
    `cases: ${report.results.length}; outcomes: ${count('match')} ok, ${count('known')} known mismatches (baseline), ` +
      `${count('fixed')} newly matching, ${regressions(report).length} regressed`,
  );
  const ungated = report.comparisons.filter((c) => report.baselineFound && !report.baselineComparisons.includes(c.name));
  if (ungated.length) out.push(`not in the baseline, measured only: ${ungated.map((c) => c.name).join(', ')} (record with --update)`);
  if (!report.baselineFound) out.push('no baseline (baseline.json; baseline.goX.Y.json with --go): every mismatch counts as a regression (record one with --update)');
  if (count('fixed') > 0) out.push('newly matching cases: run `goesc check --update` to record the progress');
  for (const id of report.missingFixtures) out.push(`missing fixture: ${id} (record it: goesc fixtures ${report.root})`);
  for (const f of report.orphanFixtures) out.push(`orphan fixture (no case): ${f}`);
  return out;
}
