// Hand-made inputs for the report tests: the seed's escapeToHeap (x returned by address)
// and sliceEscape (make returned), as the escape stage's graph and gc's -m=2 lines say.
import type { Diagnostic } from '../../src/api.js';
import type { FlowGraph } from '../../src/report/graph.js';

export const seedGraph: FlowGraph = {
  title: 'seed',
  nodes: [
    { id: 'heap', name: '{heap}', kind: 'heap', escapes: true },
    { id: 'x', name: 'x', kind: 'local', func: 'main.escapeToHeap', escapes: true, line: 11, col: 2 },
    { id: 'r0', name: '~r0', kind: 'result', func: 'main.escapeToHeap', escapes: false },
    { id: 'y', name: 'y', kind: 'local', func: 'main.stackOnly', escapes: false, line: 6, col: 2 },
    { id: 'r1', name: '~r0', kind: 'result', func: 'main.stackOnly', escapes: false },
  ],
  edges: [
    { src: 'x', dst: 'r0', derefs: -1, why: 'return' },
    { src: 'y', dst: 'r1', derefs: 0, why: 'return' },
  ],
};

export const seedDiagnostics: Diagnostic[] = [
  { file: 'seed.go', line: 11, col: 2, message: 'x escapes to heap in escapeToHeap:', kind: 'flow' },
  { file: 'seed.go', line: 11, col: 2, message: '  flow: ~r0 ← &x:', kind: 'flow' },
  { file: 'seed.go', line: 11, col: 2, message: '    from &x (address-of) at seed.go:12:9', kind: 'flow' },
  { file: 'seed.go', line: 11, col: 2, message: '    from return &x (return) at seed.go:12:2', kind: 'flow' },
  { file: 'seed.go', line: 11, col: 2, message: 'moved to heap: x', kind: 'moved-to-heap', func: 'main.escapeToHeap' },
  { file: 'seed.go', line: 16, col: 11, message: 'make([]int, 10) escapes to heap', kind: 'escapes', func: 'main.sliceEscape' },
];
