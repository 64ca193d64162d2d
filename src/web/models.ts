// The worker's model files: fetched from the site (models/... beside index.html, relative
// URLs only) as a run needs them, kept for the next runs, and handed to the pipeline as an
// in-memory ModelStore (src/models/store.ts). The pipeline reads synchronously, so before a
// run the worker loads everything it can read: the version's rules.json (and the one it
// extends), the std index, and the pack of every std package the program imports with
// every package those import (the checker may read them), plus, for the default build,
// the packs whose inline facts the inliner may read (the `calls` of the facts it reads).
// std/inline.json is rebuilt from the packs held, so it holds the facts of those packages:
// the inliner looks facts up by function, and only functions of these packages are called.
// Asking the store for a file of a known package that was not loaded throws (a bug here,
// never a quiet difference in the analysis).

import { memoryModelStore, type ModelStore } from '../models/store.js';
import type { SiteVersions, StdIndex, StdPack } from './protocol.js';

export interface ModelFiles {
  /** The versions the site has. */
  versions(): Promise<SiteVersions>;
  /** Load what a run of `version` importing `imports` needs; the bytes fetched. */
  prepare(version: string, imports: readonly string[], inline: boolean): Promise<number>;
  /** The store over what is loaded; a new one (and so a new AnalysisContext) whenever more was loaded. */
  store(): ModelStore;
  /** Changes each time files are added. */
  generation(): number;
}

export function modelFiles(base: URL, fetchBytes: (url: URL) => Promise<Uint8Array>): ModelFiles {
  const files = new Map<string, Uint8Array>();
  const indexes = new Map<string, Promise<StdIndex>>();
  const loadedIndexes = new Map<string, StdIndex>();
  const packs = new Map<string, Promise<number>>();
  const loadedPacks = new Set<string>();
  const rules = new Map<string, Promise<number>>();
  const inlineFacts = new Map<string, Map<string, Record<string, unknown>>>();
  let versions: Promise<SiteVersions> | null = null;
  let generation = 0;
  let current: ModelStore | null = null;
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  const url = (rel: string) => new URL(`models/${rel}`, base);
  const getJson = async <T>(rel: string): Promise<{ value: T; bytes: number }> => {
    const bytes = await fetchBytes(url(rel));
    return { value: JSON.parse(decoder.decode(bytes)) as T, bytes: bytes.length };
  };
  const put = (rel: string, bytes: Uint8Array) => {
    files.set(rel, bytes);
    generation++;
    current = null;
  };

  const loadRules = (version: string): Promise<number> => {
    let p = rules.get(version);
    if (!p) {
      p = (async () => {
        const bytes = await fetchBytes(url(`${version}/rules.json`));
        put(`${version}/rules.json`, bytes);
        const base = (JSON.parse(decoder.decode(bytes)) as { extends?: string }).extends;
        return bytes.length + (base ? await loadRules(base) : 0);
      })();
      rules.set(version, p);
    }
    return p;
  };
  const loadIndex = (version: string): Promise<StdIndex> => {
    let p = indexes.get(version);
    if (!p) {
      p = getJson<StdIndex>(`${version}/std/index.json`).then(({ value }) => {
        put(`${version}/std/meta.json`, encoder.encode(value.meta));
        loadedIndexes.set(version, value);
        return value;
      });
      indexes.set(version, p);
    }
    return p;
  };
  const loadPack = (version: string, path: string): Promise<number> => {
    const key = `${version}\n${path}`;
    let p = packs.get(key);
    if (!p) {
      p = getJson<StdPack>(`${version}/std/${path}/pkg.json`).then(({ value, bytes }) => {
        for (const [name, text] of Object.entries(value.files)) put(`${version}/std/${path}/${name}`, encoder.encode(text));
        let facts = inlineFacts.get(version);
        if (!facts) inlineFacts.set(version, (facts = new Map()));
        facts.set(path, value.inline as Record<string, unknown>);
        loadedPacks.add(key);
        return bytes;
      });
      packs.set(key, p);
    }
    return p;
  };

  return {
    versions() {
      versions ??= getJson<SiteVersions>('versions.json').then((r) => r.value);
      return versions;
    },
    async prepare(version, imports, inline) {
      const before = new Set(packs.keys());
      let fetched = 0;
      const rulesBefore = rules.has(version);
      fetched += await loadRules(version).then((n) => (rulesBefore ? 0 : n));
      const index = await loadIndex(version);
      // The packages to load: the imports and what they import (the checker may read them);
      // with the inliner, the packages their inline facts call into, transitively through
      // the facts' calls (only their facts are read: their own imports are not needed).
      const want = new Set<string>();
      const visit = (path: string, edges: (e: StdIndex['packages'][string]) => readonly string[]) => {
        const entry = index.packages[path];
        if (!entry || want.has(path)) return;
        want.add(path);
        for (const p of edges(entry)) visit(p, edges);
      };
      for (const p of imports) visit(p, (e) => e.imports);
      if (inline) {
        const checked = [...want];
        want.clear();
        for (const p of checked) visit(p, (e) => e.inlineCalls);
        for (const p of checked) want.add(p);
      }
      const sizes = await Promise.all([...want].map((p) => loadPack(version, p).then((n) => (before.has(`${version}\n${p}`) ? 0 : n))));
      fetched += sizes.reduce((a, b) => a + b, 0);
      // std/inline.json of the packs held (rebuilt when packs were added).
      const facts = inlineFacts.get(version);
      const rel = `${version}/std/inline.json`;
      if (!files.has(rel) || fetched > 0) {
        const funcs = Object.assign({}, ...[...(facts?.values() ?? [])]) as Record<string, unknown>;
        put(rel, encoder.encode(JSON.stringify({ funcs, intrinsics: index.intrinsics })));
      }
      return fetched;
    },
    store() {
      if (current) return current;
      // A file under a package the index knows but whose pack is not held: a loading bug.
      const known = (rel: string): boolean => {
        const m = /^(go[^/]+)\/std\/(.+?)\/(?:api\.go|src\/[^/]+\.go)$/.exec(rel);
        if (!m) return false;
        const index = loadedIndexes.get(m[1]!);
        return index?.packages[m[2]!] !== undefined && !loadedPacks.has(`${m[1]}\n${m[2]}`);
      };
      current = memoryModelStore('models', files, known);
      return current;
    },
    generation: () => generation,
  };
}
