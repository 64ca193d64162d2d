// The playground's worker: every run off the page's thread, so typing never waits. A run
// request (protocol.ts) is answered in two messages: the result (gc's output, the marks)
// as soon as the analysis is done, then the extras (hovers, flow graphs, allocation calls).
// Requests that arrive while one is fetching or between its steps supersede it: only the
// newest is finished. Model files come from the site (models.ts), fetched before each run
// for the imports of prog.go; the analysis itself is synchronous (run.ts).

import { createContext, type AnalysisContext } from '../pipeline/context.js';
import { chooseModelVersion } from '../models/choose.js';
import { outsideModuleImports } from '../load/outside.js';
import { parseFlags } from './flags.js';
import { modelFiles } from './models.js';
import { extrasRun, failure, FILE, mainRun, marksOf, modelOf, paramsOf, programOf, userErrorLines, type MainRun } from './run.js';
import type { RunRequest, WorkerMessage } from './protocol.js';

interface WorkerScope {
  postMessage(message: WorkerMessage): void;
  addEventListener(type: 'message', listener: (e: { data: RunRequest }) => void): void;
  readonly location: { readonly href: string };
}

function startWorker(scope: WorkerScope): void {
  // The site's root: the worker script sits beside index.html.
  const base = new URL('./', scope.location.href);
  const files = modelFiles(base, async (url) => {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`goesc: fetching ${url.pathname}: ${res.status} ${res.statusText}`);
    return new Uint8Array(await res.arrayBuffer());
  });
  const state: { latest: number; context: AnalysisContext | null; generation: number } = { latest: 0, context: null, generation: -1 };
  const contextNow = (): AnalysisContext => {
    if (!state.context || state.generation !== files.generation()) {
      state.context = createContext({ env: {}, cwd: '/playground', models: files.store() });
      state.generation = files.generation();
    }
    return state.context;
  };
  const yieldToMessages = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

  const run = async (req: RunRequest): Promise<void> => {
    const stale = () => req.id !== state.latest;
    const started = performance.now();
    const flagsRead = parseFlags(req.flags);
    const site = await files.versions();
    if (stale()) return;
    const sendMain = (main: MainRun, go: string, fetchMs: number, fetched: number, params: ReturnType<typeof paramsOf>) => {
      const f = flagsRead.ok ? flagsRead.flags : { m: 0, inline: true, smallframes: false };
      scope.postMessage({
        type: 'result',
        id: req.id,
        output: main.output,
        failed: main.failed,
        notes: main.notes,
        go,
        flags: { m: f.m, inline: f.inline, smallframes: f.smallframes },
        marks: marksOf(main.diagnostics),
        errors: main.errors,
        params,
        timing: { fetch: fetchMs, analyze: performance.now() - started - fetchMs },
        fetched,
      });
    };
    if (!flagsRead.ok) {
      sendMain(failure([flagsRead.error]), site.defaultGo, 0, 0, []);
      return;
    }
    const flags = flagsRead.flags;
    let version: string;
    const notes: string[] = [];
    try {
      // As the CLI: --go, else the Go installed with the models (go1.26, the CLI's choice here).
      const choice = chooseModelVersion(flags.go !== undefined ? { requested: flags.go, available: site.versions } : { goLine: site.defaultGo, available: site.versions });
      version = choice.version;
      if (choice.note) notes.push(choice.note);
    } catch (err) {
      const lines = userErrorLines(err);
      if (!lines) throw err;
      sendMain(failure(lines), site.defaultGo, 0, 0, []);
      return;
    }
    const source = typeof req.source === 'string' ? new TextEncoder().encode(req.source) : req.source;
    const imports = outsideModuleImports([{ filename: FILE, absPath: FILE, bytes: source }]).imports.filter((i) => i.std).map((i) => i.path);
    const fetched = await files.prepare(version, imports, flags.inline);
    const fetchMs = performance.now() - started;
    if (stale()) return;
    const ctx = contextNow();
    let model;
    try {
      model = modelOf(ctx, version, flags, req.settings);
    } catch (err) {
      const lines = userErrorLines(err);
      if (!lines) throw err;
      sendMain(failure(lines), version, fetchMs, fetched, []);
      return;
    }
    const program = programOf(source, flags);
    const main = mainRun(ctx, program, model, flags);
    const params = paramsOf(ctx.model(version, flags.smallframes));
    sendMain({ ...main, notes: [...notes, ...main.notes] }, version, fetchMs, fetched, params);
    await yieldToMessages();
    if (stale()) return;
    const extras = extrasRun(ctx, program, model, flags, main, new TextDecoder().decode(source));
    if (stale()) return;
    scope.postMessage({ type: 'extras', id: req.id, ...extras });
  };

  scope.addEventListener('message', (e) => {
    const req = e.data;
    if (req.type !== 'run') return;
    state.latest = req.id;
    run(req).catch((err: unknown) => {
      const lines = userErrorLines(err);
      if (lines && req.id === state.latest) {
        scope.postMessage({ type: 'result', id: req.id, output: lines.join('\n') + '\n', failed: true, notes: [], go: '', flags: { m: 0, inline: true, smallframes: false }, marks: [], errors: [], params: [], timing: { fetch: 0, analyze: 0 }, fetched: 0 });
        return;
      }
      scope.postMessage({ type: 'failure', id: req.id, message: err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err) });
    });
  });
}

startWorker(globalThis as unknown as WorkerScope);
