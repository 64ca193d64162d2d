// Objects (go/types object.go) and scopes (scope.go): what a name denotes. An object is
// created once per declaration; every use of the name maps to that same object in
// Info.uses, so object identity is declaration identity.

import type * as ast from '../syntax/ast.js';
import type { Pos } from '../syntax/ast.js';
import type { Type } from './types.js';
import type { ConstValue } from './constant.js';

export interface Package {
  /** The import path ("p" for a command-line package, as gc's -p=p). */
  readonly path: string;
  name: string;
  readonly scope: Scope;
  imports: Package[];
  /** false while the package is still being checked (import cycles). */
  complete: boolean;
  /** Known to come from a model stub rather than source. */
  readonly fromModel: boolean;
  /** A model's $GOROOT/src, which the stub's `//goesc:pos` file names are relative to. */
  readonly sourceRoot?: string;
  /** A package that could not be imported: selectors into it are silently invalid. */
  readonly missing?: boolean;
  /**
   * Model packages are checked lazily: an object looked up from outside is declared (its
   * type computed) on first use through this hook.
   */
  declareObject?: (obj: Obj) => void;
  /**
   * Std packages with generic functions (models/README.md, "src/: generic bodies"): the
   * source of those functions, of the generic types' methods and of the unexported
   * declarations they use; absent for std packages without generic code. A source package's
   * are its own files, checked. Each model body is parsed and checked when first read (see PackageBodies.files), so
   * `import "fmt"` never pays for bodies, nor slices.Sort for the rest of slices.
   */
  readonly bodies?: PackageBodies;
}

/** A model package's generic bodies (Package.bodies). */
export interface PackageBodies {
  /**
   * models/<go>/std/<path>/src/*.go, each declaration at its original line and column, the
   * file named as gc prints it: `$GOROOT/src/<path>/<file>` (GOROOT from the environment,
   * else the generator's, models/<go>/std/meta.json). Parsed with function bodies blanked:
   * ask `body` for a FuncDecl's body. Their objects are the package's own (the ones
   * pkg.scope and the user's Info.uses hold; a Func's `decl` is its FuncDecl here).
   */
  readonly files: readonly ast.File[];
  /** The package's Info, shared with its api.go declarations, bodies checked into it as asked for. */
  readonly info: import('./info.js').Info;
  /**
   * The body of one of the files' FuncDecls: parsed (that function alone) and checked into
   * `info` the first time it is asked for, then kept in this side table; the AST is never
   * changed. Ask before looking up the body's nodes in `info`.
   */
  body(decl: ast.FuncDecl): ast.BlockStmt | null;
  /** Checks every body not checked yet; the type errors of all of them (none expected). */
  checkAll(): readonly { file: string; line: number; col: number; message: string }[];
}

interface ObjBase {
  readonly name: string;
  /** Position of the declaring name; null for universe objects. */
  readonly pos: Pos | null;
  /** The file the object is declared in ('' for universe and model objects). */
  readonly file: string;
  /** null for universe objects. */
  readonly pkg: Package | null;
  type: Type;
  /** The scope the object was declared in, when any. */
  parent: Scope | null;
}

export interface Var extends ObjBase {
  readonly kind: 'Var';
  /** What the variable is: a struct field, a parameter or result, or an ordinary variable. */
  readonly varKind: 'local' | 'package' | 'param' | 'result' | 'recv' | 'field';
  /** An embedded struct field. */
  readonly embedded: boolean;
  /** For a field or parameter of an instantiated type/function: the generic original. */
  readonly origin: Var | null;
  /** Set when a local variable is used (for `declared and not used`). */
  used: boolean;
}

export interface Const extends ObjBase {
  readonly kind: 'Const';
  value: ConstValue;
}

export interface TypeName extends ObjBase {
  readonly kind: 'TypeName';
  /** `type A = B` */
  readonly isAlias: boolean;
  /** Directives attached to the declaration (a std stub's `//goesc:pos`). */
  readonly pragmas?: readonly ast.Pragma[];
}

