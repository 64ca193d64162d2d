// gc's rendering of an inlinable function for `-m=2`: `can inline F with cost N as: TYPE { BODY }`.
//
// Follows $GOROOT/src/cmd/compile/internal/ir/fmt.go (stmtFmt with exportFormat off, `%v` of
// a node list joins with "; ", `%.v` with ", "): loops print as `for loop`, select and
// switch as `select statement` / `switch statement`, declarations are not printed (gc keeps
// them in Init lists), `x := e` keeps its `:=`, `var x T` is `x = <nil>`. Expressions print
// as in the escape messages (src/ir/fmt.ts). The type is `func(params) results`, a method's
// `method(RECV) func(...)`.

import type { IrFunc, Stmt } from '../ir/ir.js';
import { formatExpr } from '../ir/fmt.js';

/** `%v` of a function's name: `f`, `(*T).M`, `f.func1`, and `pkg.F` for another package. */
export function gcFuncName(fn: IrFunc | string, pkgPath: string): string {
  const name = typeof fn === 'string' ? fn : fn.name;
  if (name.startsWith(pkgPath + '.')) return name.slice(pkgPath.length + 1);
  // Another package: its path up to the last '/' before the symbol goes.
  let end = name.length;
  for (const c of ['(', '[']) {
    const i = name.indexOf(c);
    if (i >= 0) end = Math.min(end, i);
  }
  const slash = name.lastIndexOf('/', end);
  return name.slice(slash + 1);
}

export function formatInlineBody(fn: IrFunc): string {
  const type = fn.recv ? `method(${fn.recv.type.text}) ${fn.type.text}` : fn.type.text;
  return `${type} { ${list(fn.body ?? [])} }`;
}

function list(stmts: readonly Stmt[]): string {
  return stmts.filter((s) => s.op !== 'DCL').map(stmt).join('; ');
}

function stmt(s: Stmt): string {
  switch (s.op) {
    case 'DCL':
      return `var ${s.name.sym} ${s.name.type.text}`;
    case 'AS': {
      const y = s.y ? formatExpr(s.y) : '<nil>';
      return `${formatExpr(s.x)} ${s.defs?.length ? ':=' : '='} ${y}`;
    }
    case 'ASOP': {
      if (s.y.op === 'LITERAL' && s.y.text === '1' && (s.operator === 'ADD' || s.operator === 'SUB')) {
        return `${formatExpr(s.x)}${s.operator === 'ADD' ? '++' : '--'}`;
      }
      return `${formatExpr(s.x)} ${opText[s.operator] ?? s.operator}= ${formatExpr(s.y)}`;
    }
    case 'AS2': case 'AS2FUNC': case 'AS2DOTTYPE': case 'AS2MAPR': case 'AS2RECV': case 'SELRECV2':
      return `${s.lhs.map(formatExpr).join(', ')} ${s.defs?.length ? ':=' : '='} ${s.rhs.map(formatExpr).join(', ')}`;
    case 'BLOCK':
      return list(s.list);
    case 'RETURN':
      return `return ${s.results.map(formatExpr).join(', ')}`;
    case 'GO':
      return `go ${formatExpr(s.call)}`;
    case 'DEFER':
      return `defer ${formatExpr(s.call)}`;
    case 'IF': {
      let out = `if ${formatExpr(s.cond)} { ${list(s.body)} }`;
      if (s.else.length) out += ` else { ${list(s.else)} }`;
      return out;
    }
    case 'FOR': case 'RANGE':
      return 'for loop';
    case 'SELECT':
      return 'select statement';
    case 'SWITCH': case 'TYPESWITCH':
      return 'switch statement';
    case 'BREAK': case 'CONTINUE': case 'GOTO':
      return s.label ? `${s.op.toLowerCase()} ${s.label}` : s.op.toLowerCase();
    case 'FALL':
      return 'fallthrough';
    case 'LABEL':
      return `${s.label}: `;
    case 'SEND':
      return `${formatExpr(s.chan)} <- ${formatExpr(s.value)}`;
    case 'EXPR':
      return formatExpr(s.x);
  }
}

const opText: Record<string, string> = {
  ADD: '+', SUB: '-', OR: '|', XOR: '^', MUL: '*', DIV: '/', MOD: '%', LSH: '<<', RSH: '>>', AND: '&', ANDNOT: '&^',
};
