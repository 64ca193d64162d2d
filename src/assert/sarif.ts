// `goesc assert --format sarif`: the verdicts as a SARIF 2.1.0 log for code scanning. One
// rule per directive (gcassert's names), a result per violated directive at level error
// and per unchecked one at level note; holding directives are not results.

import * as path from 'node:path';
import { artifactUri, pathToFileUri, sarifSchema } from '../format/sarif.js';
import { directiveNames } from './directives.js';
import type { Verdict } from './judge.js';

const ruleHelp: Readonly<Record<string, string>> = {
  noescape: 'Nothing on this line (or in this function) is allocated on the heap: no `moved to heap` or `escapes to heap` decision.',
  inline: 'This call (or every call of this function) is inlined by the compiler.',
  bce: 'The bounds checks of this line are eliminated.',
};

export function assertSarif(verdicts: readonly Verdict[], sourceLine: (file: string, line: number) => string): string {
  const root = path.resolve(process.cwd());
  const results = verdicts
    .filter((v) => v.status !== 'holds')
    .map((v) => ({
      ruleId: `goesc-assert/${v.directive.name}`,
      ruleIndex: directiveNames.indexOf(v.directive.name),
      level: v.status === 'violated' ? 'error' : 'note',
      message: { text: `${sourceLine(v.file, v.line)}: ${v.reason}` },
      locations: [{ physicalLocation: { artifactLocation: artifactUri(v.file, root), region: { startLine: v.line } } }],
      properties: { status: v.status, directive: `//${v.directive.spelling}:${v.directive.name}`, directiveLine: v.directive.commentLine },
    }));
  const log = {
    $schema: sarifSchema,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'goesc assert',
            version: '0.1.0',
            informationUri: 'https://github.com/jordanlewis/gcassert',
            rules: directiveNames.map((name) => ({
              id: `goesc-assert/${name}`,
              name,
              shortDescription: { text: `//gcassert:${name}` },
              fullDescription: { text: ruleHelp[name]! },
              help: { text: ruleHelp[name]! },
              defaultConfiguration: { level: 'error' },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileUri(root) + '/' } },
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
