// Statements (go/types stmt.go, labels.go, range.go): scopes for blocks and statement
// headers, assignments, sends, returns (results assigned to the result types, with their
// interface conversions), switches (case values compared with the tag), type switches
// (one implicit variable per clause), select, for and range (including range over int
// and over iterator functions), and label/branch checks.

import type * as ast from '../syntax/ast.js';
import type { Checker } from './check.js';
import type { Operand } from './operand.js';
import { exprString, operandString, startPos } from './operand.js';
import type { Var } from './objects.js';
import type { Signature, Type } from './types.js';
import { under, unalias, isUntyped, isTypeParam } from './types.js';
import { universeTypes } from './universe.js';
import { expr, rawExpr, binary, singleValue, typeAssertion } from './expr.js';
import { typExpr } from './typexpr.js';
import { assignment, assignVars, shortVarDecl, lhsType } from './assignments.js';
import { declStmt } from './decl.js';
import { convertUntyped } from './conversions.js';
import { coreType } from './typeset.js';
import { isBoolean, isInteger, identical, comparable, hasNil } from './predicates.js';
import { typeString, byName } from './typestring.js';
import { implementsIface } from './implements.js';

const invalid: Type = universeTypes.invalid;

export function stmtList(c: Checker, list: readonly ast.Stmt[]): void {
  for (const s of list) stmt(c, s);
}

function withScope(c: Checker, node: ast.Node, comment: string, f: () => void): void {
  const saved = c.scope;
  c.scope = c.openScope(node, c.scope, comment);
  try {
    f();
  } finally {
    c.scope = saved;
  }
}

function newLocal(c: Checker, n: ast.Name, t: Type): Var {
  return {
    kind: 'Var', name: n.value, pos: n, file: c.file, pkg: c.pkg, type: t, parent: null, varKind: 'local',
    embedded: false, origin: null, used: false,
  };
}

