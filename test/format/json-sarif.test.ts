import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/api.js';
import { formatDiagnostic } from '../../src/api.js';
import { parseGcOutput } from '../../src/format/gcline.js';
import { formatJson, toJsonReport } from '../../src/format/json.js';
import { kindRules } from '../../src/format/kinds.js';
import { toSarif, utf16Column, type SarifLog } from '../../src/format/sarif.js';
import { compile, hasGo, programs, programsDir } from './gc.js';

const seedDiags: Diagnostic[] = [
  { file: 'seed.go', line: 11, col: 2, message: 'x escapes to heap in escapeToHeap:', kind: 'flow' },
  { file: 'seed.go', line: 11, col: 2, message: '  flow: ~r0 ← &x:', kind: 'flow' },
  { file: 'seed.go', line: 11, col: 2, message: '    from &x (address-of) at seed.go:12:9', kind: 'flow' },
  { file: 'seed.go', line: 11, col: 2, message: '    from return &x (return) at seed.go:12:2', kind: 'flow' },
  { file: 'seed.go', line: 11, col: 2, message: 'moved to heap: x', kind: 'moved-to-heap', func: 'main.escapeToHeap' },
  { file: 'seed.go', line: 16, col: 11, message: 'make([]int, 10) escapes to heap', kind: 'escapes' },
  { file: 'dir/ü x.go', line: 3, col: 6, message: 'p does not escape', kind: 'param-does-not-escape' },
];

/** A structural check after the SARIF 2.1.0 schema's required properties and enums. */
function checkSarif(log: SarifLog): string[] {
  const problems: string[] = [];
  const need = (ok: boolean, what: string) => ok || problems.push(what);
  need(log.version === '2.1.0', 'version must be "2.1.0"');
  need(typeof log.$schema === 'string', '$schema');
  need(Array.isArray(log.runs) && log.runs.length === 1, 'one run');
  const run = log.runs[0]!;
  need(typeof run.tool?.driver?.name === 'string' && run.tool.driver.name.length > 0, 'tool.driver.name');
  const ids = run.tool.driver.rules.map((r) => r.id);
  need(new Set(ids).size === ids.length, 'rule ids unique');
  for (const r of run.tool.driver.rules) {
    need(typeof r.shortDescription.text === 'string' && r.help.text.length > 20, `rule ${r.id} help`);
    need(['none', 'note', 'warning', 'error'].includes(r.defaultConfiguration.level), `rule ${r.id} level`);
  }
  for (const [i, res] of run.results.entries()) {
    need(ids[res.ruleIndex] === res.ruleId, `result ${i}: ruleIndex points at ruleId`);
    need(typeof res.message.text === 'string' && res.message.text.length > 0, `result ${i}: message.text`);
    need(['none', 'note', 'warning', 'error'].includes(res.level), `result ${i}: level`);
    for (const loc of [...res.locations, ...(res.relatedLocations ?? [])]) {
      const pl = loc.physicalLocation;
      need(typeof pl.artifactLocation.uri === 'string' && !/[\\ ]/.test(pl.artifactLocation.uri), `result ${i}: uri is a URI`);
      need(
        pl.artifactLocation.uriBaseId === undefined || pl.artifactLocation.uriBaseId in run.originalUriBaseIds,
        `result ${i}: uriBaseId declared`,
      );
      need(Number.isInteger(pl.region.startLine) && pl.region.startLine >= 1, `result ${i}: startLine`);
      need(Number.isInteger(pl.region.startColumn) && pl.region.startColumn >= 1, `result ${i}: startColumn`);
    }
  }
  return problems;
}

