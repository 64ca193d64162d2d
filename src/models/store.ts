// Where the model files come from: models/<version>/rules.json, models/<version>/std/... .
// The pipeline is synchronous and reads model files while it runs (a std stub on first
// import, a generic body on first instantiation), so a store answers synchronously. On the
// command line the store reads the disk (files.ts); in the browser playground the worker
// fetches the files a run needs before the run and hands over an in-memory store. The store
// travels with the run's AnalysisContext; nothing here reads the disk or the network.

export interface ModelStore {
  /** Where the files are, for messages: a directory, a URL. */
  readonly location: string;
  /** The bytes of models/<rel> (`go1.26/rules.json`), or null when there is no such file. */
  read(rel: string): Uint8Array | null;
  /** The names in folder models/<rel> (`''` for models/ itself), sorted; null when there is no such folder. */
  list(rel: string): readonly string[] | null;
}

/** A file of the store as text (UTF-8), or null. */
export function readText(store: ModelStore, rel: string): string | null {
  const bytes = store.read(rel);
  return bytes === null ? null : new TextDecoder().decode(bytes);
}

/** Whether the store has the file. */
export function hasFile(store: ModelStore, rel: string): boolean {
  return store.read(rel) !== null;
}

/**
 * A store over files held in memory, keyed by their path under models/. Folders are the
 * prefixes of the keys. `known`, when given, names files that exist but are not held: asking
 * for one is a mistake of whoever filled the store (it fetched too little), thrown rather
 * than answered as absent, which would change the analysis quietly.
 */
export function memoryModelStore(
  location: string,
  files: ReadonlyMap<string, Uint8Array>,
  known?: (rel: string) => boolean,
): ModelStore {
  return {
    location,
    read(rel) {
      const hit = files.get(rel);
      if (hit !== undefined) return hit;
      if (known?.(rel)) throw new Error(`goesc: model file ${location}/${rel} was not loaded before the run`);
      return null;
    },
    list(rel) {
      const prefix = rel === '' ? '' : rel.replace(/\/+$/, '') + '/';
      const names = new Set<string>();
      for (const key of files.keys()) {
        if (key.startsWith(prefix)) names.add(key.slice(prefix.length).split('/')[0]!);
      }
      return names.size > 0 ? [...names].sort() : null;
    },
  };
}
