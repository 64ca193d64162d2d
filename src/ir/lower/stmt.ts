// Statements (noder reader.go stmt / assignment handling, typecheck stmt.go).
//
//   - `x := v` declares: DCL x, then AS x = v with defs [x] (gc's Name.Defn);
//   - `a, b = f()` is AS2FUNC, `v, ok = m[k]` AS2MAPR, `v, ok = x.(T)` AS2DOTTYPE,
//     `v, ok = <-c` AS2RECV (SELRECV2 inside select);
//   - temporaries an expression needs are placed just before its statement;
//   - Go 1.22 loop variables (loopvar.go): a loop variable that is address-taken or captured
//     by a closure is declared inside the body, one per iteration; others stay outside;
//   - go/defer are normalized in closure.ts.

import type * as ast from '../../syntax/ast.js';
import type { Var } from '../../types/index.js';
import type { Expr, IrName, Pos, Stmt } from '../ir.js';
import type { FnLowerer } from './expr.js';
import { pos, unparen } from './expr.js';
import { nameExpr } from './context.js';
import { lowerGoDefer } from './closure.js';

export function lowerBlock(l: FnLowerer, stmts: readonly ast.Stmt[]): Stmt[] {
  const out: Stmt[] = [];
  for (const s of stmts) lowerStmtInto(l, s, out);
  return out;
}

/** Lowers one statement, appending it (after any temporaries it needs) to `out`. */
export function lowerStmtInto(l: FnLowerer, s: ast.Stmt, out: Stmt[]): void {
  const saved = l.takePre();
  const stmts = lowerStmt(l, s);
  out.push(...l.takePre(), ...stmts);
  l.pre = saved;
}

/** A simple statement in an if/for/switch header, as a list (its temporaries first). */
function simple(l: FnLowerer, s: ast.SimpleStmt | null): Stmt[] {
  if (!s) return [];
  const out: Stmt[] = [];
  lowerStmtInto(l, s, out);
  return out;
}

function lowerStmt(l: FnLowerer, s: ast.Stmt): Stmt[] {
  const at = pos(s);
  switch (s.kind) {
    case 'EmptyStmt':
      return [];
    case 'BlockStmt':
      return [{ op: 'BLOCK', list: lowerBlock(l, s.stmts), pos: at }];
    case 'LabeledStmt':
      return [{ op: 'LABEL', label: s.label.value, pos: at }, ...lowerStmt(l, s.stmt)];
    case 'ExprStmt':
      return [{ op: 'EXPR', x: l.expr(s.x), pos: at }];
    case 'SendStmt':
      return [{ op: 'SEND', chan: l.expr(s.chan), value: l.value(s.value), pos: at }];
    case 'IncDecStmt':
      return [{
        op: 'ASOP', x: l.expr(s.x), operator: s.op === '++' ? 'ADD' : 'SUB',
        y: l.literal({ kind: 'int', value: 1n }, l.typeOf(s.x), at), pos: at,
      }];
    case 'AssignStmt':
      return assign(l, s);
    case 'GoStmt':
    case 'DeferStmt':
      return lowerGoDefer(l, s);
    case 'ReturnStmt':
      return [returnStmt(l, s)];
    case 'BranchStmt': {
      const op = s.tok === 'break' ? 'BREAK' : s.tok === 'continue' ? 'CONTINUE' : s.tok === 'goto' ? 'GOTO' : 'FALL';
      return [{ op, label: s.label?.value ?? null, pos: at }];
    }
    case 'IfStmt':
      return [ifStmt(l, s)];
    case 'SwitchStmt': {
      const init = simple(l, s.init);
      const tag = s.tag ? l.value(s.tag) : null;
      const tagPre = l.takePre();
      const cases = s.body.map((c) => ({
        pos: pos(c),
        list: c.list ? c.list.map((x) => l.value(x)) : null,
        body: lowerBlock(l, c.body),
      }));
      return [{ op: 'SWITCH', tag, cases, pos: at, init: [...init, ...tagPre] }];
    }
    case 'TypeSwitchStmt':
      return [typeSwitch(l, s)];
    case 'SelectStmt':
      return [selectStmt(l, s)];
    case 'ForStmt':
      return [forStmt(l, s)];
    case 'RangeStmt':
      return [rangeStmt(l, s)];
    case 'DeclStmt':
      return declStmt(l, s);
  }
}

// ───────────────────────────── declarations and assignments

/** DCL for a newly declared local variable (creates its IR name). */
function declareVar(l: FnLowerer, v: Var, at: Pos): IrName {
  const n = l.fc.declare(v.name, 'auto', l.pkg.irType(v.type), v.pos ?? at);
  l.pkg.names.set(v, n);
  return n;
}

