// A value computed the first time it is asked for and never changed after: the compiled
// grammar, a WebAssembly instance. The only memo the project keeps at module level, and the
// only way it keeps one: the value is immutable, so sharing it shares no state between
// runs. (test/architecture/module-state.test.ts holds every other module to no mutable
// state.)

export function once<T>(make: () => T): () => T {
  let made = false;
  let value: T;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value;
  };
}
