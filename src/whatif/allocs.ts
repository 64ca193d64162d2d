// What-if for the allocation code: the runtime allocation calls (goesc asm) a rule change
// adds or removes. Some model parameters act only after escape analysis (walk's lowering:
// interface data words, map groups, open-coded defers, string concatenation), so the -m
// lines cannot show them; the predicted `CALL runtime.*` lines can. Both predictions run
// only when the change is one of the lowering alone: the escape view of the two models is
// the same (fromModel compared as data) and their allocation rules differ (asmRulesOf), so
// what-ifs on escape parameters keep printing gc's -m lines only.

import { asmRulesOf } from '../asm/rules.js';
import { fromModel } from '../escape/utils.js';
import { predictPaths } from '../asm/pipeline.js';
import type { FuncAsm } from '../asm/result.js';
import type { Model } from '../models/index.js';

/** One allocation call as a line: `file:line: CALL runtime.newobject(SB) int in p.f`. */
export interface AllocChange {
  readonly sign: '-' | '+';
  readonly file: string;
  readonly line: number;
  readonly text: string;
}

/** True when only the allocation lowering reads what changed between the two models. */
export function onlyAllocRulesDiffer(base: Model, changed: Model): boolean {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  return same(fromModel(base), fromModel(changed)) && !same(asmRulesOf(base), asmRulesOf(changed));
}

function allocLines(funcs: readonly FuncAsm[]): { file: string; line: number; text: string }[] {
  return funcs.flatMap((f) =>
    f.allocs.map((a) => ({
      file: f.file,
      line: a.line,
      text: `${f.file}:${a.line}: CALL ${a.call}(SB)${a.type ? ` ${a.type}` : ''} in ${f.function} (${a.why})`,
    })),
  );
}

/** The allocation calls of `paths` under `base` that `changed` drops (-) or adds (+), by position. */
export function diffAllocations(paths: readonly string[], base: Model, changed: Model): AllocChange[] {
  const before = allocLines(predictPaths(paths, { model: base }).flatMap((p) => p.funcs));
  const after = allocLines(predictPaths(paths, { model: changed }).flatMap((p) => p.funcs));
  // Compared without the reason: the same call for another reason is not a change.
  const key = (l: { text: string }) => l.text.replace(/ \([^()]*\)$/, '');
  const left = new Map<string, number>();
  for (const l of after) left.set(key(l), (left.get(key(l)) ?? 0) + 1);
  const changes: AllocChange[] = [];
  for (const l of before) {
    const n = left.get(key(l)) ?? 0;
    if (n > 0) left.set(key(l), n - 1);
    else changes.push({ sign: '-', ...l });
  }
  for (const l of after) {
    const n = left.get(key(l)) ?? 0;
    if (n > 0) {
      left.set(key(l), n - 1);
      changes.push({ sign: '+', ...l });
    }
  }
  return changes.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (a.sign === b.sign ? 0 : a.sign === '-' ? -1 : 1)));
}

export function formatAllocChanges(changes: readonly AllocChange[]): string {
  return changes.map((c) => `${c.sign} ${c.text}\n`).join('');
}