function newVarsOf(l: FnLowerer, names: readonly ast.Expr[]): (Var | null)[] {
  return names.map((n) => {
    if (n.kind !== 'Name') return null;
    const obj = l.pkg.info.defs.get(n);
    return obj && obj.kind === 'Var' ? obj : null;
  });
}

function lhsExpr(l: FnLowerer, e: ast.Expr): Expr {
  const u = unparen(e);
  if (u.kind === 'Name' && u.value === '_') return { op: 'BLANK', type: l.irTypeOf(u), pos: pos(u) };
  return l.expr(e);
}

function assign(l: FnLowerer, s: ast.AssignStmt): Stmt[] {
  const at = pos(s);
  if (s.op !== '=' && s.op !== ':=') {
    const operator = ({
      '+=': 'ADD', '-=': 'SUB', '*=': 'MUL', '/=': 'DIV', '%=': 'MOD', '&=': 'AND', '|=': 'OR',
      '^=': 'XOR', '<<=': 'LSH', '>>=': 'RSH', '&^=': 'ANDNOT',
    } as const)[s.op];
    return [{ op: 'ASOP', x: l.expr(s.lhs[0]!), y: l.value(s.rhs[0]!), operator, pos: at }];
  }
  const out: Stmt[] = [];
  const newVars = s.op === ':=' ? newVarsOf(l, s.lhs) : s.lhs.map(() => null);
  // Right-hand sides are evaluated before the new names come into scope.
  if (s.lhs.length === s.rhs.length) {
    const rhs = s.rhs.map((r) => l.value(r));
    const defs: IrName[] = [];
    newVars.forEach((v) => {
      if (v) {
        const n = declareVar(l, v, at);
        out.push({ op: 'DCL', name: n, pos: n.pos });
        defs.push(n);
      }
    });
    const lhs = s.lhs.map((x) => lhsExpr(l, x));
    const defsPart = defs.length ? { defs } : {};
    if (lhs.length === 1) out.push({ op: 'AS', x: lhs[0]!, y: rhs[0]!, pos: at, ...defsPart });
    else out.push({ op: 'AS2', lhs, rhs, pos: at, ...defsPart });
    return out;
  }
  // N:1
  const r = unparen(s.rhs[0]!);
  const op = r.kind === 'IndexExpr' ? 'AS2MAPR'
    : r.kind === 'AssertExpr' ? 'AS2DOTTYPE'
      : r.kind === 'UnaryExpr' && r.op === '<-' ? 'AS2RECV' : 'AS2FUNC';
  let rhs = l.expr(r);
  if (rhs.op === 'DOTTYPE') rhs = { ...rhs, op: 'DOTTYPE2' };
  if (rhs.op === 'INDEXMAP') rhs = { ...rhs, commaOk: true };
  const defs: IrName[] = [];
  newVars.forEach((v) => {
    if (v) {
      const n = declareVar(l, v, at);
      out.push({ op: 'DCL', name: n, pos: n.pos });
      defs.push(n);
    }
  });
  const lhs = s.lhs.map((x) => lhsExpr(l, x));
  out.push({ op, lhs, rhs: [rhs], pos: at, ...(defs.length ? { defs } : {}) });
  return out;
}

function declStmt(l: FnLowerer, s: ast.DeclStmt): Stmt[] {
  const out: Stmt[] = [];
  for (const d of s.decls) {
    if (d.kind !== 'VarDecl') continue;
    const at = pos(d);
    const vars = newVarsOf(l, d.names);
    if (d.values.length === d.names.length || d.values.length === 0) {
      const rhs = d.values.map((v) => l.value(v));
      out.push(...l.takePre());
      vars.forEach((v, i) => {
        const n = v ? declareVar(l, v, at) : null;
        if (!n) return;
        out.push({ op: 'DCL', name: n, pos: n.pos });
        out.push({ op: 'AS', x: nameExpr(n, n.pos), y: rhs[i] ?? null, defs: [n], pos: n.pos });
      });
      continue;
    }
    let rhs = l.expr(d.values[0]!);
    out.push(...l.takePre());
    const r = unparen(d.values[0]!);
    const op = r.kind === 'IndexExpr' ? 'AS2MAPR'
      : r.kind === 'AssertExpr' ? 'AS2DOTTYPE'
        : r.kind === 'UnaryExpr' && r.op === '<-' ? 'AS2RECV' : 'AS2FUNC';
    if (rhs.op === 'DOTTYPE') rhs = { ...rhs, op: 'DOTTYPE2' };
    const defs: IrName[] = [];
    const lhs: Expr[] = vars.map((v, i) => {
      if (!v) return { op: 'BLANK', type: l.irTypeOf(d.names[i]!), pos: pos(d.names[i]!) };
      const n = declareVar(l, v, at);
      out.push({ op: 'DCL', name: n, pos: n.pos });
      defs.push(n);
      return nameExpr(n, n.pos);
    });
    out.push({ op, lhs, rhs: [rhs], defs, pos: at });
  }
  return out;
}