export interface Func extends ObjBase {
  readonly kind: 'Func';
  /** The declaration, for source functions and methods (null for interface methods). */
  readonly decl: ast.FuncDecl | null;
  /** Directives attached to the declaration (`//go:noinline`, `//goesc:leaks ...`). */
  readonly pragmas: readonly ast.Pragma[];
  /** For a method of an instantiated type: the generic method. */
  readonly origin: Func | null;
  /** A method declared in an interface. */
  readonly isInterfaceMethod: boolean;
}

export interface PkgName extends ObjBase {
  readonly kind: 'PkgName';
  readonly imported: Package;
  used: boolean;
}

export type BuiltinId =
  | 'append' | 'cap' | 'clear' | 'close' | 'complex' | 'copy' | 'delete' | 'imag' | 'len'
  | 'make' | 'max' | 'min' | 'new' | 'panic' | 'print' | 'println' | 'real' | 'recover'
  | 'Add' | 'Alignof' | 'Offsetof' | 'Sizeof' | 'Slice' | 'SliceData' | 'String' | 'StringData';

export interface Builtin extends ObjBase {
  readonly kind: 'Builtin';
  readonly id: BuiltinId;
}

export interface Label extends ObjBase {
  readonly kind: 'Label';
  used: boolean;
}

/** The predeclared `nil`. */
export interface Nil extends ObjBase {
  readonly kind: 'Nil';
}

export type Obj = Var | Const | TypeName | Func | PkgName | Builtin | Label | Nil;

/**
 * A lexical scope: universe → package → file → function → blocks. A scope knows its parent,
 * not its children: the universe is one value for the process, and a list of children
 * there kept every package ever checked alive (a server's edits leaked 0.3 MB each).
 */
export class Scope {
  readonly parent: Scope | null;
  readonly names = new Map<string, Obj>();
  /** What opened the scope (for debugging and for Info.scopes). */
  readonly comment: string;
  /** A function scope: lookups stop here for labels and mark closure boundaries. */
  readonly isFunc: boolean;

  constructor(parent: Scope | null, comment: string, isFunc = false) {
    this.parent = parent;
    this.comment = comment;
    this.isFunc = isFunc;
  }

  lookup(name: string): Obj | undefined {
    return this.names.get(name);
  }

  /** Walks outwards; returns the object and the scope that holds it. */
  lookupParent(name: string): [Scope, Obj] | undefined {
    for (let s: Scope | null = this; s; s = s.parent) {
      const o = s.names.get(name);
      if (o) return [s, o];
    }
    return undefined;
  }

  /** Inserts obj unless the name is taken; returns the object already there, if any. */
  insert(obj: Obj): Obj | undefined {
    const prev = this.names.get(obj.name);
    if (prev) return prev;
    this.names.set(obj.name, obj);
    obj.parent = this;
    return undefined;
  }
}

/** A scope that loads its package's real scope on first lookup (lazy model imports). */
export class LazyScope extends Scope {
  private real: Scope | null = null;
  constructor(private readonly load: () => Scope | null, comment: string) {
    super(null, comment);
  }
  private get target(): Scope | null {
    if (!this.real) this.real = this.load();
    return this.real;
  }
  override lookup(name: string): Obj | undefined {
    return this.target?.lookup(name);
  }
  override lookupParent(name: string): [Scope, Obj] | undefined {
    return this.target?.lookupParent(name);
  }
}

/** Exported per the Go spec: starts with an upper-case letter. */
export function isExported(name: string): boolean {
  const c = name.codePointAt(0) ?? 0;
  return String.fromCodePoint(c).toUpperCase() === String.fromCodePoint(c) &&
    String.fromCodePoint(c).toLowerCase() !== String.fromCodePoint(c);
}