export function stmt(c: Checker, s: ast.Stmt): void {
  switch (s.kind) {
    case 'EmptyStmt':
      return;
    case 'DeclStmt':
      declStmt(c, s);
      return;
    case 'LabeledStmt':
      stmt(c, s.stmt);
      return;
    case 'ExprStmt': {
      const x = rawExpr(c, s.x, null, false);
      if (x.mode === 'invalid') return;
      let inner: ast.Expr = s.x;
      while (inner.kind === 'ParenExpr') inner = inner.x;
      if (x.mode === 'novalue') return;
      if (inner.kind === 'CallExpr') {
        const ci = c.info.calls.get(inner);
        if (ci && ci.kind === 'builtin' && ci.builtin) {
          const id = ci.builtin.id;
          if (!['copy', 'recover', 'panic', 'print', 'println', 'close', 'delete', 'clear'].includes(id)) {
            c.error(s.x, `${exprString(s.x)} (${describe(x)}) is not used`);
          }
          return;
        }
        if (ci && ci.kind === 'conversion') {
          c.error(s.x, `${exprString(s.x)} (${describe(x)}) is not used`);
          return;
        }
        return;
      }
      if (inner.kind === 'UnaryExpr' && inner.op === '<-') return;
      c.error(s.x, `${exprString(s.x)} (${describe(x)}) is not used`);
      return;
    }
    case 'SendStmt': {
      const ch = expr(c, s.chan);
      const v = expr(c, s.value, chanElem(ch));
      if (ch.mode === 'invalid' || v.mode === 'invalid') return;
      const u = coreType(ch.type);
      if (!u || u.kind !== 'Chan') {
        c.error(s, `invalid operation: cannot send to non-channel ${operandString(ch, c.pkg)}`);
        return;
      }
      if (u.dir === 'recv') {
        c.error(s, `invalid operation: cannot send to receive-only channel ${operandString(ch, c.pkg)}`);
        return;
      }
      assignment(c, v, u.elem, 'send', 'send');
      return;
    }
    case 'IncDecStmt': {
      const x = expr(c, s.x);
      if (x.mode === 'invalid') return;
      if (!/^(u?int|float|complex|uintptr)/.test((under(x.type) as { basic?: string }).basic ?? '') && under(x.type).kind !== 'TypeParam') {
        c.error(s.x, `invalid operation: ${exprString(s.x)}${s.op} (non-numeric type ${typeString(x.type, byName(c.pkg))})`);
        return;
      }
      lhsType(c, s.x);
      // go/types checks x++ as x += 1 with a literal 1 placed at x (recorded with x's type).
      const one: ast.BasicLit = { kind: 'BasicLit', litKind: 'int', value: '1', ...startPos(s.x) };
      c.recordType(one, 'constant', x.type, { kind: 'int', value: 1n });
      return;
    }
    case 'AssignStmt':
      assignStmt(c, s);
      return;
    case 'GoStmt':
    case 'DeferStmt': {
      const what = s.kind === 'GoStmt' ? 'go' : 'defer';
      let call: ast.Expr = s.call;
      while (call.kind === 'ParenExpr') call = call.x;
      if (call.kind !== 'CallExpr') {
        c.error(s.call, `expression in ${what} must be function call`);
        expr(c, s.call);
        return;
      }
      const x = rawExpr(c, call, null, false);
      if (x.mode === 'invalid') return;
      const ci = c.info.calls.get(call);
      if (ci && ci.kind === 'conversion') c.error(s.call, `${what} requires function call, not conversion`);
      else if (ci && ci.kind === 'builtin' && ci.builtin && ['append', 'cap', 'complex', 'imag', 'len', 'make', 'new', 'real', 'min', 'max', 'Sizeof', 'Alignof', 'Offsetof', 'Add', 'Slice', 'String', 'SliceData', 'StringData'].includes(ci.builtin.id)) {
        c.error(s.call, `${what} discards result of ${exprString(call)}`);
      }
      return;
    }
    case 'ReturnStmt':
      returnStmt(c, s);
      return;
    case 'BranchStmt':
      return;
    case 'BlockStmt':
      withScope(c, s, 'block', () => stmtList(c, s.stmts));
      return;
    case 'IfStmt':
      withScope(c, s, 'if', () => {
        if (s.init) stmt(c, s.init);
        const x = expr(c, s.cond);
        if (x.mode !== 'invalid' && !isBoolean(x.type)) c.error(s.cond, 'non-boolean condition in if statement');
        stmt(c, s.then);
        if (s.else) stmt(c, s.else);
      });
      return;
    case 'SwitchStmt':
      withScope(c, s, 'switch', () => switchStmt(c, s));
      return;
    case 'TypeSwitchStmt':
      withScope(c, s, 'type switch', () => typeSwitchStmt(c, s));
      return;
    case 'SelectStmt':
      for (const cl of s.body) {
        withScope(c, cl, 'select case', () => {
          if (cl.comm) {
            const ok = isRecvOrSend(cl.comm);
            if (!ok) c.error(cl.comm, 'select case must be receive, send or assign recv');
            stmt(c, cl.comm);
          }
          stmtList(c, cl.body);
        });
      }
      return;
    case 'ForStmt':
      withScope(c, s, 'for', () => {
        if (s.init) stmt(c, s.init);
        if (s.cond) {
          const x = expr(c, s.cond);
          if (x.mode !== 'invalid' && !isBoolean(x.type)) c.error(s.cond, 'non-boolean condition in for statement');
        }
        if (s.post) {
          if (s.post.kind === 'AssignStmt' && s.post.op === ':=') c.error(s.post, 'cannot declare in post statement of for loop');
          stmt(c, s.post);
        }
        stmt(c, s.body);
      });
      return;
    case 'RangeStmt':
      withScope(c, s, 'range', () => rangeStmt(c, s));
      return;
  }
}

function describe(x: Operand): string {
  const s = operandString(x, null);
  const i = s.indexOf(' (');
  return i >= 0 ? s.slice(i + 2, -1) : s;
}

function isRecvOrSend(s: ast.SimpleStmt): boolean {
  const unp = (e: ast.Expr) => { while (e.kind === 'ParenExpr') e = e.x; return e; };
  if (s.kind === 'SendStmt') return true;
  if (s.kind === 'ExprStmt') { const e = unp(s.x); return e.kind === 'UnaryExpr' && e.op === '<-'; }
  if (s.kind === 'AssignStmt' && s.rhs.length === 1) { const e = unp(s.rhs[0]!); return e.kind === 'UnaryExpr' && e.op === '<-'; }
  return false;
}

