// What the prediction says about one function: its TEXT line, the runtime allocation calls
// in code order with the source line gc attributes each to, and the variables it keeps on
// the stack. JSON output (docs/CLI.md) is this, minus the fields tools do not compare.

export interface AllocCall {
  /** Source line gc attributes the CALL to. */
  readonly line: number;
  /** Its file, when not the function's own (code inlined from another file). */
  readonly file?: string;
  /** `runtime.newobject`, `runtime.makeslice`, `runtime.convT64`, ... */
  readonly call: string;
  /** For calls that take a type (`LEAQ type:T(SB), AX`): its link name. */
  readonly type?: string;
  /** Why this call is made, in the compiler's terms (`&T{...} escapes to heap`). */
  readonly why: string;
}

/** A variable that stays in the frame (or in registers): no allocation for it. */
export interface StackValue {
  readonly name: string;
  readonly type: string;
  readonly line: number;
  readonly size: number;
}

export interface FramePrediction {
  /** NOSPLIT|NOFRAME: a leaf that needs no frame and no stack check. */
  readonly leaf: boolean;
  /** Frame size when predictable (0 for frameless leaves), else null. */
  readonly frameSize: number | null;
  /** Size of the argument spill area (register-assigned parameters). */
  readonly argsSize: number;
  /** NEEDCTXT: a closure with captured variables. */
  readonly needCtxt: boolean;
  /** WRAPPER: a go/defer wrapper (gowrapN, deferwrapN). */
  readonly wrapper: boolean;
}

export interface FuncAsm {
  /** gc's symbol: `p.f`, `p.(*T).M`, `p.f.func1`. */
  readonly function: string;
  readonly file: string;
  /** Line of the TEXT directive (the func keyword's line). */
  readonly line: number;
  readonly frame: FramePrediction;
  readonly allocs: readonly AllocCall[];
  readonly stack: readonly StackValue[];
}
