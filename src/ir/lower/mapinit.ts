// Outlined map initialisers (staticinit/sched.go OutlineMapInits, tryWrapGlobalInit): gc
// moves `m = map[K]V{...}` out of the package's init into a function `map.init.N` of its
// own, so the linker can drop an unused table with its code. It does so for a package-level
// map variable whose initialiser has at least wrapGlobalMapInitSizeThreshold (20) IR nodes
// and no side effects; N counts the outlined ones in init's order. Escape analysis then
// reports the literal `in map.init.0`, and analyses those functions before init.

import type { Expr, IrFunc, IrName, Stmt } from '../ir.js';
import { forEachChild, type Node } from '../walk.js';
import type { Mutable, PkgCtx } from './context.js';
import { nameExpr } from './context.js';

/** sched.go wrapGlobalMapInitSizeThreshold. */
const SIZE_THRESHOLD = 20;

/** Replaces each outlinable statement of init's body by a call; returns the new functions. */
export function outlineMapInits(pkg: PkgCtx, init: Mutable<IrFunc>): IrFunc[] {
  const made: IrFunc[] = [];
  init.body = (init.body ?? []).map((stmt): Stmt => {
    if (stmt.op !== 'AS' || !stmt.y || stmt.x.op !== 'NAME' || stmt.x.name.class !== 'global' || stmt.x.type.kind !== 'map') return stmt;
    if (size(stmt.y) < SIZE_THRESHOLD || hasSideEffects(stmt.y)) return stmt;
    const name = `map.init.${made.length}`;
    const fn: Mutable<IrFunc> = {
      kind: 'Func', name: `${pkg.path}.${name}`, pkgPath: pkg.path, file: stmt.file ?? init.file, pos: stmt.pos,
      recv: null, params: [], results: [], dcl: [], body: [stmt], closureVars: [], outer: null,
      pragmas: {}, type: init.type,
    };
    made.push(fn);
    const callee: IrName = { kind: 'Name', sym: name, class: 'func', type: init.type, pos: stmt.pos, curfn: null, func: fn };
    const call: Expr = { op: 'CALLFUNC', fun: nameExpr(callee, stmt.pos), args: [], type: init.type, pos: stmt.pos } as Expr;
    return { op: 'EXPR', x: call, pos: stmt.pos, ...(stmt.file ? { file: stmt.file } : {}) } as Stmt;
  });
  return made;
}

/** ir.Any's count of the nodes of e; gc's keyed elements are nodes of their own (OKEY, OSTRUCTKEY). */
function size(e: Node): number {
  let n = 1;
  if (e.op === 'MAPLIT') n += e.entries.length;
  if (e.op === 'STRUCTLIT') n += e.fields.length;
  forEachChild(e, (c) => (n += size(c)));
  return n;
}

/** sched.go AnySideEffects: isSideEffect anywhere in the tree (what is not known pure is an effect). */
export function hasSideEffects(e: Node): boolean {
  if (effect(e)) return true;
  let found = false;
  forEachChild(e, (c) => (found ||= hasSideEffects(c)));
  return found;
}

const pure: ReadonlySet<string> = new Set([
  'NAME', 'LITERAL', 'NIL', 'TYPE', 'ADD', 'SUB', 'OR', 'XOR', 'ADDSTR', 'ADDR', 'BYTES2STR', 'RUNES2STR', 'STR2BYTES',
  'STR2RUNES', 'CAP', 'MAPLIT', 'STRUCTLIT', 'ARRAYLIT', 'SLICELIT', 'PTRLIT', 'CONV', 'CONVIFACE', 'CONVNOP', 'DOT',
  'EQ', 'NE', 'LT', 'LE', 'GT', 'GE', 'LEN', 'MUL', 'LSH', 'RSH', 'AND', 'ANDNOT', 'NEW', 'NOT', 'BITNOT', 'PLUS',
  'NEG', 'OROR', 'ANDAND', 'RUNESTR', 'REAL', 'IMAG', 'COMPLEX',
]);

function effect(e: Node): boolean {
  switch (e.op) {
    case 'DIV': case 'MOD':
      return e.y.op !== 'LITERAL' || isZero(e.y);
    case 'MAKEMAP': case 'MAKECHAN':
      return e.len !== null && (e.len.op !== 'LITERAL' || !isZero(e.len));
    default:
      return !pure.has(e.op);
  }
}

function isZero(e: Expr): boolean {
  if (e.op !== 'LITERAL') return false;
  const v = e.value;
  return (v.kind === 'int' && v.value === 0n) || (v.kind === 'float' && v.value === 0) || (v.kind === 'complex' && v.re === 0 && v.im === 0);
}