function chanElem(ch: Operand): Type | null {
  if (ch.mode === 'invalid') return null;
  const u = coreType(ch.type);
  return u && u.kind === 'Chan' ? u.elem : null;
}

function assignStmt(c: Checker, s: ast.AssignStmt): void {
  if (s.op === ':=') {
    shortVarDecl(c, s);
    return;
  }
  if (s.op === '=') {
    assignVars(c, s);
    return;
  }
  // x op= y
  if (s.lhs.length !== 1 || s.rhs.length !== 1) {
    c.error(s, `assignment operation ${s.op} requires single-valued expressions`);
    return;
  }
  const op = s.op.slice(0, -1) as ast.BinaryOp;
  const opExpr: ast.BinaryExpr = { kind: 'BinaryExpr', op, x: s.lhs[0]!, y: s.rhs[0]!, line: s.line, col: s.col };
  const x = binary(c, opExpr, s.lhs[0]!, s.rhs[0]!, op);
  c.info.types.delete(opExpr);
  if (x.mode === 'invalid') return;
  const t = lhsType(c, s.lhs[0]!);
  if (t && t !== invalid) assignment(c, x, t, 'assignment');
}

function returnStmt(c: Checker, s: ast.ReturnStmt): void {
  const fn = c.fn;
  if (!fn) return;
  const results = fn.sig.results.vars;
  if (s.results.length === 0) {
    if (results.length > 0 && !fn.namedResults) {
      c.error(s, `not enough return values\n\thave ()\n\twant ${tupleString(c, results.map((r) => r.type))}`);
      return;
    }
    if (results.length > 0) {
      // A bare return with named results: they must not be shadowed.
      for (const r of results) {
        const found = c.scope.lookupParent(r.name);
        if (found && found[1] !== r && r.name !== '_') {
          c.error(s, `result parameter ${r.name} not in scope at return\n\t${found[1].file}:${found[1].pos?.line}:${found[1].pos?.col}: inner declaration of var ${r.name}`);
          return;
        }
      }
    }
    return;
  }
  if (results.length === 0) {
    const xs = s.results.map((r) => rawExpr(c, r, null, false));
    c.error(s.results[0]!, `too many return values\n\thave ${tupleString(c, xs.map((x) => x.type), xs)}\n\twant ()`);
    return;
  }
  // Operands (a single call may provide all results).
  let xs: Operand[];
  let spread = false;
  if (s.results.length === 1 && results.length > 1) {
    const x = rawExpr(c, s.results[0]!, null, false);
    if (x.mode === 'invalid') return;
    if (x.type.kind === 'Tuple' && x.mode !== 'typexpr') {
      spread = true;
      xs = x.type.vars.map((v) => ({ mode: 'value', type: v.type, value: null, expr: s.results[0]! }));
    } else xs = [singleValue(c, x)];
  } else {
    xs = s.results.map((r, i) => expr(c, r, results[i]?.type ?? null));
  }
  if (xs.length !== results.length) {
    const have = tupleString(c, xs.map((x) => x.type), xs);
    const want = tupleString(c, results.map((r) => r.type));
    const at = xs.length > results.length ? (spread ? s.results[0]! : s.results[results.length]!) : s.results[0]!;
    c.error(at, `${xs.length > results.length ? 'too many' : 'not enough'} return values\n\thave ${have}\n\twant ${want}`);
    return;
  }
  xs.forEach((x, i) => {
    assignment(c, x, results[i]!.type, 'return statement', 'return');
    if (spread) c.info.implicitConversions.delete(x.expr);
  });
}

function tupleString(c: Checker, ts: readonly Type[], xs?: readonly Operand[]): string {
  return '(' + ts.map((t, i) => {
    const x = xs?.[i];
    if (x && isUntyped(x.type) && x.mode === 'constant' && /untyped (int|float|rune|complex)/.test((unalias(x.type) as { basic: string }).basic)) return 'number';
    return typeString(t, byName(c.pkg));
  }).join(', ') + ')';
}

