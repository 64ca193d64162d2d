// `goesc lsp [--stdio]`: the Language Server Protocol server on stdin/stdout (src/lsp).
// Editors start it as a child process and talk JSON-RPC over its pipes; it runs until the
// client sends `exit` or closes its input. `--stdio` is accepted because many clients pass
// it; `--clientProcessId` is read by vscode-languageserver itself.

import type { Command } from './command.js';

interface LspArgs {
  readonly stdio?: boolean;
}

export const lspCommand: Command<LspArgs> = {
  names: ['lsp'],
  describe: 'Language Server Protocol server on stdio: escape decisions as you type',
  builder: (y) =>
    y
      .option('stdio', { type: 'boolean', describe: 'talk over stdin/stdout (the default and only transport)' })
      .option('client-process-id', { type: 'number', describe: "exit when this process (the editor) is gone" })
      .example('$0 lsp --stdio', 'serve an editor over stdin/stdout (README: Neovim, VS Code, Helix)'),
  run: async () => {
    const { serveStdio } = await import('../../lsp/index.js');
    // A server outlives any one bad request: an exception escaping a handler's callback is
    // logged, not fatal (the protocol has no way to report it otherwise).
    process.on('uncaughtException', (err) => process.stderr.write(`goesc lsp: internal error: ${err?.stack ?? String(err)}\n`));
    process.on('unhandledRejection', (err) => process.stderr.write(`goesc lsp: internal error: ${(err as Error)?.stack ?? String(err)}\n`));
    serveStdio();
    // vscode-languageserver ends the process on `exit` or when the input closes.
    return new Promise<number>(() => {});
  },
};
