// The messages between the playground page (main.ts) and its worker (worker.ts), and the
// layout of the model files the build writes (scripts/build-web.mjs) and the worker fetches.

/** models/versions.json: the model versions there are, and the one used without --go. */
export interface SiteVersions {
  readonly versions: readonly string[];
  /** The release a run without --go is compiled as (the CLI's: the Go installed with the models, go1.26). */
  readonly defaultGo: string;
}

/** models/<go>/std/index.json: what each std package's pack holds and needs. */
export interface StdIndex {
  /** std/meta.json as text. */
  readonly meta: string;
  /** inline.json's intrinsics (the whole list: it is small). */
  readonly intrinsics: readonly string[];
  readonly packages: Readonly<Record<string, StdIndexEntry>>;
}

export interface StdIndexEntry {
  /** The packages its api.go and src/*.go import (those the checker may import with it). */
  readonly imports: readonly string[];
  /** The packages named by the `calls` of its inline facts (the inliner reads their facts too). */
  readonly inlineCalls: readonly string[];
  /** The pack's size in bytes. */
  readonly bytes: number;
}

/** models/<go>/std/<path>/pkg.json: one package's files (api.go, src/*.go) and its inline facts. */
export interface StdPack {
  readonly files: Readonly<Record<string, string>>;
  readonly inline: Readonly<Record<string, unknown>>;
}

export interface RunRequest {
  readonly type: 'run';
  readonly id: number;
  /** prog.go: the editor's text, or the bytes a link gave. */
  readonly source: string | Uint8Array;
  /** Command-line flags, as `goesc FLAGS prog.go` takes them. */
  readonly flags: string;
  /** What-if changes of the model: parameter key → value as typed. */
  readonly settings: Readonly<Record<string, string>>;
}

export interface ParamInfo {
  readonly key: string;
  readonly type: string;
  readonly value: string;
  readonly doc: string;
  readonly compilerFlag?: string;
}

/** The run's answer: gc-output's text first, as the CLI prints it. */
export interface RunResult {
  readonly type: 'result';
  readonly id: number;
  /** stdout, or stderr when the run failed (syntax/type/flag errors), as the CLI prints them. */
  readonly output: string;
  readonly failed: boolean;
  /** stderr's notes (a clamped --go), shown beside the output. */
  readonly notes: readonly string[];
  /** The model version run. */
  readonly go: string;
  readonly flags: { readonly m: number; readonly inline: boolean; readonly smallframes: boolean };
  /** The decisions on prog.go for the marks (from the run's lines, at -m=1 when the flags have no -m). */
  readonly marks: readonly Mark[];
  /** Error positions in prog.go (line, col, message). */
  readonly errors: readonly { readonly line: number; readonly col: number; readonly message: string }[];
  /** The model's parameters (what-if controls). */
  readonly params: readonly ParamInfo[];
  /** Milliseconds: fetching models, analysing. */
  readonly timing: { readonly fetch: number; readonly analyze: number };
  /** Bytes of model files fetched for this run (0 when all were there). */
  readonly fetched: number;
}

/** A decision to mark in the editor. */
export interface Mark {
  readonly line: number;
  /** gc's column: 1-based, in bytes. */
  readonly col: number;
  /** What the line talks about (`x`, `make([]int, 10)`), to find its extent in the text. */
  readonly subject?: string;
  readonly message: string;
  readonly kind: string;
  /** heap: moved to heap / escapes; stack: does not escape; param: a parameter's leak or none. */
  readonly place: 'heap' | 'stack' | 'param';
}

/** What the page shows on hover over a decision. */
export interface HoverInfo {
  readonly line: number;
  readonly col: number;
  readonly subject?: string;
  readonly message: string;
  readonly kind: string;
  /** The -m=2 flow, as gc prints it. */
  readonly flow: readonly string[];
  /** The why-chain across calls (goesc explain --chain). */
  readonly chain: readonly string[];
}

export interface FuncGraph {
  /** gc's name without the package (`main`, `(*T).M`, `main.func1`). */
  readonly name: string;
  readonly line: number;
  readonly dot: string;
  readonly nodes: number;
}

/** After the result: hover texts, the flow graphs, the predicted allocation calls. */
export interface RunExtras {
  readonly type: 'extras';
  readonly id: number;
  readonly hovers: readonly HoverInfo[];
  readonly graphs: readonly FuncGraph[];
  /** What `goesc asm prog.go` prints (with the run's --go and --smallframes). */
  readonly asm: string;
}

export interface RunFailure {
  readonly type: 'failure';
  readonly id: number;
  readonly message: string;
}

export type WorkerMessage = RunResult | RunExtras | RunFailure;
