// Terminating statements (go/types return.go, spec "Terminating statements"): a function
// with results must end in one, else gc reports `missing return`.

import type * as ast from '../syntax/ast.js';

export function isTerminatingList(list: readonly ast.Stmt[], label: string): boolean {
  // Trailing empty statements are permitted.
  let i = list.length - 1;
  while (i >= 0 && list[i]!.kind === 'EmptyStmt') i--;
  return i >= 0 && isTerminating(list[i]!, label);
}

function isTerminating(s: ast.Stmt, label: string): boolean {
  switch (s.kind) {
    case 'ReturnStmt':
      return true;
    case 'BranchStmt':
      return s.tok === 'goto' || s.tok === 'fallthrough';
    case 'ExprStmt': {
      let e = s.x;
      while (e.kind === 'ParenExpr') e = e.x;
      return e.kind === 'CallExpr' && e.fun.kind === 'Name' && e.fun.value === 'panic';
    }
    case 'LabeledStmt':
      return isTerminating(s.stmt, s.label.value);
    case 'BlockStmt':
      return isTerminatingList(s.stmts, '');
    case 'IfStmt':
      return s.else !== null && isTerminatingList(s.then.stmts, '') && isTerminating(s.else, '');
    case 'SwitchStmt':
    case 'TypeSwitchStmt':
      return isTerminatingSwitch(s.body, label);
    case 'SelectStmt':
      return s.body.every((cl) => isTerminatingList(cl.body, '') && !hasBreakList(cl.body, label, true));
    case 'ForStmt':
      return s.cond === null && !hasBreakList(s.body.stmts, label, true);
    default:
      return false;
  }
}

function isTerminatingSwitch(body: readonly ast.CaseClause[], label: string): boolean {
  let hasDefault = false;
  for (const cl of body) {
    if (cl.list === null) hasDefault = true;
    if (!isTerminatingList(cl.body, '') || hasBreakList(cl.body, label, true)) return false;
  }
  return hasDefault;
}

/** Whether a break targets the enclosing statement (unlabeled at top nesting, or by label). */
function hasBreakList(list: readonly ast.Stmt[], label: string, implicit: boolean): boolean {
  return list.some((s) => hasBreak(s, label, implicit));
}

function hasBreak(s: ast.Stmt, label: string, implicit: boolean): boolean {
  switch (s.kind) {
    case 'BranchStmt':
      return s.tok === 'break' && (s.label === null ? implicit : s.label.value === label);
    case 'BlockStmt':
      return hasBreakList(s.stmts, label, implicit);
    case 'LabeledStmt':
      return hasBreak(s.stmt, label, implicit);
    case 'IfStmt':
      return hasBreakList(s.then.stmts, label, implicit) || (s.else !== null && hasBreak(s.else, label, implicit));
    case 'SwitchStmt':
    case 'TypeSwitchStmt':
      return label !== '' && s.body.some((cl) => hasBreakList(cl.body, label, false));
    case 'SelectStmt':
      return label !== '' && s.body.some((cl) => hasBreakList(cl.body, label, false));
    case 'ForStmt':
    case 'RangeStmt':
      return label !== '' && hasBreakList(s.body.stmts, label, false);
    default:
      return false;
  }
}