function switchStmt(c: Checker, s: ast.SwitchStmt): void {
  if (s.init) stmt(c, s.init);
  let tag: Operand | null = null;
  if (s.tag) {
    tag = expr(c, s.tag);
    if (tag.mode !== 'invalid') {
      assignment(c, tag, null, 'switch expression');
      if ((tag.mode as string) !== 'invalid' && !comparable(tag.type) && !hasNil(tag.type)) {
        c.error(s.tag, `cannot switch on ${operandString(tag, c.pkg)}`);
        tag = null;
      }
    }
  }
  if (!s.tag) {
    // "A missing switch expression is equivalent to the boolean value true."
    const at = s.body[0] ?? s.rbrace;
    const t: ast.Name = { kind: 'Name', value: 'true', line: at.line, col: at.col };
    c.syntheticTags.add(t);
    tag = { mode: 'constant', type: universeTypes.bool, value: { kind: 'bool', value: true }, expr: t };
  }
  let sawDefault = false;
  for (const cl of s.body) {
    if (cl.list === null) {
      if (sawDefault) c.error(cl, 'multiple defaults in switch');
      sawDefault = true;
    } else {
      for (const e of cl.list) caseValue(c, e, tag);
    }
    withScope(c, cl, 'case', () => stmtList(c, cl.body));
  }
}

/** A case value is compared with the tag (`tag == v`), or is a boolean condition. */
function caseValue(c: Checker, e: ast.Expr, tag: Operand | null): void {
  if (!tag) {
    const x = expr(c, e);
    if (x.mode === 'invalid') return;
    if (isUntyped(x.type)) convertUntyped(c, x, universeTypes.bool);
    if (!isBoolean(x.type)) {
      c.error(e, `invalid case ${exprString(e)} in switch (mismatched types ${typeString(x.type, byName(c.pkg))} and bool)`);
    }
    return;
  }
  if (tag.mode === 'invalid') {
    expr(c, e);
    return;
  }
  const x = expr(c, e, tag.type);
  if (x.mode === 'invalid') return;
  const tagIface = under(tag.type).kind === 'Interface' && !isTypeParam(tag.type);
  if (isUntyped(x.type)) {
    if (tagIface) assignment(c, x, tag.type, 'switch case', 'compare');
    else if (!convertUntyped(c, x, tag.type)) return;
  }
  const xIface = under(x.type).kind === 'Interface' && !isTypeParam(x.type);
  if (!identical(x.type, tag.type)) {
    if (tagIface && implementsIface(x.type, tag.type)) {
      c.info.implicitConversions.set(e, { target: tag.type, context: 'compare' });
      return;
    }
    if (xIface && implementsIface(tag.type, x.type)) {
      return;
    }
    if (x.mode === 'nilvalue' || (tag.mode === 'nilvalue')) return;
    const on = c.syntheticTags.has(tag.expr) ? '' : ` on ${exprString(tag.expr)}`;
    c.error(e, `invalid case ${exprString(e)} in switch${on} (mismatched types ${typeString(x.type, byName(c.pkg))} and ${typeString(tag.type, byName(c.pkg))})`);
  }
}

