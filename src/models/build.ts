// The build tags a model version compiles with (rules.json `build`): go/build's release tags
// go1.1 ... go1.N and the tool tags (default GOEXPERIMENTs, GOAMD64 level) of that release on
// linux/amd64. File choice depends on them (go1.27's default goexperiment.jsonv2 selects
// encoding/json's v2_*.go files), so a loader picks a package's files per model:
// `loadPackages(paths, buildTargetOf(model))`.

import type { BuildTarget } from '../load/target.js';
import type { Model } from './index.js';

/** The tags besides GOOS/GOARCH that are true under the model: `unix`, `gc`, release and tool tags. */
export function buildTagsOf(model: Model): string[] {
  const release = Array.from({ length: model.build.releaseTags }, (_, i) => `go1.${i + 1}`);
  return ['unix', 'gc', ...release, ...model.build.toolTags.split(/\s+/).filter(Boolean)];
}

/** The linux/amd64 build target of the model's release. */
export function buildTargetOf(model: Model): BuildTarget {
  return { goos: 'linux', goarch: 'amd64', tags: new Set(['linux', 'amd64', ...buildTagsOf(model)]) };
}
