// gc's %v of the nodes escape analysis names: expressions through src/ir/fmt.ts, statements
// (the `from x = y (assign)` notes of -m=2) and variables here.
// Follows $GOROOT/src/cmd/compile/internal/ir/fmt.go stmtFmt.

import type { CaseClause, Expr, Stmt } from '../ir/ir.js';
import { formatExpr } from '../ir/fmt.js';
import { isName, type IrNode } from '../escape/graph.js';
import type { NodeFormatter } from '../escape/batch.js';

const assignOps: Record<string, string> = {
  ADD: '+', SUB: '-', OR: '|', XOR: '^', MUL: '*', DIV: '/', MOD: '%', LSH: '<<', RSH: '>>', AND: '&', ANDNOT: '&^',
};

function exprs(list: readonly (Expr | null)[]): string {
  return list.map((e) => (e ? formatExpr(e) : '_')).join(', ');
}

export function formatStmt(s: Stmt): string {
  switch (s.op) {
    case 'AS':
      if (!s.y) return `var ${formatExpr(s.x)} ${s.x.type.text}`;
      return `${formatExpr(s.x)} ${s.defs?.length ? ':=' : '='} ${formatExpr(s.y)}`;
    case 'ASOP':
      return `${formatExpr(s.x)} ${assignOps[s.operator] ?? s.operator}= ${formatExpr(s.y)}`;
    case 'AS2': case 'AS2FUNC': case 'AS2DOTTYPE': case 'AS2MAPR': case 'AS2RECV': case 'SELRECV2': {
      // Temporaries the front end assigns in a plain pair (go/defer arguments) print `=`.
      const temps = s.op === 'AS2' && s.lhs.every((l) => l.op === 'NAME' && l.name.sym.startsWith('.autotmp'));
      return `${exprs(s.lhs)} ${s.defs?.length && !temps ? ':=' : '='} ${exprs(s.rhs)}`;
    }
    case 'RETURN':
      return s.results.length ? `return ${exprs(s.results)}` : 'return';
    case 'SEND':
      return `${formatExpr(s.chan)} <- ${formatExpr(s.value)}`;
    case 'GO':
      return `go ${formatExpr(s.call)}`;
    case 'DEFER':
      return `defer ${formatExpr(s.call)}`;
    case 'RANGE':
      return 'for loop';
    case 'FOR':
      return 'for loop';
    case 'TYPESWITCH':
      return `switch ${formatExpr(s.x)}.(type)`;
    case 'IF': {
      // ir/fmt.go OIF: one init statement without its own init prints as `if init; cond`;
      // more are left out (exportFormat only); the bodies are statement lists joined by "; ".
      const simpleInit = s.init?.length === 1 && !s.init[0]!.init?.length ? `${formatStmt(s.init[0]!)}; ` : '';
      const head = `if ${simpleInit}${formatExpr(s.cond)} { ${s.body.map(formatStmt).join('; ')} }`;
      return s.else.length ? `${head} else { ${s.else.map(formatStmt).join('; ')} }` : head;
    }
    case 'EXPR':
      return formatExpr(s.x);
    default:
      return s.op.toLowerCase();
  }
}

/** The formatter escape analysis prints nodes with. */
export const gcNodeFormatter: NodeFormatter = {
  node(n: IrNode): string {
    if (isName(n)) return n.sym;
    if ('type' in n) return formatExpr(n as Expr);
    return formatStmt(n as Stmt);
  },
  caseClause(c: CaseClause): string {
    const head = c.list && c.list.length ? `case ${c.list.map(formatExpr).join(', ')}` : 'default';
    return `${head}: ${c.body.map(formatStmt).join('; ')}`;
  },
};
