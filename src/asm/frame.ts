// The TEXT line: NOSPLIT|NOFRAME and the frame size, where they can be predicted.
//
// gc (cmd/internal/obj/x86 preprocess) drops the frame and the stack check of a leaf: a
// function that calls nothing and keeps everything in registers. A function calling nothing
// at all is predicted here conservatively: only names, constants, arithmetic that cannot
// panic, field reads, assignments, branches and loops over small scalar variables. The
// argument size is the spill area of the register-assigned parameters (ABIInternal,
// abi/abiutils.go), each aligned to its type.

import type { Expr, IrFunc, IrType, Stmt } from '../ir/ir.js';
import type { FramePrediction } from './result.js';
import type { Placement } from './placement.js';
import type { AsmRules } from './rules.js';
import { childExprs, childStmts, stmtExprs } from '../ir/walk.js';

export function predictFrame(
  fn: IrFunc,
  allocCount: number,
  placement: Placement,
  rules: AsmRules,
  calledDirectly = false,
): FramePrediction {
  let args = 0;
  const add = (t: IrType): void => {
    const a = Math.max(1, t.align);
    args = Math.ceil(args / a) * a + t.size;
  };
  for (const p of [...(fn.recv ? [fn.recv] : []), ...fn.params]) add(p.type);
  // walk/closure.go directClosureCall: a literal called on the spot gets its captured
  // variables as extra parameters (by value, or their address) instead of a context.
  if (calledDirectly) for (const v of fn.closureVars) add(v.type);
  // results that no register can hold (arrays of more than one element) travel on the stack
  for (const r of fn.results) if (!registerAssignable(r.type)) add(r.type);
  args = Math.ceil(args / rules.ptrSize) * rules.ptrSize;
  const smallLocals = fn.dcl.every((n) => !placement.movedToHeap(n) && (n.class !== 'auto' || n.type.size <= 2 * rules.ptrSize));
  const leaf = allocCount === 0 && smallLocals && (fn.body ?? []).every(leafStmt);
  return {
    leaf,
    frameSize: leaf ? 0 : null,
    argsSize: args,
    // a closure reads its captured variables through the context register (DX)
    needCtxt: fn.closureVars.length > 0 && !calledDirectly,
    wrapper: fn.wrapper === true && /\.(gowrap|deferwrap)\d+$/.test(fn.name),
  };
}

function leafStmt(s: Stmt): boolean {
  if (s.init && !s.init.every(leafStmt)) return false;
  // A pointer stored anywhere but a local variable needs the write barrier (a call).
  if ((s.op === 'AS' || s.op === 'ASOP') && s.x.type.hasPointers && !(s.x.op === 'NAME' && s.x.name.class !== 'global')) {
    return false;
  }
  switch (s.op) {
    case 'BLOCK': case 'DCL': case 'AS': case 'ASOP': case 'AS2': case 'RETURN': case 'IF': case 'FOR':
    case 'LABEL': case 'GOTO': case 'BREAK': case 'CONTINUE': case 'FALL': case 'SWITCH':
      return stmtExprs(s, false).every(leafExpr) && childStmts(s).every(leafStmt);
    default:
      return false;
  }
}

function leafExpr(e: Expr): boolean {
  if (e.init && !e.init.every(leafStmt)) return false;
  switch (e.op) {
    case 'NAME': case 'LITERAL': case 'NIL': case 'BLANK':
    case 'PLUS': case 'NEG': case 'BITNOT': case 'NOT':
    case 'ADD': case 'SUB': case 'OR': case 'XOR': case 'MUL': case 'AND': case 'ANDNOT':
    case 'EQ': case 'NE': case 'LT': case 'LE': case 'GT': case 'GE': case 'ANDAND': case 'OROR':
    case 'DOT': case 'DOTPTR': case 'DEREF': case 'CONVNOP': case 'LEN': case 'CAP':
      return e.type.kind !== 'string' || e.op === 'NAME' || e.op === 'LITERAL' || e.op === 'DOT' || e.op === 'DOTPTR' || e.op === 'CONVNOP'
        ? childExprs(e).every(leafExpr)
        : false;
    case 'CONV':
      return e.type.kind !== 'string' && childExprs(e).every(leafExpr);
    // no call was predicted for these: they live in the frame, which SSA often removes
    case 'NEW': case 'PTRLIT': case 'STRUCTLIT': case 'ARRAYLIT':
      return childExprs(e).every(leafExpr);
    case 'INDEX':
      return e.x.type.kind === 'array' && e.index.op === 'LITERAL' && leafExpr(e.x);
    case 'LSH': case 'RSH':
      return e.y.op === 'LITERAL' && leafExpr(e.x);
    case 'DIV': case 'MOD':
      return e.y.op === 'LITERAL' && leafExpr(e.x);
    default:
      return false;
  }
}

/** abi/abiutils.go: arrays of more than one element are never assigned to registers. */
function registerAssignable(t: IrType): boolean {
  if (t.kind === 'array') return (t.len ?? 0) <= 1 && (t.elem ? registerAssignable(t.elem) : true);
  if (t.kind === 'struct') return (t.fields ?? []).every((f) => registerAssignable(f.type));
  return true;
}