function returnStmt(l: FnLowerer, s: ast.ReturnStmt): Stmt {
  const at = pos(s);
  const results = l.fc.fn.results;
  if (s.results.length === 1 && results.length > 1) {
    // return f(): through temporaries, each converted to its result's type.
    const xs = spreadTemps(l, s.results[0]!, at);
    return { op: 'RETURN', results: xs.map((x, i) => l.assignConv(x, results[i]?.type ?? x.type, at)), pos: at };
  }
  return { op: 'RETURN', results: s.results.map((r) => l.value(r)), pos: at };
}

function spreadTemps(l: FnLowerer, e: ast.Expr, at: Pos): Expr[] {
  const call = l.expr(e);
  const tuple = l.typeOf(e);
  const vars = tuple?.kind === 'Tuple' ? tuple.vars : [];
  const temps = vars.map((v) => l.fc.temp(l.pkg.irType(v.type), at));
  for (const t of temps) l.pre.push({ op: 'DCL', name: t, pos: at });
  l.pre.push({ op: 'AS2FUNC', lhs: temps.map((t) => nameExpr(t, at)), rhs: [call], defs: temps, pos: at });
  return temps.map((t) => nameExpr(t, at));
}

// ───────────────────────────── control flow

function ifStmt(l: FnLowerer, s: ast.IfStmt): Stmt {
  const init = simple(l, s.init);
  const cond = l.value(s.cond);
  const condPre = l.takePre();
  const body = lowerBlock(l, s.then.stmts);
  const els = s.else === null ? [] : s.else.kind === 'IfStmt' ? [ifStmt(l, s.else)] : lowerBlock(l, s.else.stmts);
  const all = [...init, ...condPre];
  return { op: 'IF', cond, body, else: els, pos: pos(s), ...(all.length ? { init: all } : {}) };
}

function typeSwitch(l: FnLowerer, s: ast.TypeSwitchStmt): Stmt {
  const init = simple(l, s.init);
  const x = l.value(s.x);
  const xPre = l.takePre();
  const cases = s.body.map((c) => {
    const obj = l.pkg.info.implicits.get(c);
    let v: IrName | null = null;
    if (obj && obj.kind === 'Var') v = declareVar(l, obj, obj.pos ?? pos(c));
    const list = c.list
      ? c.list.map((t): Expr => {
        const tv = l.pkg.info.types.get(t);
        if (tv?.mode === 'nilvalue' || (t.kind === 'Name' && t.value === 'nil')) return { op: 'NIL', type: l.irTypeOf(t), pos: pos(t) };
        return { op: 'TYPE', type: l.irTypeOf(t), pos: pos(t) };
      })
      : null;
    return { pos: pos(c), list, body: lowerBlock(l, c.body), var: v };
  });
  const all = [...init, ...xPre];
  return { op: 'TYPESWITCH', x, bound: s.bind !== null, cases, pos: pos(s), ...(all.length ? { init: all } : {}) };
}

function selectStmt(l: FnLowerer, s: ast.SelectStmt): Stmt {
  const cases = s.body.map((c) => {
    let comm: Stmt | null = null;
    const pre: Stmt[] = [];
    if (c.comm) {
      const stmts: Stmt[] = [];
      lowerStmtInto(l, c.comm, stmts);
      // The communication is the last statement; DCLs of `v := <-c` come before it.
      comm = stmts.pop() ?? null;
      if (comm && comm.op === 'AS2RECV') comm = { ...comm, op: 'SELRECV2' };
      pre.push(...stmts);
    }
    return { pos: pos(c), comm, body: [...pre, ...lowerBlock(l, c.body)] };
  });
  return { op: 'SELECT', cases, pos: pos(s) };
}

/** Names a closure captured or whose address was taken (loopvar.go's criterion). */
function escapesIteration(l: FnLowerer, n: IrName): boolean {
  return !!n.addrtaken || l.pkg.captured.has(n);
}