function typeSwitchStmt(c: Checker, s: ast.TypeSwitchStmt): void {
  if (s.init) stmt(c, s.init);
  const x = expr(c, s.x);
  if (x.mode === 'invalid') {
    for (const cl of s.body) withScope(c, cl, 'case', () => stmtList(c, cl.body));
    return;
  }
  if (isTypeParam(x.type) || under(x.type).kind !== 'Interface') {
    c.error(s.x, `${operandString(x, c.pkg)} is not an interface`);
    return;
  }
  if (s.bind && s.bind.value === '_') c.error(s.bind, 'no new variable on left side of :=');
  const clauseVars: Var[] = [];
  for (const cl of s.body) {
    let single: Type | null = null;
    if (cl.list) {
      for (const e of cl.list) {
        if (e.kind === 'Name' && e.value === 'nil' && c.scope.lookupParent('nil')?.[1].kind === 'Nil') {
          c.recordUse(e, c.scope.lookupParent('nil')![1]);
          c.recordType(e, 'nilvalue', universeTypes.untypedNil, null);
          single = cl.list.length === 1 ? universeTypes.untypedNil : null;
          continue;
        }
        const t = typExpr(c, e);
        if (t === invalid) continue;
        typeAssertion(c, e, x, t, true);
        if (cl.list.length === 1) single = t;
      }
    }
    withScope(c, cl, 'case', () => {
      if (s.bind && s.bind.value !== '_') {
        let t = single ?? x.type;
        if (t === universeTypes.untypedNil) t = x.type;
        const v = newLocal(c, s.bind, t);
        v.used = false;
        c.declare(c.scope, null, v);
        c.info.implicits.set(cl, v);
        clauseVars.push(v);
      }
      stmtList(c, cl.body);
    });
  }
  if (s.bind && s.bind.value !== '_') {
    const v0 = newLocal(c, s.bind, x.type);
    c.recordDef(s.bind, null);
    if (!c.lazy && clauseVars.length > 0 && clauseVars.every((v) => !v.used)) {
      c.error(s.bind, `declared and not used: ${s.bind.value}`);
    }
    if (clauseVars.length === 0 && !c.lazy) c.error(s.bind, `declared and not used: ${s.bind.value}`);
    void v0;
  }
}

function rangeStmt(c: Checker, s: ast.RangeStmt): void {
  const x = expr(c, s.x);
  let key: Type | null = null;
  let val: Type | null = null;
  if (x.mode !== 'invalid') {
    const u = coreType(x.type) ?? under(x.type);
    switch (u.kind) {
      case 'Basic':
        if (isUntyped(x.type) && /untyped (int|rune|float)/.test(u.basic)) {
          const target = s.key && !s.define ? null : u.basic === 'untyped rune' ? universeTypes.rune : universeTypes.int;
          if (target) convertUntyped(c, x, target);
        }
        if (/^(untyped )?string$/.test(u.basic)) {
          key = universeTypes.int;
          val = universeTypes.rune;
        } else if (isInteger(x.type) || isInteger(u)) {
          key = x.type;
          if (s.value) c.error(s.value, `range over ${operandString(x, c.pkg)} permits only one iteration variable`);
        }
        break;
      case 'Array':
        key = universeTypes.int;
        val = u.elem;
        break;
      case 'Pointer': {
        const a = under(u.elem);
        if (a.kind === 'Array') {
          key = universeTypes.int;
          val = a.elem;
        }
        break;
      }
      case 'Slice':
        key = universeTypes.int;
        val = u.elem;
        break;
      case 'Map':
        key = u.key;
        val = u.elem;
        break;
      case 'Chan':
        key = u.elem;
        if (s.value) c.error(s.value, `range over ${operandString(x, c.pkg)} permits only one iteration variable`);
        break;
      case 'Signature': {
        // Range-over-func: func(yield func(K[, V]) bool).
        const sig = u as Signature;
        const y = sig.params.vars[0] ? under(sig.params.vars[0].type) : null;
        if (y && y.kind === 'Signature') {
          key = y.params.vars[0]?.type ?? null;
          val = y.params.vars[1]?.type ?? null;
        }
        break;
      }
      default:
        break;
    }
    if (!key && u.kind !== 'Signature') {
      c.error(s.x, `cannot range over ${operandString(x, c.pkg)}`);
    }
  }
  const lhs = [s.key, s.value];
  const types = [key, val];
  if (s.define) {
    const vars: [ast.Name, Var][] = [];
    lhs.forEach((e, i) => {
      if (!e) return;
      if (e.kind !== 'Name') {
        c.error(e, `non-name ${exprString(e)} on left side of :=`);
        return;
      }
      const v = newLocal(c, e, types[i] ?? invalid);
      vars.push([e, v]);
    });
    for (const [n, v] of vars) {
      c.declare(c.scope, n, v);
      if (n.value !== '_') c.localVars.push(v);
    }
  } else {
    lhs.forEach((e, i) => {
      if (!e) return;
      const t = lhsType(c, e);
      const T = types[i];
      if (t && t !== invalid && T) {
        const op: Operand = { mode: 'value', type: T, value: null, expr: e };
        assignment(c, op, t, 'range clause');
        c.info.implicitConversions.delete(e);
      }
    });
  }
  stmt(c, s.body);
}
