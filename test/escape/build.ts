// A small builder for hand-made escape IR, so the escape rules can be tested before (and
// independently of) the lowering. Types carry amd64 gc sizes.
import type { Expr, IrFunc, IrName, IrPackage, IrType, NameClass, Pos, Stmt } from '../../src/ir/ir.js';

const scalar = (kind: IrType['kind'], size: number): IrType => ({
  kind, size, align: size, hasPointers: false, directIface: false, text: kind,
});
export const T = {
  int: scalar('int', 8),
  byte: { ...scalar('uint8', 1), text: 'byte' } as IrType,
  uintptr: scalar('uintptr', 8),
  string: { kind: 'string', size: 16, align: 8, hasPointers: true, directIface: false, text: 'string' } as IrType,
  any: { kind: 'interface', size: 16, align: 8, hasPointers: true, directIface: false, text: 'interface {}' } as IrType,
  ptr: (elem: IrType): IrType => ({ kind: 'ptr', size: 8, align: 8, hasPointers: true, directIface: true, elem, text: `*${elem.text}` }),
  slice: (elem: IrType): IrType => ({ kind: 'slice', size: 24, align: 8, hasPointers: true, directIface: false, elem, text: `[]${elem.text}` }),
  array: (elem: IrType, len: number): IrType => ({
    kind: 'array', size: elem.size * len, align: elem.align, hasPointers: elem.hasPointers && len > 0,
    directIface: len === 1 && elem.directIface, elem, len, text: `[${len}]${elem.text}`,
  }),
  map: (key: IrType, elem: IrType): IrType => ({ kind: 'map', size: 8, align: 8, hasPointers: true, directIface: true, key, elem, text: `map[${key.text}]${elem.text}` }),
  func: (params: IrType[], results: IrType[]): IrType => ({
    kind: 'func', size: 8, align: 8, hasPointers: true, directIface: true, params, results,
    text: `func(${params.map((p) => p.text).join(', ')})${results.length === 1 ? ' ' + results[0]!.text : results.length ? ' (' + results.map((r) => r.text).join(', ') + ')' : ''}`,
  }),
  struct: (text: string, fields: { name: string; type: IrType }[]): IrType => {
    let size = 0;
    let align = 1;
    for (const f of fields) {
      size = Math.ceil(size / f.type.align) * f.type.align + f.type.size;
      align = Math.max(align, f.type.align);
    }
    size = Math.ceil(size / align) * align;
    return { kind: 'struct', size, align, hasPointers: fields.some((f) => f.type.hasPointers), directIface: false, fields, text };
  },
};

export const P = (line: number, col: number): Pos => ({ line, col });

/** A function under construction: declare names, then set the body. */
export class FuncBuilder {
  readonly dcl: IrName[] = [];
  readonly params: IrName[] = [];
  readonly results: IrName[] = [];
  recv: IrName | null = null;
  body: Stmt[] = [];
  closureVars: IrName[] = [];
  closureVarPos: Pos[] = [];
  fn!: IrFunc;
  constructor(
    readonly name: string,
    readonly pos: Pos,
    readonly outer: IrFunc | null = null,
    readonly file = 'x.go',
  ) {}
  private mk(sym: string, cls: NameClass, type: IrType, pos: Pos): IrName {
    const n = { kind: 'Name', sym, class: cls, type, pos, curfn: null as IrFunc | null } as IrName;
    this.dcl.push(n);
    return n;
  }
  param(sym: string, type: IrType, pos: Pos): IrName {
    const n = this.mk(sym, 'param', type, pos);
    this.params.push(n);
    return n;
  }
  receiver(sym: string, type: IrType, pos: Pos): IrName {
    const n = this.mk(sym, 'param', type, pos);
    this.recv = n;
    return n;
  }
  result(sym: string, type: IrType, pos: Pos): IrName {
    const n = this.mk(sym, 'result', type, pos);
    this.results.push(n);
    return n;
  }
  local(sym: string, type: IrType, pos: Pos): IrName {
    return this.mk(sym, 'auto', type, pos);
  }
  /** Creates the IrFunc object now so closures and calls can refer to it; fill later. */
  declare(): IrFunc {
    this.fn = {
      kind: 'Func', name: this.name, file: this.file, pos: this.pos, recv: null, params: [], results: [], dcl: [],
      body: [], closureVars: [], outer: this.outer, pragmas: {}, type: T.func([], []),
    };
    return this.fn;
  }
  finish(): IrFunc {
    const fn = this.fn ?? this.declare();
    // Dcl order as gc: receiver, params, results, then locals.
    const locals = this.dcl.filter((n) => n.class === 'auto');
    const ordered = [...(this.recv ? [this.recv] : []), ...this.params, ...this.results, ...locals];
    Object.assign(fn, {
      recv: this.recv, params: this.params, results: this.results, dcl: ordered, body: this.body,
      closureVars: this.closureVars, closureVarPos: this.closureVarPos,
      type: T.func(this.params.map((p) => p.type), this.results.map((r) => r.type)),
    });
    for (const n of ordered) (n as { curfn: IrFunc | null }).curfn = fn;
    return fn;
  }
}

// expression helpers
export const name = (n: IrName, pos: Pos): Expr => ({ op: 'NAME', name: n, pos, type: n.type });
export const lit = (v: number, pos: Pos, type = T.int): Expr => ({ op: 'LITERAL', value: { kind: 'int', value: BigInt(v) }, text: String(v), pos, type });
export const addr = (x: Expr, pos: Pos): Expr => ({ op: 'ADDR', x, pos, type: T.ptr(x.type) });
export const deref = (x: Expr, pos: Pos): Expr => ({ op: 'DEREF', x, pos, type: x.type.elem! });
export const iface = (x: Expr): Expr => ({ op: 'CONVIFACE', x, pos: x.pos, type: T.any, implicit: true });
export const as = (x: Expr, y: Expr | null, pos: Pos, defs?: IrName[]): Stmt => ({ op: 'AS', x, y, pos, ...(defs ? { defs } : {}) });
export const define = (n: IrName, y: Expr, pos: Pos): Stmt[] => [
  { op: 'DCL', name: n, pos: n.pos },
  { op: 'AS', x: name(n, n.pos), y, pos, defs: [n] },
];
export const ret = (pos: Pos, ...results: Expr[]): Stmt => ({ op: 'RETURN', results, pos });

export function pkg(...funcs: IrFunc[]): IrPackage {
  return { path: 'p', funcs, globals: [] };
}