function forStmt(l: FnLowerer, s: ast.ForStmt): Stmt {
  const at = pos(s);
  const init = simple(l, s.init);
  const cond = s.cond ? l.value(s.cond) : null;
  const condPre = l.takePre();
  const post = s.post ? simple(l, s.post) : [];
  const body = lowerBlock(l, s.body.stmts);
  const loopVars = init.flatMap((st) => (st.op === 'DCL' ? [st.name] : []));
  const perIteration = loopVars.filter((n) => escapesIteration(l, n));
  if (perIteration.length === 0) {
    const postStmt: Stmt | null = post.length === 0 ? null : post.length === 1 ? post[0]! : { op: 'BLOCK', list: post, pos: post[0]!.pos };
    const condWithPre = cond && condPre.length ? { ...cond, init: condPre } : cond;
    return { op: 'FOR', cond: condWithPre, post: postStmt, body, pos: at, ...(init.length ? { init } : {}) };
  }
  // loopvar.go: each iteration has its own copy, declared in the body and copied back for
  // the next iteration through an outer temporary.
  const outerInit: Stmt[] = [];
  const head: Stmt[] = [];
  const tail: Stmt[] = [];
  const renamed = new Map<IrName, IrName>();
  for (const n of perIteration) {
    const prev = l.fc.temp(n.type, n.pos);
    renamed.set(n, prev);
    head.push({ op: 'DCL', name: n, pos: n.pos }, { op: 'AS', x: nameExpr(n, n.pos), y: nameExpr(prev, n.pos), defs: [n], pos: n.pos });
    tail.push({ op: 'AS', x: nameExpr(prev, n.pos), y: nameExpr(n, n.pos), pos: n.pos });
  }
  for (const st of init) {
    if (st.op === 'DCL' && renamed.has(st.name)) {
      outerInit.push({ op: 'DCL', name: renamed.get(st.name)!, pos: st.pos });
    } else if (st.op === 'AS' && st.x.op === 'NAME' && renamed.has(st.x.name)) {
      const prev = renamed.get(st.x.name)!;
      outerInit.push({ ...st, x: nameExpr(prev, st.x.pos), defs: [prev] });
    } else {
      outerInit.push(st);
    }
  }
  const check: Stmt[] = cond
    ? [{ op: 'IF', cond: { op: 'NOT', x: cond, type: cond.type, pos: cond.pos }, body: [{ op: 'BREAK', label: null, pos: at }], else: [], pos: at, ...(condPre.length ? { init: condPre } : {}) }]
    : [];
  return { op: 'FOR', cond: null, post: null, body: [...head, ...check, ...body, ...post, ...tail], pos: at, init: outerInit };
}

function rangeStmt(l: FnLowerer, s: ast.RangeStmt): Stmt {
  const at = pos(s);
  const x = l.value(s.x);
  const init = l.takePre();
  if (!s.define) {
    const key = s.key ? lhsExpr(l, s.key) : null;
    const value = s.value ? lhsExpr(l, s.value) : null;
    const body = lowerBlock(l, s.body.stmts);
    return { op: 'RANGE', key, value, x, body, pos: at, ...(init.length ? { init } : {}) };
  }
  const vars = newVarsOf(l, [s.key ?? { kind: 'BadExpr', line: 0, col: 0 }, s.value ?? { kind: 'BadExpr', line: 0, col: 0 }]);
  const names = vars.map((v) => (v ? declareVar(l, v, at) : null));
  const body = lowerBlock(l, s.body.stmts);
  const defs = names.filter((n): n is IrName => n !== null);
  const perIteration = defs.filter((n) => escapesIteration(l, n));
  const keyOf = (i: 0 | 1): Expr | null => {
    const src = i === 0 ? s.key : s.value;
    if (!src) return null;
    const n = names[i];
    return n ? nameExpr(n, n.pos) : lhsExpr(l, src);
  };
  if (perIteration.length === 0) {
    for (const n of defs) init.push({ op: 'DCL', name: n, pos: n.pos });
    return { op: 'RANGE', key: keyOf(0), value: keyOf(1), x, body, defs, pos: at, init };
  }
  // Per-iteration copies (loopvar.go): range into temporaries, copy inside the body.
  const head: Stmt[] = [];
  const slot = (i: 0 | 1): Expr | null => {
    const n = names[i];
    if (!n || !perIteration.includes(n)) return keyOf(i);
    const tmp = l.fc.temp(n.type, n.pos);
    init.push({ op: 'DCL', name: tmp, pos: n.pos });
    head.push({ op: 'DCL', name: n, pos: n.pos }, { op: 'AS', x: nameExpr(n, n.pos), y: nameExpr(tmp, n.pos), defs: [n], pos: n.pos });
    return nameExpr(tmp, n.pos);
  };
  for (const n of defs) if (!perIteration.includes(n)) init.push({ op: 'DCL', name: n, pos: n.pos });
  const key = slot(0);
  const value = slot(1);
  return { op: 'RANGE', key, value, x, body: [...head, ...body], defs: defs.filter((n) => !perIteration.includes(n)), pos: at, init };
}
