// `go tool compile -S` reduced to its runtime allocation calls: src/check/record.ts
// (allocationCalls), re-exported from the build for the scripts.
export { allocationCalls } from '../../dist/check/record.js';
