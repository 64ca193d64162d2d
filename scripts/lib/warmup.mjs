// The files the build's warm-up analyses (bin/bundle-loader.cjs warmUp), for the bundle's
// code cache and the start-up snapshot: the demo program, then one that walks most of the
// language (testdata/warmup/warmup.go).
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const warmUpFiles = [`${root}examples/seed.go`, `${root}testdata/warmup/warmup.go`];
