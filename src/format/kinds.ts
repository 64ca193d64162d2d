// The kinds of gc -m lines and what each means to a reader: the one table that the JSON,
// SARIF and HTML outputs share, so a rule id, its help text and its severity are written
// once. Message shapes follow cmd/compile/internal/escape (escape.go's Warnf calls and
// reportLeaks); the kind names are those of src/api.ts.

import type { DiagnosticKind } from '../api.js';

export interface KindRule {
  readonly kind: DiagnosticKind;
  /** Stable SARIF rule id. */
  readonly ruleId: string;
  /** PascalCase name (SARIF reportingDescriptor.name). */
  readonly name: string;
  readonly short: string;
  /** Help text shown by code-scanning tools. */
  readonly help: string;
  /** SARIF level: heap allocations are warnings, facts about parameters are notes. */
  readonly level: 'warning' | 'note' | 'none';
  /** Whether a line of this kind marks a heap allocation (the report's red badge). */
  readonly heap: boolean;
}

export const kindRules: readonly KindRule[] = [
  {
    kind: 'moved-to-heap',
    ruleId: 'goesc/moved-to-heap',
    name: 'MovedToHeap',
    short: 'A variable is moved to the heap',
    help:
      "The variable's address outlives its function (returned, stored in a global or heap " +
      'object, captured by an escaping closure), so gc allocates it with runtime.newobject ' +
      'instead of on the stack. Run with -m=2 to see the flow that forces it.',
    level: 'warning',
    heap: true,
  },
  {
    kind: 'escapes',
    ruleId: 'goesc/escapes',
    name: 'EscapesToHeap',
    short: 'A value escapes to the heap',
    help:
      'An allocation (new, make, a composite literal, a closure, an interface conversion, ' +
      'an append) flows somewhere that outlives the stack frame, or is too large or of ' +
      'non-constant size, so gc allocates it on the heap.',
    level: 'warning',
    heap: true,
  },
  {
    kind: 'does-not-escape',
    ruleId: 'goesc/does-not-escape',
    name: 'DoesNotEscape',
    short: 'A value stays on the stack',
    help: 'The allocation does not outlive its function, so gc places it in the stack frame.',
    level: 'none',
    heap: false,
  },
  {
    kind: 'leaking-param',
    ruleId: 'goesc/leaking-param',
    name: 'LeakingParam',
    short: 'A parameter leaks to the heap',
    help:
      "The pointer passed in this parameter is stored where it outlives the call, so every " +
      "caller's argument escapes too.",
    level: 'note',
    heap: false,
  },
  {
    kind: 'leaking-param-content',
    ruleId: 'goesc/leaking-param-content',
    name: 'LeakingParamContent',
    short: "A parameter's pointees leak to the heap",
    help:
      'Something the parameter points to is stored where it outlives the call; the parameter ' +
      "itself does not escape, but what callers reach through it does.",
    level: 'note',
    heap: false,
  },
  {
    kind: 'leaking-param-to-result',
    ruleId: 'goesc/leaking-param-to-result',
    name: 'LeakingParamToResult',
    short: 'A parameter flows to a result',
    help:
      "The parameter (or what it points to, level=N) is returned, so the caller's argument " +
      'escapes exactly when the result does.',
    level: 'note',
    heap: false,
  },
  {
    kind: 'param-does-not-escape',
    ruleId: 'goesc/param-does-not-escape',
    name: 'ParamDoesNotEscape',
    short: 'A parameter does not escape',
    help: 'The pointer passed in this parameter is not retained, so callers may keep it on the stack.',
    level: 'none',
    heap: false,
  },
  {
    kind: 'flow',
    ruleId: 'goesc/flow',
    name: 'EscapeFlow',
    short: 'A step of an escape explanation (-m=2)',
    help: 'One line of the -m=2 explanation: which assignment carried the value towards where it escapes.',
    level: 'none',
    heap: false,
  },
  {
    kind: 'other',
    ruleId: 'goesc/other',
    name: 'Other',
    short: 'Another escape-analysis remark',
    help: 'A line of gc -m output that is not an allocation decision (closure captures, rewrites, ...).',
    level: 'none',
    heap: false,
  },
];

const byKind: ReadonlyMap<DiagnosticKind, KindRule> = new Map(kindRules.map((r) => [r.kind, r]));

export function ruleFor(kind: DiagnosticKind): KindRule {
  return byKind.get(kind) ?? byKind.get('other')!;
}
