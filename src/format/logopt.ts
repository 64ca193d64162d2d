// gc's optimisation log, `-json=0,DIR`, for the escape records, written the way
// cmd/compile/internal/logopt/log_opts.go writes it (FlushLoggedOpts), so editors and
// gopls read goesc's log unchanged:
//   DIR/<url.PathEscape(package path)>/<url.PathEscape(file base without .go)>.json
// each file a version header record, then one LSP Diagnostic per line (encoding/json with
// its HTML escaping), severity 3, source "go compiler", range start = end = gc's 1-based
// line and byte column (not LSP's 0-based ones: gc writes its own positions).
// Escape analysis logs three codes (escape/solve.go, graph.go, escape.go):
//   escape  "x escapes to heap" + the -m=2 path as relatedInformation (found by the solver)
//   escapes the same, when found while building the graph (an edge into {heap} of an &x)
//   leak    "parameter p leaks to {heap} with derefs=0" + path
//   escape  "" (no message) for each heap allocation that is not a variable
// Records are sorted stably by position, so a path found earlier stays first.
// The compiler logs these whether or not -m is given: feed this the -m=2 diagnostics.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from '../api.js';
import { groupExplanations, type Explanation, type SourcePos } from './explain.js';

export interface LogOptOptions {
  /** The package path gc was given with -p (`go build` passes the import path). */
  readonly pkgPath: string;
  /** gc's version string (runtime.Version()), e.g. "go1.26.8". */
  readonly gcVersion: string;
  readonly goos?: string;
  readonly goarch?: string;
  /**
   * The file name as the compiler records it: absolute unless -trimpath rewrote it.
   * Default: resolved against the working directory, as `go tool compile` does.
   */
  readonly fileName?: (file: string) => string;
}

interface Position {
  readonly line: number;
  readonly character: number;
}
interface LspRange {
  readonly start: Position;
  readonly end: Position;
}
interface RelatedInformation {
  readonly location: { readonly uri: string; readonly range: LspRange };
  readonly message: string;
}
interface LoggedRecord {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly code: string;
  readonly message: string;
  readonly related: readonly RelatedInformation[];
}

/** The file contents keyed by their path relative to DIR ("p/x.json"). */
export function renderOptLog(diags: readonly Diagnostic[], options: LogOptOptions): Map<string, string> {
  const fileName = options.fileName ?? ((f: string) => path.resolve(f));
  const { decisions, explanations } = groupExplanations(diags);
  const records: LoggedRecord[] = [];
  for (const e of explanations) records.push(explanationRecord(e, fileName));
  for (const d of decisions) {
    // escape.go logs every heap allocation that is not a named variable, without a message.
    if (d.kind === 'escapes') {
      records.push({ file: fileName(d.file), line: d.line, col: d.col, code: 'escape', message: '', related: [] });
    }
  }
  // sort.Stable by outermost position: file name, then line, then column.
  const sorted = records
    .map((r, i) => ({ r, i }))
    .sort((a, b) => compareStrings(a.r.file, b.r.file) || a.r.line - b.r.line || a.r.col - b.r.col || a.i - b.i)
    .map((x) => x.r);

  const pkg = options.pkgPath === '' ? '\u0000' : options.pkgPath;
  const dir = goPathEscape(pkg);
  const out = new Map<string, string>();
  let currentFile = '';
  let text = '';
  const flush = () => {
    if (currentFile !== '') out.set(`${dir}/${logFileBase(currentFile)}.json`, text);
  };
  for (const r of sorted) {
    if (r.file !== currentFile) {
      flush();
      currentFile = r.file;
      text = goJson({
        version: 0,
        package: pkg,
        goos: options.goos ?? 'linux',
        goarch: options.goarch ?? 'amd64',
        gc_version: options.gcVersion,
        file: currentFile,
      });
    }
    text += goJson({
      range: pointRange(r.line, r.col),
      severity: 3,
      code: r.code,
      source: 'go compiler',
      message: r.message,
      ...(r.related.length > 0 ? { relatedInformation: r.related } : {}),
    });
  }
  flush();
  return out;
}

/** Writes the log under `dir` (the part after `0,` of -json=0,DIR: a path or file:// URI). */
export function writeOptLog(dirSpec: string, diags: readonly Diagnostic[], options: LogOptOptions): string[] {
  const dir = logDirectory(dirSpec);
  const written: string[] = [];
  for (const [rel, text] of renderOptLog(diags, options)) {
    const target = path.join(dir, rel);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, text);
    written.push(target);
  }
  return written;
}

