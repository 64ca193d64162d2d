import graphology from 'graphology';
import { describe, expect, it } from 'vitest';
import { derefOps, escapingEdges, fromGraphology, kindFromName, toDot, toGraphologyJson, toSvg } from '../../src/report/graph.js';
import { seedGraph } from './fixtures.js';

describe('flow graph pictures', () => {
  it('finds the escaping path: x → ~r0 by address, not the stack-only flow', () => {
    expect([...escapingEdges(seedGraph)]).toEqual([0]);
    expect(derefOps(-1)).toBe('&');
    expect(derefOps(2)).toBe('**');
  });

  it('writes DOT with derefs on edges, the escaping edge highlighted, one cluster per function', () => {
    const dot = toDot(seedGraph);
    expect(dot).toMatch(/^digraph "seed" \{/);
    expect(dot).toContain('"x" -> "r0" [label="return\\n& address"');
    expect(dot).toMatch(/"x" -> "r0" \[[^\]]*class="escaping"/);
    expect(dot).not.toMatch(/"y" -> "r1" \[[^\]]*escaping/);
    expect(dot).toContain('label="main.escapeToHeap"');
    expect(dot).toContain('"heap" [label="{heap}"');
  });

  it('escapes quotes and backslashes of Go names in DOT', () => {
    const dot = toDot({ nodes: [{ id: 'a', name: '{storage for "a\\\\b"}', kind: 'alloc', escapes: false }], edges: [] });
    expect(dot).toContain('label="{storage for \\"a\\\\\\\\b\\"}');
  });

  it('renders SVG in WebAssembly with the escaping edge in red', async () => {
    const svg = await toSvg(seedGraph);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('class="edge escaping"');
    expect(svg).toContain('class="node escapes"');
    expect(svg).toContain('#b02a37');
    expect(svg).toContain('~r0');
  });

  it('escapes Go text in the SVG (it is inlined into the report)', async () => {
    const svg = await toSvg({
      nodes: [
        { id: 'a', name: '{storage for "<script>alert(1)</script>"}', kind: 'alloc', escapes: true },
        { id: 'h', name: '{heap}', kind: 'heap', escapes: true },
      ],
      edges: [{ src: 'a', dst: 'h', derefs: -1, why: '<b>' }],
    });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(svg).not.toContain('<b>');
  });

  it('round-trips through graphology: the serialized form and the escape stage adapter', () => {
    const json = toGraphologyJson(seedGraph);
    expect(json.nodes).toHaveLength(5);
    expect(json.edges.map((e) => [e.source, e.target, e.attributes?.['derefs'], e.attributes?.['escaping']])).toEqual([
      ['x', 'r0', -1, true],
      ['y', 'r1', 0, false],
    ]);
    const g = graphology.from(json);
    const back = fromGraphology(g);
    expect(back.nodes.map((n) => [n.id, n.name, n.kind, n.escapes])).toEqual(seedGraph.nodes.map((n) => [n.id, n.name, n.kind, n.escapes]));
    expect([...escapingEdges(back)]).toEqual([0]);
  });

  it('reads the escape stage export (label, escapes, func; derefs)', () => {
    const g = new graphology.MultiDirectedGraph();
    g.addNode('0', { label: '{heap}', escapes: true, func: null });
    g.addNode('1', { label: 'p', escapes: false, func: 'p.store' });
    g.addNode('2', { label: '{storage for new(int)}', escapes: true, func: 'p.f' });
    g.addDirectedEdge('1', '0', { derefs: 0 });
    g.addDirectedEdge('2', '0', { derefs: -1 });
    const fg = fromGraphology(g);
    expect(fg.nodes.map((n) => n.kind)).toEqual(['heap', 'local', 'alloc']);
    expect([...escapingEdges(fg)]).toEqual([1]);
    expect(kindFromName('~r1')).toBe('result');
  });
});

describe('the escape stage graph of the seed', () => {
  it('draws escapeToHeap with x → ~r0 by address highlighted, as DOT, SVG and graphology JSON', async () => {
    const { analyzePackages } = await import('../../src/api.js');
    const { packageFlowGraph } = await import('../../src/report/locations.js');
    const { formatGraph } = await import('../../src/report/graph.js');
    const fs = await import('node:fs');
    const result = analyzePackages([{ dir: 'examples', files: [{ filename: 'examples/seed.go', bytes: fs.readFileSync('examples/seed.go') }] }], { m: 1 });
    const locations = result.packages[0]!.escape.locations;
    const g = packageFlowGraph(locations, 'escapeToHeap');
    const x = g.nodes.find((n) => n.name === 'x')!;
    expect(x.escapes).toBe(true);
    const hot = [...escapingEdges(g)].map((i) => g.edges[i]!);
    expect(hot.some((e) => e.src === x.id && e.derefs === -1)).toBe(true);
    expect(await formatGraph(g, 'svg')).toContain('class="edge escaping"');
    expect(await formatGraph(g, 'dot')).toMatch(/^digraph "escapeToHeap"/);
    expect(JSON.parse(await formatGraph(g, 'json')).nodes.length).toBe(g.nodes.length);
    const whole = packageFlowGraph(locations);
    expect(whole.nodes.length).toBeGreaterThan(g.nodes.length);
    expect(packageFlowGraph(locations, 'nosuch').nodes).toEqual([]);
  });
});
