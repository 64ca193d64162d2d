// node:perf_hooks in the browser: the same `performance` object is a global there.
export const performance: Performance = globalThis.performance;
