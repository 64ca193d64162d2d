// The playground's bundles (scripts/build-web.mjs) hold no node code: the build refuses any
// `node:` import but node's `performance`, and the two modules that read the disk (the
// models' store, the grammar recipe) are replaced by the browser's (src/web/files.ts,
// grammar.ts). This checks what went in: the pipeline's modules, none of the loader's disk
// walk, the CLI, the server, the cache or the checks against real Go.
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module of the build scripts
import { bundleInputs } from '../../scripts/build-web.mjs';

describe('the browser bundles', () => {
  it('are made of browser-safe modules only', async () => {
    const inputs = (await bundleInputs()) as Record<string, string[]>;
    for (const [name, files] of Object.entries(inputs)) {
      const ours = files.filter((f) => f.startsWith('src/'));
      expect(files.filter((f) => /^node:|(^|\/)(fs|path|crypto|child_process)$/.test(f)), name).toEqual([]);
      const forbidden = ours.filter(
        (f) =>
          /^src\/(cli\/(?!argv\.ts)|lsp\/|check\/|load\/(?!outside\.ts|header\.ts)|pipeline\/(cache|program|version)\.ts|models\/files\.ts|syntax\/grammar\.ts|api\.ts)/.test(f),
      );
      expect(forbidden, name).toEqual([]);
    }
    // The worker runs the CLI's pipeline itself.
    for (const f of ['src/pipeline/analyze-graph.ts', 'src/pipeline/build.ts', 'src/format/output.ts', 'src/load/outside.ts', 'src/web/files.ts']) {
      expect(inputs['worker']).toContain(f);
    }
  }, 60_000);
});