describe('--format json', () => {
  it('has one record per text line, same order, with kind, func, reason and flow path', () => {
    const report = toJsonReport(seedDiags);
    expect(report.diagnostics.map((d) => `${d.file}:${d.line}:${d.col}: ${d.message}`)).toEqual(
      seedDiags.map(formatDiagnostic),
    );
    const moved = report.diagnostics[4]!;
    expect(moved).toMatchObject({ kind: 'moved-to-heap', func: 'main.escapeToHeap', reason: 'return', rule: 'goesc/moved-to-heap' });
    expect(moved.flow).toEqual([
      {
        dst: '~r0',
        src: 'x',
        derefs: -1,
        notes: [
          { where: '&x', why: 'address-of', file: 'seed.go', line: 12, col: 9 },
          { where: 'return &x', why: 'return', file: 'seed.go', line: 12, col: 2 },
        ],
      },
    ]);
    expect(report.diagnostics[5]!.flow).toBeUndefined();
    expect(JSON.parse(formatJson(seedDiags))).toEqual(report);
  });

  it('takes reasons and paths from the -m=2 lines of the same run when printing -m lines', () => {
    const m1 = seedDiags.filter((d) => d.kind !== 'flow');
    const report = toJsonReport(m1, seedDiags);
    expect(report.diagnostics).toHaveLength(m1.length);
    expect(report.diagnostics[0]).toMatchObject({ kind: 'moved-to-heap', reason: 'return' });
    expect(toJsonReport(m1).diagnostics[0]!.flow).toBeUndefined();
    expect(toSarif(m1, { root: '/work', explained: seedDiags }).runs[0]!.results[0]!.relatedLocations).toHaveLength(2);
  });
});

describe('--format sarif', () => {
  it('is a valid SARIF 2.1.0 log with one rule per kind and one result per line', () => {
    const log = toSarif(seedDiags, { root: '/work' });
    expect(checkSarif(log)).toEqual([]);
    const run = log.runs[0]!;
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(kindRules.map((r) => r.ruleId));
    expect(run.results).toHaveLength(seedDiags.length);
    expect(run.results.map((r) => r.message.text)).toEqual(seedDiags.map((d) => d.message));
    expect(run.results[4]!).toMatchObject({ ruleId: 'goesc/moved-to-heap', level: 'warning' });
    expect(run.results[4]!.relatedLocations).toHaveLength(2);
    expect(run.results[6]!.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'dir/%C3%BC%20x.go', uriBaseId: '%SRCROOT%' },
      region: { startLine: 3, startColumn: 6 },
    });
    expect(toSarif([{ ...seedDiags[5]!, file: '/elsewhere/a.go' }], { root: '/work' }).runs[0]!.results[0]!.locations[0]!
      .physicalLocation.artifactLocation).toEqual({ uri: 'file:///elsewhere/a.go' });
  });

  it('the structural check catches a broken log', () => {
    const log = toSarif(seedDiags, { root: '/work' });
    const broken = JSON.parse(JSON.stringify(log));
    broken.version = '2.0.0';
    broken.runs[0].results[0].ruleIndex = 99;
    broken.runs[0].results[1].locations[0].physicalLocation.region.startLine = 0;
    expect(checkSarif(broken)).toHaveLength(3);
  });

  it('reads the source to convert columns by default', () => {
    // unicode.go line 5: `func f(s string) { t := s + "é<&>\u2028"; g = &t }`; the é is
    // 2 bytes but 1 UTF-16 unit, so the `<` after it is byte column 32, UTF-16 column 31
    const at = (col: number): Diagnostic => ({ file: 'unicode.go', line: 5, col, message: 'm', kind: 'other' });
    const log = toSarif([at(20), at(32)], { root: programsDir });
    expect(log.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation.region.startColumn)).toEqual([20, 31]);
  });

  it('turns gc byte columns into UTF-16 columns when the source is known', () => {
    expect(utf16Column('\tt := "é" + s', 12)).toBe(11);
    expect(utf16Column('x := 1', 3)).toBe(3);
    expect(utf16Column(undefined, 7)).toBe(7);
  });
});

describe.runIf(hasGo)('against the real compiler', () => {
  it.each(programs)('JSON and SARIF correspond one to one with gc -m=2 output of %s', (name) => {
    const text = compile([name], ['-m=2'], programsDir);
    const diags = parseGcOutput(text);
    expect(diags.length).toBeGreaterThan(5);
    const json = toJsonReport(diags).diagnostics;
    expect(json.map((d) => `${d.file}:${d.line}:${d.col}: ${d.message}`).join('\n')).toBe(text.trimEnd());
    const sarif = toSarif(diags, { root: programsDir });
    expect(checkSarif(sarif)).toEqual([]);
    expect(sarif.runs[0]!.results.map((r) => r.message.text)).toEqual(diags.map((d) => d.message));
    // every heap decision that -m=2 explains carries its path
    for (const d of json.filter((d) => d.kind === 'moved-to-heap' || d.kind.startsWith('leaking-param'))) {
      expect(d.flow, `${d.file}:${d.line}:${d.col}: ${d.message}`).toBeDefined();
      expect(d.flow!.length).toBeGreaterThan(0);
    }
  });
});
