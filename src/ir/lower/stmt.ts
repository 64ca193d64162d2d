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
import { universeTypes } from '../../types/index.js';
import type { Expr, IrName, IrType, Pos, Stmt } from '../ir.js';
import type { FnLowerer } from './expr.js';
import { pos, unparen } from './expr.js';
import { nameExpr } from './context.js';
import { lowerGoDefer } from './closure.js';
import { liveStatements, staticBool } from './deadcode.js';
import { rangeFuncStmt, rangeFuncYield } from './rangefunc.js';

export function lowerBlock(l: FnLowerer, stmts: readonly ast.Stmt[]): Stmt[] {
  const out: Stmt[] = [];
  for (const s of liveStatements(l.pkg.info, stmts)) lowerStmtInto(l, s, out);
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
      if (s.stmt.kind === 'RangeStmt') return [{ op: 'LABEL', label: s.label.value, pos: at }, rangeStmt(l, s.stmt, s.label.value)];
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
    case 'SwitchStmt':
      return [switchStmt(l, s)];
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
function declareVar(l: FnLowerer, v: Var, at: Pos, atGiven = false): IrName {
  const n = l.fc.declare(v.name, 'auto', l.pkg.irType(v.type), atGiven ? at : (v.pos ?? at));
  l.pkg.names.set(v, n);
  return n;
}

function newVarsOf(l: FnLowerer, names: readonly ast.Expr[]): (Var | null)[] {
  return names.map((n) => {
    // writer.go assign: `_` is assignBlank, never a new local (nor a Dcl entry).
    if (n.kind !== 'Name' || n.value === '_') return null;
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
    const shift = s.op === '<<=' || s.op === '>>=';
    return [{ op: 'ASOP', x: l.expr(s.lhs[0]!), y: shift ? l.shiftCount(s.rhs[0]!) : l.value(s.rhs[0]!), operator, pos: at }];
  }
  const newVars = s.op === ':=' ? newVarsOf(l, s.lhs) : s.lhs.map(() => null);
  return assignment(l, at, s.lhs, newVars, s.rhs);
}

/**
 * An assignment or declaration with values (reader.go stmtAssign): the new names are
 * declared (DCL) first, then the right side is read; N:1 goes through temporaries.
 */
function assignment(l: FnLowerer, at: Pos, lhsAst: readonly ast.Expr[], newVars: readonly (Var | null)[], rhsAst: readonly ast.Expr[]): Stmt[] {
  const out: Stmt[] = [];
  const defs: IrName[] = [];
  const lhs: Expr[] = lhsAst.map((x, i) => {
    const v = newVars[i];
    if (v) {
      const n = declareVar(l, v, at);
      out.push({ op: 'DCL', name: n, pos: n.pos });
      defs.push(n);
      return nameExpr(n, pos(x));
    }
    return lhsExpr(l, x);
  });
  const defsPart = defs.length ? { defs } : {};
  if (rhsAst.length === 0) {
    for (const n of defs) out.push({ op: 'AS', x: nameExpr(n, n.pos), y: null, defs: [n], pos: at });
    return out;
  }
  if (lhs.length === rhsAst.length) {
    const rhs = rhsAst.map((r) => l.value(r));
    out.push(...l.takePre());
    if (lhs.length === 1) out.push({ op: 'AS', x: lhs[0]!, y: rhs[0]!, pos: at, ...defsPart });
    else out.push({ op: 'AS2', lhs, rhs, pos: at, ...defsPart });
    return out;
  }
  const rhs = multiValue(l, rhsAst[0]!, lhs.map((x) => x.type), at);
  out.push(...l.takePre());
  out.push({ op: 'AS2', lhs, rhs, pos: at, ...defsPart });
  return out;
}

/**
 * reader.go multiExpr, N:1: `tmp0, tmp1 = rhs` (OAS2FUNC, OAS2MAPR, OAS2DOTTYPE or
 * OAS2RECV) queued before the statement; the temporaries, each converted to its
 * destination's interface type when needed (at the statement's position), are the values.
 */
export function multiValue(l: FnLowerer, e: ast.Expr, dsts: readonly (IrType | null)[], at: Pos): Expr[] {
  const r = unparen(e);
  let rhs = l.expr(r);
  let op: 'AS2FUNC' | 'AS2MAPR' | 'AS2DOTTYPE' | 'AS2RECV' = 'AS2FUNC';
  let srcTypes: IrType[];
  const bool = l.pkg.irType(universeTypes.bool);
  // The checker types a comma-ok operand as the tuple (T, bool), as types2 does.
  const tuple = l.typeOf(r);
  if (tuple?.kind === 'Tuple' && rhs.op !== 'CALLFUNC' && rhs.op !== 'CALLINTER') {
    const first = tuple.vars[0];
    if (first) rhs = { ...rhs, type: l.pkg.irType(first.type) } as Expr;
  }
  if (rhs.op === 'INDEXMAP') {
    op = 'AS2MAPR';
    rhs = { ...rhs, commaOk: true };
    srcTypes = [rhs.type, bool];
  } else if (rhs.op === 'DOTTYPE') {
    op = 'AS2DOTTYPE';
    rhs = { ...rhs, op: 'DOTTYPE2' };
    srcTypes = [rhs.type, bool];
  } else if (rhs.op === 'RECV') {
    op = 'AS2RECV';
    srcTypes = [rhs.type, bool];
  } else {
    const tuple = l.typeOf(r);
    srcTypes = tuple?.kind === 'Tuple' ? tuple.vars.map((v) => l.pkg.irType(v.type)) : [];
  }
  const temps = srcTypes.map((t) => l.fc.temp(t, at));
  for (const t of temps) l.pre.push({ op: 'DCL', name: t, pos: at });
  l.pre.push({ op, lhs: temps.map((t) => nameExpr(t, at)), rhs: [rhs], defs: temps, pos: at });
  return temps.map((t, i) => {
    const dst = dsts[i];
    const v = dst ? l.assignConv(nameExpr(t, at), dst, at) : nameExpr(t, at);
    // reader.go multiExpr hangs the assignment on the first value with ir.InitExpr, which
    // wraps a bare name in an OCONVNOP: gc prints it `T(.autotmp_N)` (-m=2 notes).
    return i === 0 && v.op === 'NAME' ? { op: 'CONVNOP', x: v, type: v.type, pos: at } : v;
  });
}

function declStmt(l: FnLowerer, s: ast.DeclStmt): Stmt[] {
  const out: Stmt[] = [];
  for (const d of s.decls) {
    if (d.kind !== 'VarDecl') continue;
    out.push(...assignment(l, pos(d), d.names, newVarsOf(l, d.names), d.values));
  }
  return out;
}

function returnStmt(l: FnLowerer, s: ast.ReturnStmt): Stmt {
  const at = pos(s);
  const results = l.fc.fn.results;
  if (s.results.length === 1 && results.length > 1) {
    // return f(): through temporaries, each converted to its result's type.
    return { op: 'RETURN', results: multiValue(l, s.results[0]!, results.map((r) => r.type), at), pos: at };
  }
  return { op: 'RETURN', results: s.results.map((r) => l.value(r)), pos: at };
}

// ───────────────────────────── control flow

function ifStmt(l: FnLowerer, s: ast.IfStmt): Stmt {
  const init = simple(l, s.init);
  const known = staticBool(l.pkg.info, s.cond);
  const cond = l.value(known.cond);
  const condPre = l.takePre();
  const body = known.sign >= 0 ? lowerBlock(l, s.then.stmts) : [];
  const els = s.else === null || known.sign > 0 ? [] : s.else.kind === 'IfStmt' ? [ifStmt(l, s.else)] : lowerBlock(l, s.else.stmts);
  const all = [...init, ...condPre];
  return { op: 'IF', cond, body, else: els, pos: pos(s), ...(all.length ? { init: all } : {}) };
}

/**
 * An expression switch as writer.go switchStmt writes it: a constant tag (or none, which
 * is `true`) selects its clause at compile time when every case is constant (the other
 * clauses vanish); the tag and every case value are converted to one type, `interface {}`
 * when some case is not assignable to the tag's type and an interface is involved.
 */
function switchStmt(l: FnLowerer, s: ast.SwitchStmt): Stmt {
  const at = pos(s);
  const init = simple(l, s.init);
  let clauses: readonly ast.CaseClause[] = s.body;
  let tagAst: ast.Expr | null = s.tag;
  const tagTv = s.tag ? l.pkg.info.types.get(s.tag) : null;
  let tagType: IrType = s.tag ? l.irTypeOf(s.tag) : l.pkg.irType(universeTypes.bool);
  const tagValue = s.tag ? (tagTv?.mode === 'constant' ? tagTv.value : null) : { kind: 'bool' as const, value: true };
  const tagIsChan = tagType.kind === 'chan';
  if (tagValue && tagValue.kind !== 'unknown') {
    const chosen = constantClause(l, s.body, tagValue);
    if (chosen !== 'unknown') {
      clauses = chosen ? [{ ...chosen, list: null }] : [];
      tagAst = null;
      tagType = l.pkg.irType(universeTypes.bool);
    }
  }
  if (!tagIsChan) {
    outer: for (const c of clauses) {
      for (const x of c.list ?? []) {
        const ct = l.irTypeOf(x);
        if (ct !== tagType && !assignableLoosely(ct, tagType) && (ct.kind === 'interface' || tagType.kind === 'interface')) {
          tagType = l.pkg.types.synthetic('interface', 'interface {}', { size: 16, directIface: false });
          break outer;
        }
      }
    }
  }
  const conv = (x: ast.Expr): Expr => {
    const e = l.expr(x);
    return tagIsChan ? e : l.implicitConv(e, tagType, unparen(x));
  };
  const tag = tagAst ? conv(tagAst) : null;
  const tagPre = l.takePre();
  const cases = clauses.map((c) => ({
    pos: pos(c),
    list: c.list ? c.list.map(conv) : null,
    body: lowerBlock(l, c.body),
  }));
  const all = [...init, ...tagPre];
  return { op: 'SWITCH', tag, cases, pos: at, ...(all.length ? { init: all } : {}) };
}

/** The clause a constant tag always selects; null for none; 'unknown' when not decidable. */
function constantClause(l: FnLowerer, clauses: readonly ast.CaseClause[], tag: { kind: string; value?: unknown }): ast.CaseClause | null | 'unknown' {
  let target: ast.CaseClause | null = null;
  outer: for (const c of clauses) {
    if (c.list === null) target = c;
    for (const x of c.list ?? []) {
      const v = l.pkg.info.types.get(x)?.value;
      if (!v || v.kind === 'unknown') return 'unknown';
      if (sameConst(v, tag)) {
        target = c;
        break outer;
      }
    }
  }
  if (target) {
    const last = target.body[target.body.length - 1];
    if (last && last.kind === 'BranchStmt' && last.tok === 'fallthrough') return 'unknown';
  }
  return target;
}

function sameConst(a: { kind: string; value?: unknown; re?: unknown }, b: { kind: string; value?: unknown }): boolean {
  if (a.kind !== b.kind) {
    return false;
  }
  if (a.kind === 'float') {
    const x = a.value as { num: bigint; den: bigint };
    const y = b.value as { num: bigint; den: bigint };
    return x.num * y.den === y.num * x.den;
  }
  return a.value === b.value;
}

/** A cheap stand-in for types2.AssignableTo between IR types (identical text or nil). */
function assignableLoosely(from: IrType, to: IrType): boolean {
  if (from.text === to.text) return true;
  if (from.untyped || from.kind === 'nil') return true;
  if (to.kind === 'interface' && from.kind !== 'interface') return true;
  return false;
}

/** noder quirks.go typeExprEndPos: where gc places a type switch clause's variable. */
function typeExprEndPos(e: ast.Expr): Pos {
  for (;;) {
    switch (e.kind) {
      case 'Name': return pos(e);
      case 'SelectorExpr': return pos(e.x);
      case 'ParenExpr': e = e.x; continue;
      case 'StarExpr': e = e.x; continue;
      case 'ArrayType': case 'ChanType': case 'DotsType': case 'SliceType': e = e.elem; continue;
      case 'MapType': e = e.value; continue;
      case 'StructType': return pos(e);
      case 'InterfaceType': {
        const last = e.elems[e.elems.length - 1];
        if (!last) return pos(e);
        e = last.type;
        continue;
      }
      case 'FuncType': {
        const last = e.results[e.results.length - 1] ?? e.params[e.params.length - 1];
        if (!last) return pos(e);
        e = last.type;
        continue;
      }
      case 'IndexExpr': e = e.x; continue;
      default: return pos(e);
    }
  }
}

function typeSwitch(l: FnLowerer, s: ast.TypeSwitchStmt): Stmt {
  const init = simple(l, s.init);
  const x = l.value(s.x);
  const xPre = l.takePre();
  const cases = s.body.map((c) => {
    const obj = l.pkg.info.implicits.get(c);
    let v: IrName | null = null;
    if (obj && obj.kind === 'Var') {
      const last = c.list?.[c.list.length - 1];
      v = declareVar(l, obj, last ? typeExprEndPos(last) : pos(c), true);
    }
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

/**
 * reader.go selectStmt: the communication is the receive itself (`tmp, tmp2 = <-c` as
 * SELRECV2, or `tmp := <-c` when the assignment converts), and the assignment to the
 * user's variables moves to the start of the clause body.
 */
function selectStmt(l: FnLowerer, s: ast.SelectStmt): Stmt {
  const cases = s.body.map((c) => {
    let comm: Stmt | null = null;
    const prefix: Stmt[] = [];
    if (c.comm) {
      const stmts: Stmt[] = [];
      lowerStmtInto(l, c.comm, stmts);
      let idx = stmts.findIndex((st) => st.op === 'AS2RECV');
      if (idx < 0) idx = stmts.length - 1;
      comm = stmts[idx] ?? null;
      const rest = stmts.filter((_, i) => i !== idx);
      if (comm?.op === 'AS2RECV') comm = { ...comm, op: 'SELRECV2' };
      if (comm?.op === 'AS' && !comm.defs && comm.y?.op === 'CONVIFACE' && comm.y.x.op === 'RECV') {
        // case i = <-c, converting: tmp := <-c; i = tmp.
        const recv = comm.y.x;
        const tmp = l.fc.temp(recv.type, pos(c));
        prefix.push({ ...comm, y: { ...comm.y, x: nameExpr(tmp, pos(c)) } });
        comm = { op: 'AS', x: nameExpr(tmp, pos(c)), y: recv, defs: [tmp], pos: pos(c), init: [{ op: 'DCL', name: tmp, pos: pos(c) }] };
      }
      const assigned = new Set(comm ? commTargets(comm) : []);
      const own = rest.filter((st) => st.op === 'DCL' && assigned.has(st.name));
      if (comm && own.length) comm = { ...comm, init: [...(comm.init ?? []), ...own] };
      prefix.unshift(...rest.filter((st) => !own.includes(st)));
    }
    return { pos: pos(c), comm, body: [...prefix, ...lowerBlock(l, c.body)] };
  });
  return { op: 'SELECT', cases, pos: pos(s) };
}

function commTargets(st: Stmt): IrName[] {
  const xs = st.op === 'AS' ? [st.x] : st.op === 'SELRECV2' || st.op === 'AS2RECV' ? st.lhs : [];
  return xs.flatMap((x) => (x.op === 'NAME' ? [x.name] : []));
}

/** Names a closure captured or whose address was taken (loopvar.go's criterion). */
function escapesIteration(l: FnLowerer, n: IrName): boolean {
  return !!n.addrtaken || l.pkg.captured.has(n);
}

function forStmt(l: FnLowerer, s: ast.ForStmt): Stmt {
  const at = pos(s);
  const init = simple(l, s.init);
  const known = s.cond ? staticBool(l.pkg.info, s.cond) : null;
  const cond = known ? l.value(known.cond) : null;
  const condPre = l.takePre();
  // A condition known to be false: gc writes neither the post statement nor the body.
  const dead = known?.sign === -1;
  const post = s.post && !dead ? simple(l, s.post) : [];
  const body = dead ? [] : lowerBlock(l, s.body.stmts);
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
    head.push({ op: 'DCL', name: n, loopvar: 'copy', pos: n.pos }, { op: 'AS', x: nameExpr(n, n.pos), y: nameExpr(prev, n.pos), defs: [n], loopvar: 'copy', pos: n.pos });
    tail.push({ op: 'AS', x: nameExpr(prev, n.pos), y: nameExpr(n, n.pos), loopvar: 'copyBack', pos: n.pos });
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
    ? [{ op: 'IF', cond: { op: 'NOT', x: cond, type: cond.type, pos: cond.pos }, body: [{ op: 'BREAK', label: null, pos: at }], else: [], loopvar: 'check', pos: at, ...(condPre.length ? { init: condPre } : {}) }]
    : [];
  // gc's post statement does not make the per-iteration copy count as reassigned (its
  // closures capture it by value): we apply it to the carried copy after the copy-back.
  let carriedPost = post;
  if (s.post) {
    const swapped: [Var, IrName][] = [];
    for (const [v, n] of l.pkg.names) if (renamed.has(n)) swapped.push([v, n]);
    for (const [v, n] of swapped) l.pkg.names.set(v, renamed.get(n)!);
    carriedPost = simple(l, s.post);
    for (const [v, n] of swapped) l.pkg.names.set(v, n);
  }
  return { op: 'FOR', cond: null, post: null, body: [...head, ...check, ...body, ...tail, ...carriedPost], pos: at, init: outerInit };
}

function rangeStmt(l: FnLowerer, s: ast.RangeStmt, label: string | null = null): Stmt {
  const yieldSig = rangeFuncYield(l, s);
  if (yieldSig) return rangeFuncStmt(l, s, yieldSig, label);
  const at = pos(s);
  const x = l.value(s.x);
  const init = l.takePre();
  if (!s.define) {
    const key = s.key ? lhsExpr(l, s.key) : null;
    const value = s.value ? lhsExpr(l, s.value) : null;
    const body = lowerBlock(l, s.body.stmts);
    return { op: 'RANGE', key, value, x, body, pos: at, rangePos: pos(s.range), ...(init.length ? { init } : {}) };
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
    return { op: 'RANGE', key: keyOf(0), value: keyOf(1), x, body, defs, pos: at, rangePos: pos(s.range), init };
  }
  // Per-iteration copies (loopvar.go): range into temporaries, copy inside the body.
  const head: Stmt[] = [];
  const slot = (i: 0 | 1): Expr | null => {
    const n = names[i];
    if (!n || !perIteration.includes(n)) return keyOf(i);
    const tmp = l.fc.temp(n.type, n.pos);
    init.push({ op: 'DCL', name: tmp, pos: n.pos });
    // loopvar.go places the copy at the range statement's position (its `range` keyword).
    head.push({ op: 'DCL', name: n, loopvar: 'copy', pos: n.pos }, { op: 'AS', x: nameExpr(n, n.pos), y: nameExpr(tmp, n.pos), defs: [n], loopvar: 'copy', pos: pos(s.range) });
    return nameExpr(tmp, n.pos);
  };
  for (const n of defs) if (!perIteration.includes(n)) init.push({ op: 'DCL', name: n, pos: n.pos });
  const key = slot(0);
  const value = slot(1);
  return { op: 'RANGE', key, value, x, body: [...head, ...body], defs: defs.filter((n) => !perIteration.includes(n)), pos: at, rangePos: pos(s.range), init };
}
