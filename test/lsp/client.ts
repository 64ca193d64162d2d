// A plain LSP client for the tests: spawns the real server (`node bin/goesc.js lsp`, which
// needs `npm run build`) and talks JSON-RPC to it over its stdio with vscode-jsonrpc, as an
// editor does. Published diagnostics are collected per URI; waitFor() resolves when one
// for a given version arrives.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export const goescBin = resolve('bin/goesc.js');

/** Why the server cannot be started here (dist/ not built), or null when it can. */
export function serverMissing(): string | null {
  return existsSync(resolve('dist/cli/main.js')) && existsSync(resolve('dist/lsp/index.js'))
    ? null
    : 'dist/ is not built (npm run build)';
}

export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: {
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    severity?: number;
    code?: string | number;
    source?: string;
    message: string;
  }[];
}

export class TestClient {
  readonly proc: ChildProcess;
  readonly conn: MessageConnection;
  readonly published: PublishedDiagnostics[] = [];
  stderr = '';
  private waiters: { pred: (p: PublishedDiagnostics) => boolean; resolve: (p: PublishedDiagnostics) => void }[] = [];

  constructor(args: string[] = ['lsp', '--stdio']) {
    this.proc = spawn(process.execPath, [goescBin, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stderr!.on('data', (b: Buffer) => (this.stderr += b.toString()));
    this.conn = createMessageConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: PublishedDiagnostics) => {
      this.published.push(p);
      this.waiters = this.waiters.filter((w) => {
        if (!w.pred(p)) return true;
        w.resolve(p);
        return false;
      });
    });
    this.conn.listen();
  }

  initialize(rootUri: string | null, initializationOptions?: unknown): Promise<{ capabilities: Record<string, unknown> }> {
    return this.conn
      .sendRequest<{ capabilities: Record<string, unknown> }>('initialize', { processId: process.pid, rootUri, capabilities: {}, initializationOptions })
      .then(async (r) => {
        await this.conn.sendNotification('initialized', {});
        return r;
      });
  }

  /** The diagnostics published for `uri` at `version` (already received or still to come). */
  waitFor(uri: string, version: number, timeoutMs = 30_000): Promise<PublishedDiagnostics> {
    const pred = (p: PublishedDiagnostics) => p.uri === uri && p.version === version;
    const seen = [...this.published].reverse().find(pred);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} version ${version}; stderr: ${this.stderr}`)), timeoutMs);
      this.waiters.push({ pred, resolve: (p) => (clearTimeout(timer), resolve(p)) });
    });
  }

  /** The first diagnostics for `uri` published after the first `after` were received. */
  waitForNext(uri: string, after: number, timeoutMs = 30_000): Promise<PublishedDiagnostics> {
    const seen = this.published.slice(after).find((p) => p.uri === uri);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no new diagnostics for ${uri}; stderr: ${this.stderr}`)), timeoutMs);
      this.waiters.push({ pred: (p) => p.uri === uri, resolve: (p) => (clearTimeout(timer), resolve(p)) });
    });
  }

  /** The first diagnostics for `uri` (received or to come) that satisfy `pred`. */
  waitMatching(uri: string, pred: (p: PublishedDiagnostics) => boolean, timeoutMs = 30_000): Promise<PublishedDiagnostics> {
    const ok = (p: PublishedDiagnostics) => p.uri === uri && pred(p);
    const seen = this.published.find(ok);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri}; stderr: ${this.stderr}`)), timeoutMs);
      this.waiters.push({ pred: ok, resolve: (p) => (clearTimeout(timer), resolve(p)) });
    });
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'go', version, text } });
  }

  change(uri: string, version: number, changes: unknown[]): Promise<void> {
    return this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  /** shutdown then exit; resolves with the server's exit code. */
  async close(): Promise<number | null> {
    const exited = new Promise<number | null>((r) => this.proc.on('exit', (code) => r(code)));
    await this.conn.sendRequest('shutdown');
    await this.conn.sendNotification('exit');
    const code = await exited;
    this.conn.dispose();
    return code;
  }

  kill(): void {
    this.conn.dispose();
    this.proc.kill();
  }
}

/** The CLI's lines for a file, as `goesc FLAGS FILE` prints them (stdout, exit status). */
export function cliLines(flags: string[], file: string): { lines: string[]; status: number | null; stderr: string } {
  const r = spawnSync(process.execPath, [goescBin, ...flags, file], { encoding: 'utf8' });
  return { lines: r.stdout.split('\n').filter((l) => l !== ''), status: r.status, stderr: r.stderr };
}
