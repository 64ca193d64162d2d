// Which model a run uses (docs/CLI.md `--go`): the version asked on the command line; else,
// in a module, go.mod's toolchain line, else its go line; else the Go installed here (its
// $GOROOT/VERSION file, found through $GOROOT or the `go` on $PATH: read as a file, never
// run), since the installed compiler is the one a loose file is built with; else the newest
// model. A project version between, below or above the models there are is clamped with one
// note (models/choose.ts).

import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { findMainModules } from '../load/graph.js';
import { chooseModelVersion, listVersions } from '../models/index.js';
import type { AnalysisContext, Env } from './context.js';

export interface ModelVersion {
  readonly version: string;
  /** Why the project's version was not taken as is, for stderr. */
  readonly note?: string;
}

export function modelVersionFor(context: AnalysisContext, requested: string | undefined): ModelVersion {
  const available = listVersions(context.models);
  if (requested !== undefined) return chooseModelVersion({ requested, available });
  const main = findMainModules({ cwd: context.cwd, env: context.env })?.mainModules[0];
  if (main) {
    return chooseModelVersion({
      ...(main.goVersion ? { goLine: main.goVersion } : {}),
      ...(main.toolchain ? { toolchainLine: main.toolchain } : {}),
      available,
    });
  }
  const installed = installedGoVersion(context.env);
  return chooseModelVersion({ ...(installed ? { goLine: installed } : {}), available });
}

/** The release of the Go installed here (`go1.26.8`), from its VERSION file; null without one. */
export function installedGoVersion(env: Env): string | null {
  const roots: string[] = [];
  if (env['GOROOT']) roots.push(env['GOROOT']);
  for (const dir of (env['PATH'] ?? '').split(':').filter(Boolean)) {
    const bin = join(dir, 'go');
    if (!existsSync(bin)) continue;
    try {
      roots.push(dirname(dirname(realpathSync(bin))));
    } catch {
      /* a dangling link */
    }
    break;
  }
  for (const root of roots) {
    try {
      const first = readFileSync(join(root, 'VERSION'), 'utf8').split('\n')[0]!.trim();
      if (/^go\d+\.\d+/.test(first)) return first;
    } catch {
      /* no VERSION file */
    }
  }
  return null;
}
