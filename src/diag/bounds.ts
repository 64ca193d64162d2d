// The one -m line of gc's walk phase: `index bounds check elided` (walk/expr.go walkIndex),
// for an index into an array (or a constant string) whose non-constant index is provably
// in range by walk's `bounded`: a masked value (`x&3`), an unsigned remainder or quotient by
// a constant, an unsigned right shift, or an unsigned type too narrow to reach the length.
// gc prints these after escape analysis, as it prepares each function for the backend (in
// the order of its function list, closures after their function) and at once (WarnfAt
// flushes under -m): so in function order, and by position within one function, which for
// a package's own declarations is file order, and for instantiated generic code the order
// the instances were read.

import type { Expr, IrFunc, IrPackage, IrType, Stmt } from '../ir/ir.js';
import { allFuncs } from '../ir/dump.js';
import { visitChildren, type ChildSink } from '../ir/walk.js';
import { stringByteLength } from '../types/constant.js';

export interface BoundsNote {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly func: string;
}

const signedKinds: ReadonlySet<string> = new Set(['int', 'int8', 'int16', 'int32', 'int64']);
const unsignedKinds: ReadonlySet<string> = new Set(['uint', 'uint8', 'uint16', 'uint32', 'uint64', 'uintptr']);

/**
 * Every elided bounds check of the package, in the order gc reports them; `funcs`, when
 * the caller has it, is allFuncs(pkg.funcs).
 */
export function boundsNotes(pkg: IrPackage, funcs: readonly IrFunc[] = allFuncs(pkg.funcs)): BoundsNote[] {
  const all: BoundsNote[] = [];
  for (const fn of funcs) {
    const out: BoundsNote[] = [];
    const visitExpr = (e: Expr): void => {
      for (const s of e.init ?? []) visitStmt(s);
      if (e.op === 'INDEX' && elided(e.x, e.index, false)) out.push({ file: fn.file, line: e.pos.line, col: e.pos.col, func: fn.name });
      if (e.op === 'CLOSURE') return;
      if (e.op === 'APPEND' && !e.isDDD) {
        if (e.args[0]) visitExpr(e.args[0]);
        e.args.slice(1).forEach(visitAppended);
        return;
      }
      visitChildren(e, exprs);
    };
    // walkAppend makes each appended value safe (walk's safeExpr) before walking it: the
    // value keeps its shape through names, constants, len, cap, fields and indexing, and
    // any other part is first copied to a temporary, walked whole there. An index so
    // copied reaches walkIndex as a bare variable: bounded sees its type alone.
    const visitAppended = (e: Expr): void => {
      if (!keepsShape(e)) return visitExpr(e);
      for (const s of e.init ?? []) visitStmt(s);
      switch (e.op) {
        case 'LEN': case 'CAP': case 'DOT':
          return visitAppended(e.x);
        case 'DOTPTR': case 'DEREF':
          return visitExpr(e.x);
        case 'INDEX':
        case 'INDEXMAP':
          if (e.op === 'INDEX' && elided(e.x, e.index, !keepsShape(e.index))) out.push({ file: fn.file, line: e.pos.line, col: e.pos.col, func: fn.name });
          visitAppended(e.x);
          visitAppended(e.index);
          return;
        default:
          return;
      }
    };
    // childExprs, stmtExprs and stmtBodies without their arrays: this visits every node.
    const some = (e: Expr | null): void => {
      if (e) visitExpr(e);
    };
    const exprs: ChildSink = { expr: some, rangeVar: some, body: () => {} };
    const bodies: ChildSink = { expr: () => {}, rangeVar: () => {}, body: (list) => list.forEach(visitStmt) };
    const visitStmt = (s: Stmt): void => {
      for (const i of s.init ?? []) visitStmt(i);
      visitChildren(s, exprs);
      visitChildren(s, bodies);
    };
    (fn as IrFunc).body?.forEach(visitStmt);
    all.push(...out.sort((a, b) => a.line - b.line || a.col - b.col));
  }
  return all;
}

/** Whether walk's safeExpr leaves e in place (else it copies e to a temporary). */
function keepsShape(e: Expr): boolean {
  switch (e.op) {
    case 'NAME': case 'LITERAL': case 'NIL': case 'LEN': case 'CAP': case 'DOT': case 'DOTPTR': case 'DEREF':
    case 'INDEX': case 'INDEXMAP':
      return true;
    default:
      return false;
  }
}

/** Whether x[index] is in range by walk's bounded; `bare`: the index is a temporary holding it. */
function elided(x: Expr, index: Expr, bare: boolean): boolean {
  if (isIntConst(index)) return false;
  const t: IrType = x.type.kind === 'ptr' && x.type.elem ? x.type.elem : x.type;
  const n: Expr = bare ? { op: 'NAME', type: index.type, pos: index.pos } as unknown as Expr : index;
  if (t.kind === 'array' && t.len !== undefined) return bounded(n, t.len);
  if (x.op === 'LITERAL' && x.value.kind === 'string') return bounded(n, stringByteLength(x.value.value));
  return false;
}

function isIntConst(e: Expr): boolean {
  return e.op === 'LITERAL' && e.value.kind === 'int';
}

/** ir.IsSmallIntConst: an int constant that fits in int32, with its value. */
function smallInt(e: Expr): bigint | null {
  if (e.op !== 'LITERAL' || e.value.kind !== 'int') return null;
  const v = e.value.value;
  return v >= -(1n << 31n) && v < 1n << 31n ? v : null;
}

/** walk.bounded: whether n is always in [0, max). */
function bounded(n: Expr, maxLen: number): boolean {
  const max = BigInt(maxLen);
  const kind = n.type.kind;
  if (!signedKinds.has(kind) && !unsignedKinds.has(kind)) return false;
  const sign = signedKinds.has(kind);
  let bits = BigInt(8 * n.type.size);
  const self = smallInt(n);
  if (self !== null) return self >= 0n && self < max;
  switch (n.op) {
    case 'AND':
    case 'ANDNOT': {
      let v = -1n;
      const x = smallInt(n.x);
      const y = smallInt(n.y);
      if (x !== null) v = x;
      else if (y !== null) {
        v = y;
        if (n.op === 'ANDNOT') {
          v = ~v;
          if (!sign) v &= (1n << bits) - 1n;
        }
      }
      if (v >= 0n && v < max) return true;
      break;
    }
    case 'MOD': {
      const y = smallInt(n.y);
      if (!sign && y !== null && y >= 0n && y <= max) return true;
      break;
    }
    case 'DIV': {
      let v = smallInt(n.y);
      if (!sign && v !== null) {
        while (bits > 0n && v >= 2n) {
          bits--;
          v >>= 1n;
        }
      }
      break;
    }
    case 'RSH': {
      const v = smallInt(n.y);
      if (!sign && v !== null) {
        if (v > bits) return true;
        bits -= v;
      }
      break;
    }
    default:
      break;
  }
  return !sign && bits <= 62n && 1n << bits <= max;
}
