// Shared state of the lowering: the package-wide tables (checker objects → IR names and
// functions) and the per-function builder (declarations, temporaries, closure counters,
// captured variables).
//
// IR values are immutable once `lower` returns; while a function is being built its
// IrFunc and IrNames are filled in place (they refer to each other: a name's curfn is the
// function that declares it, the function's dcl lists the name), hence the Mutable views.

import type * as ast from '../../syntax/ast.js';
import type { Func, Info, Package, Type, Var } from '../../types/index.js';
import type { Expr, IrFunc, IrName, IrType, NameClass, Pos, Stmt } from '../ir.js';
import { IrTypes } from './types.js';
import { Instances } from './instances.js';
import { ShapeTable } from './shapes.js';
import { newRangeFuncState } from './rangefunc.js';

export type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export interface LowerInput {
  readonly files: readonly ast.File[];
  readonly pkg: Package;
  readonly info: Info;
  /**
   * Whether another package's function has an inline body in the export data this
   * compilation reads (noder unifiedHaveInlineBody); a wrapper tail-calls only a method
   * without one. Absent: none has (the package's own functions never do under -l).
   */
  readonly hasInlineBody?: (fn: IrFunc) => boolean;
  /** The model's wrappers.forwardInstances (default true, go1.26's). */
  readonly wrapForwardInstances?: boolean;
}

/** The package being lowered: what every function builder shares. */
export class PkgCtx {
  /** The side tables of the body being lowered (an imported generic body brings its own). */
  info: Info;
  readonly pkg: Package;
  readonly hasInlineBody: (fn: IrFunc) => boolean;
  readonly wrapForwardInstances: boolean;
  /** Each method value's receiver type (after implicit & and *) and method, for its -fm wrapper. */
  readonly methodValueInfo = new WeakMap<object, { readonly recvT: Type; readonly method: Func }>();
  /** How many methodValueInfo holds (a WeakMap has no size): none, and no body is walked for them. */
  methodValues = 0;
  /** Type conversion for the body being lowered (with a shape substitution in instances). */
  types: IrTypes;
  /** The package's IrTypes, without substitution. */
  readonly baseTypes: IrTypes;
  /** The range-over-func rewrite's state (rangefunc.ts). */
  readonly rangeFunc = newRangeFuncState();
  /** The shape types of this lowering (shapes.ts). */
  readonly shapes = new ShapeTable();
  /** Shape instantiations and wrappers (instances.ts). */
  readonly instances = new Instances(this);
  /** Package-level variables, locals and parameters, by checker object. */
  readonly names = new Map<Var, IrName>();
  /** Declared functions and methods (local and imported), by checker object. */
  readonly funcs = new Map<Func, IrFunc>();
  readonly funcNames = new Map<Func, IrName>();
  /** The checker's function behind each bodiless stub of another package's function (importedFunc). */
  readonly importedOrigin = new Map<IrFunc, Func>();
  readonly globals: IrName[] = [];
  /** Interface method calls, for devirtualize.ts (go/defer ones are removed again). */
  readonly interfaceCalls: { readonly call: import('../ir.js').CallInter; readonly fn: IrFunc }[] = [];
  /** Lines gc's reader prints under -m while it reads the bodies (noder/reader.go). */
  readonly readerNotes: import('../ir.js').FrontEndNote[] = [];
  /** Variables some closure captures (for the Go 1.22 per-iteration loop variables). */
  readonly captured = new Set<IrName>();
  /** The file whose declarations are being lowered (positions are reported with it). */
  file = '';

  constructor(input: LowerInput) {
    this.info = input.info;
    this.pkg = input.pkg;
    this.hasInlineBody = input.hasInlineBody ?? (() => false);
    this.wrapForwardInstances = input.wrapForwardInstances ?? true;
    this.types = new IrTypes(input.pkg, this.shapes);
    this.baseTypes = this.types;
    this.types.observer = (t) => this.instances.typeRead(t);
  }

  irType(t: Type): IrType {
    return this.types.of(t);
  }

  /** gc's symbol prefix for the package (`p` under -p=p, `main` for commands). */
  get path(): string {
    return this.pkg.name === 'main' ? 'main' : this.pkg.path;
  }
}

/** One function (declared, literal or go/defer wrapper) under construction. */
export class FuncCtx {
  readonly fn: Mutable<IrFunc>;
  readonly dcl: IrName[] = [];
  readonly closureVars: IrName[] = [];
  readonly closureVarPos: Pos[] = [];
  /** The `.dict` parameter of a shape instantiation (closures reach it through `outer`). */
  dict: IrName | null = null;
  private funcLitGen = 0;
  private goDeferGen = 0;

  constructor(
    readonly pkg: PkgCtx,
    fn: Mutable<IrFunc>,
    /** The builder of the enclosing function, for closures. */
    readonly outer: FuncCtx | null,
  ) {
    this.fn = fn;
    fn.dcl = this.dcl;
    fn.closureVars = this.closureVars;
    fn.closureVarPos = this.closureVarPos;
  }

  /** Declares a variable of this function. */
  declare(sym: string, class_: NameClass, type: IrType, pos: Pos, extra: Partial<IrName> = {}): Mutable<IrName> {
    // Another package's variables print qualified (`slices.data`), its unnamed parameters
    // and results too (`maps.~r0`: the declaring package named them); the temporaries
    // made while compiling this package (.autotmp_3) are this package's.
    const q = this.fn.qual;
    if (q && !extra.autotmp && (!/^\./.test(sym) || sym === '.dict') && sym !== '_') sym = q + sym;
    const name: Mutable<IrName> = { kind: 'Name', sym, class: class_, type, pos, curfn: this.fn, ...extra };
    this.dcl.push(name);
    return name;
  }

  /** A compiler temporary (typecheck.TempAt): `.autotmp_N`, N its index in Dcl. */
  temp(type: IrType, pos: Pos): Mutable<IrName> {
    return this.declare(`.autotmp_${this.dcl.length}`, 'auto', type, pos, { autotmp: true });
  }

  /** ir.closureName: `outer.funcN` for a literal in a declared function, `outer.N` in a closure. */
  closureName(why: 'closure' | 'go' | 'defer'): string {
    const outerName = this.fn.name;
    if (why === 'closure') {
      const n = ++this.funcLitGen;
      return this.outer || this.fn.wrapper ? `${outerName}.${n}` : `${outerName}.func${n}`;
    }
    const n = ++this.goDeferGen;
    return `${outerName}.${why === 'go' ? 'gowrap' : 'deferwrap'}${n}`;
  }

  /**
   * Records that this function (and every closure between it and the declaring function)
   * uses `name` from an enclosing function.
   */
  capture(name: IrName, pos: Pos): void {
    if (name.class === 'global' || name.class === 'func' || name.curfn === null) return;
    this.pkg.captured.add(name);
    for (let f: FuncCtx | null = this; f && f.fn !== name.curfn; f = f.outer) {
      if (f.closureVars.includes(name)) continue;
      f.closureVars.push(name);
      f.closureVarPos.push(pos);
    }
  }
}

/** Statements produced while lowering one expression that must run before it. */
export type Pre = Stmt[];

export function nameExpr(name: IrName, pos: Pos): Expr {
  return { op: 'NAME', name, pos, type: name.type };
}
