// gc's rendering of an inlinable function for `-m=2`: `can inline F with cost N as: TYPE { BODY }`.
//
// Follows $GOROOT/src/cmd/compile/internal/ir/fmt.go (stmtFmt with exportFormat off, `%v` of
// a node list joins with "; ", `%.v` with ", "): loops print as `for loop`, select and
// switch as `select statement` / `switch statement`, declarations are not printed (gc keeps
// them in Init lists), `x := e` keeps its `:=`, `var x T` is `x = <nil>`. Expressions print
// as in the escape messages (src/ir/fmt.ts). The type is `func(params) results`, a method's
// `method(RECV) func(...)`.

import type { Expr, IrFunc, IrType, Stmt } from '../ir/ir.js';
import { formatExprAsWritten as formatExpr, typeHasName } from '../ir/fmt.js';

/** `%v` of a function's name: `f`, `(*T).M`, `f.func1`, and `pkg.F` for another package. */
export function gcFuncName(fn: IrFunc | string, pkgPath: string, packageNames?: Readonly<Record<string, string>>): string {
  const name = typeof fn === 'string' ? fn : fn.name;
  if (name.startsWith(pkgPath + '.')) return name.slice(pkgPath.length + 1);
  // Another package's: its package name for its path (IrPackage.packageNames), else the
  // path's last element.
  const home = packageOfName(name);
  const own = packageNames?.[home];
  if (own !== undefined) return own + name.slice(home.length);
  return name.slice(lastPathSlash(name) + 1);
}

/** The import path a linker name (`pkg.F`, `pkg.T.M`, `a/b.(*T).M`) starts with. */
export function packageOfName(name: string): string {
  const dot = name.indexOf('.', lastPathSlash(name) + 1);
  return dot < 0 ? name : name.slice(0, dot);
}

/** The last '/' of a linker name's import path: before any '(' or '[' (type arguments hold paths too). */
function lastPathSlash(name: string): number {
  let end = name.length;
  for (const c of ['(', '[']) {
    const i = name.indexOf(c);
    if (i >= 0) end = Math.min(end, i);
  }
  return name.lastIndexOf('/', end);
}

export function formatInlineBody(fn: IrFunc): string {
  const sig = signature(fn);
  const type = fn.recv ? `method(${fn.recv.type.text}) ${sig}` : sig;
  return `${type} { ${list(fn.body ?? [])} }`;
}

/**
 * The function's type; a shape instantiation's includes its `.dict` parameter, as gc's does
 * (`sync..dict` when the body is another package's).
 */
function signature(fn: IrFunc): string {
  if (!fn.params.some((p) => p.sym === '.dict' || p.sym.endsWith('..dict'))) return fn.type.text;
  const params = fn.params.map((p) => (p.ddd && p.type.elem ? `...${p.type.elem.text}` : p.type.text));
  const results = fn.results.map((r) => r.type.text);
  const res = results.length === 0 ? '' : results.length === 1 ? ` ${results[0]}` : ` (${results.join(', ')})`;
  return `func(${params.join(', ')})${res}`;
}

function list(stmts: readonly Stmt[]): string {
  const out: string[] = [];
  stmts.forEach((s, i) => {
    if (s.op === 'DCL') return;
    // The unified IR's `a, b = f()` keeps its temporaries' assignment in an Init list.
    const next = stmts[i + 1] ?? stmts[i + 2];
    if (isTempAssign(s) && next && (isTempCopyOf(next, s) || returnsTemps(next, s))) return;
    // Constant conditions are gone before inlining (ir/deadcode): only the branch taken.
    if (s.op === 'IF' && s.cond.op === 'LITERAL' && s.cond.value.kind === 'bool') {
      const taken = list(s.cond.value.value ? s.body : s.else);
      if (taken) out.push(taken);
      return;
    }
    if (s.op === 'FOR' && s.cond?.op === 'LITERAL' && s.cond.value.kind === 'bool' && !s.cond.value.value) return;
    out.push(stmt(s));
  });
  return out.join('; ');
}

function isTempAssign(s: Stmt): s is Stmt & { op: 'AS2FUNC' | 'AS2MAPR' | 'AS2DOTTYPE' | 'AS2RECV'; lhs: readonly Expr[] } {
  return (s.op === 'AS2FUNC' || s.op === 'AS2MAPR' || s.op === 'AS2DOTTYPE' || s.op === 'AS2RECV') &&
    s.lhs.every((l) => l.op === 'NAME' && !!l.name.autotmp);
}

function isTempCopyOf(s: Stmt, temps: Stmt & { lhs: readonly Expr[] }): boolean {
  return s.op === 'AS2' && areTemps(s.rhs, temps);
}

/**
 * Whether `values` are the temporaries `temps` assigned, in order; the first may be
 * converted to its target's type (`v := T(.autotmp_5)`).
 */
function areTemps(values: readonly Expr[], temps: Stmt & { lhs: readonly Expr[] }): boolean {
  const unconverted = (r: Expr): Expr => ((r.op === 'CONV' || r.op === 'CONVNOP') && r.x.op === 'NAME' ? r.x : r);
  return values.length === temps.lhs.length &&
    values.map(unconverted).every((r, i) => r.op === 'NAME' && temps.lhs[i]?.op === 'NAME' && (temps.lhs[i] as { name: unknown }).name === r.name);
}

/**
 * `return f()` of a multi-value call whose values need converting: the temporaries'
 * assignment is the first result's init (reader.go multiExpr, ir.InitExpr), which gc's
 * dump does not print.
 */
function returnsTemps(s: Stmt, temps: Stmt & { lhs: readonly Expr[] }): boolean {
  return s.op === 'RETURN' && areTemps(s.results, temps);
}

/** `T(x)`, parenthesizing an unnamed T as gc does. */
function conversion(t: IrType, x: string): string {
  return typeHasName(t) ? `${t.text}(${x})` : `(${t.text})(${x})`;
}

function stmt(s: Stmt): string {
  switch (s.op) {
    case 'DCL':
      return `var ${s.name.sym} ${s.name.type.text}`;
    case 'AS': {
      const y = s.y ? formatExpr(s.y) : '<nil>';
      return `${formatExpr(s.x)} ${s.defs?.length && s.y ? ':=' : '='} ${y}`;
    }
    case 'ASOP': {
      if (s.y.op === 'LITERAL' && s.y.text === '1' && (s.operator === 'ADD' || s.operator === 'SUB')) {
        return `${formatExpr(s.x)}${s.operator === 'ADD' ? '++' : '--'}`;
      }
      return `${formatExpr(s.x)} ${opText[s.operator] ?? s.operator}= ${formatExpr(s.y)}`;
    }
    case 'AS2': case 'AS2FUNC': case 'AS2DOTTYPE': case 'AS2MAPR': case 'AS2RECV': case 'SELRECV2': {
      // The copy out of the temporaries converts the value to its target's type.
      const rhs = s.rhs.map((r, i) => {
        const text = formatExpr(r);
        const l = s.lhs[i];
        const temp = s.op === 'AS2' && r.op === 'NAME' && !!r.name.autotmp && i === 0 && l && l.op !== 'BLANK';
        return temp ? conversion(l.type, text) : text;
      });
      return `${s.lhs.map(formatExpr).join(', ')} ${s.defs?.length ? ':=' : '='} ${rhs.join(', ')}`;
    }
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