/** -json's value after the version: an absolute directory or a file:// URI (parseLogPath). */
export function logDirectory(spec: string): string {
  if (path.isAbsolute(spec)) return path.normalize(spec);
  if (spec.startsWith('file://')) {
    const u = new URL(spec);
    return path.normalize(decodeURIComponent(u.host + u.pathname)) || '.';
  }
  throw new Error(`optimizer logging destination ${spec} was neither /-prefixed directory nor file://-prefixed file URI`);
}

/** Parses `0,DIR` as the compiler's -json flag does. */
export function parseJsonLogFlag(value: string): string {
  const comma = value.indexOf(',');
  if (comma <= 0 || !/^\d+$/.test(value.slice(0, comma))) {
    throw new Error("-json option should be '<version>,<destination>' where <version> is a number");
  }
  if (Number(value.slice(0, comma)) !== 0) throw new Error('-json version must be 0');
  return value.slice(comma + 1);
}

function explanationRecord(e: Explanation, fileName: (f: string) => string): LoggedRecord {
  const related: RelatedInformation[] = [];
  const loc = (at: SourcePos) => ({ uri: fileUri(fileName(at.file)), range: pointRange(at.line, at.col) });
  for (const step of e.steps) {
    // A step without notes sits at its source location's node; the text does not show
    // it, so the header's position stands in (exact for a path's first step).
    related.push({ location: loc(step.at ?? e.at), message: `escflow:    flow: ${step.dst} ← ${step.ops}${step.src}:` });
    for (const n of step.notes) {
      related.push({ location: loc(n.at), message: `escflow:      from ${n.where} (${n.why})` });
    }
  }
  const message =
    e.event === 'leaks'
      ? `parameter ${e.subject} leaks to ${e.sink} with derefs=${e.derefs}`
      : `${e.subject} escapes to heap`;
  return { file: fileName(e.at.file), line: e.at.line, col: e.at.col, code: logCodeOf(e), message, related };
}

/**
 * graph.go logs `escapes` for an address flowing straight into an already escaping
 * location; from text, a one-step path `{heap} ← &x` is the tell (the solver never walks
 * such an edge: it is not added to the graph).
 */
export function logCodeOf(e: Explanation): 'escape' | 'escapes' | 'leak' {
  if (e.logCode) return e.logCode;
  if (e.event === 'leaks') return 'leak';
  const only = e.steps.length === 1 ? e.steps[0]! : undefined;
  return only && only.ops === '&' && only.dst === '{heap}' ? 'escapes' : 'escape';
}

function pointRange(line: number, character: number): LspRange {
  return { start: { line, character }, end: { line, character } };
}

/** writerForLSP: the base name, cut at its last ".go", path-escaped. */
function logFileBase(file: string): string {
  let base = file;
  const slash = Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\'));
  if (slash !== -1) base = base.slice(slash + 1);
  const dot = base.lastIndexOf('.go');
  if (dot !== -1) base = base.slice(0, dot);
  return goPathEscape(base);
}

/** url.URL{Scheme: "file", Path: f}.String(). */
export function fileUri(f: string): string {
  return 'file://' + goEscape(f, 'path');
}

/** url.PathEscape. */
export function goPathEscape(s: string): string {
  return goEscape(s, 'segment');
}

// net/url's shouldEscape for its encodePath and encodePathSegment modes.
function goEscape(s: string, mode: 'path' | 'segment'): string {
  let out = '';
  for (const byte of Buffer.from(s, 'utf8')) {
    const c = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-_.~]/.test(c) || (mode === 'path' ? '$&+,/:;=@' : '$&+:=@').includes(c)) out += c;
    else out += '%' + byte.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

/** encoding/json's Encoder.Encode: compact, HTML-safe escaping, a trailing newline. */
export function goJson(value: unknown): string {
  return goJsonValue(value) + '\n';
}

function goJsonValue(v: unknown): string {
  if (typeof v === 'string') return goJsonString(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return '[' + v.map(goJsonValue).join(',') + ']';
  return (
    '{' +
    Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => goJsonString(k) + ':' + goJsonValue(x))
      .join(',') +
    '}'
  );
}

const shortEscapes: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

function goJsonString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    const short = shortEscapes[ch];
    if (short) out += short;
    else if (code < 0x20 || ch === '<' || ch === '>' || ch === '&' || code === 0x2028 || code === 0x2029) {
      out += '\\u' + code.toString(16).padStart(4, '0');
    } else if (code >= 0xd800 && code <= 0xdfff) out += '\ufffd'; // a lone surrogate: invalid UTF-8 to Go
    else out += ch;
  }
  return out + '"';
}

function compareStrings(a: string, b: string): number {
  // Go compares strings bytewise; JS by UTF-16 units: equal order for the paths met here.
  return a < b ? -1 : a > b ? 1 : 0;
}
