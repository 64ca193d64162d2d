// `goesc lsp`: a Language Server Protocol server on stdin/stdout (CONTRACT.md). While the
// user types, every open Go file carries gc's -m lines as diagnostics (diagnostics.ts, at
// gc's positions converted to the editor's UTF-16 columns: positions.ts), hovers show the
// -m=2 flow behind a decision (hover.ts), and inlay hints mark allocation sites `heap` or
// `stack` (inlay.ts). The server (server.ts) keeps the documents, gathers each package from
// disk and the editor (workspace.ts), coalesces bursts of edits (debounce.ts) and calls the
// pipeline through one adapter (analysis.ts) that keeps std's facts in memory across runs.

import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer, type ServerOptions } from './server.js';

export { startServer, type ServerOptions } from './server.js';
export { parseSettings, type ServerSettings } from './settings.js';

/**
 * Serves LSP on the given streams (stdin/stdout by default) until the client's `exit`, or
 * until the input closes; vscode-languageserver then ends the process (exit 0 after
 * `shutdown`, else 1, as the protocol asks).
 */
export function serveStdio(
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream = process.stdout,
  options: ServerOptions = {},
): void {
  // stdout is the protocol channel: anything printed with console.log would corrupt it.
  console.log = console.info = (...args: unknown[]) => process.stderr.write(args.map(String).join(' ') + '\n');
  const connection = createConnection(ProposedFeatures.all, input, output);
  startServer(connection, options);
  connection.listen();
}
