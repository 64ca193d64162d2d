// A deterministic generator of one large, valid, realistic Go file for scale tests and
// `npm run bench:scale` (issue 9, item 2).
//
// The file is a sequence of "units" until the line target is reached. Unit k declares a
// struct type S<k> (pointer, slice, map, func and self-pointer fields), a constructor,
// methods with pointer and value receivers (one of them makes S<k> implement the prelude's
// interface I, one returns a closure over the receiver), a driver use<k> that builds values
// in loops, stores them in slices and maps, converts them to interfaces, calls earlier
// units' drivers and methods through interfaces and closures, and a few functions g<j> made
// of the property generator's statement templates (generator.ts), which calls earlier g's.
// So calls cross the whole file, and every construct escape analysis cares about appears
// many times. Choices come from a small seeded PRNG (mulberry32), not fast-check, so that
// the same (lines, seed) gives byte-identical text on every machine and version.
import { prelude, renderFunction, templates } from './generator.js';

/**
 * Only the first 41 statement templates: the ones in the generator when the scale file was
 * fixed. Templates added later (for the fuzzer) would change the file, and so the benchmark's
 * numbers, from one commit to the next.
 */
const scaleTemplates = 41;

/** mulberry32: a 32-bit seeded PRNG, plenty for choosing templates. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function unit(k: number, firstG: number, gCount: number, next: () => number): string[] {
  const int = (n: number) => Math.floor(next() * n);
  const S = `S${k}`;
  const out: string[] = [];
  out.push(`type ${S} struct {
\tid   int
\tname string
\tp    *int
\tvals []int
\tm    map[string]*${S}
\tnext *${S}
\tfn   func(int) int
\tany  any
}

func New${S}(id int, name string) *${S} {
\ts := &${S}{id: id, name: name, m: make(map[string]*${S})}
\ts.vals = make([]int, 0, ${1 + int(16)})
\treturn s
}

func (s *${S}) Add(v int) {
\ts.vals = append(s.vals, v)
\tif s.p == nil {
\t\ts.p = &s.vals[len(s.vals)-1]
\t}
}

func (s *${S}) Get(key string) (*${S}, bool) {
\tv, ok := s.m[key]
\treturn v, ok
}

func (s *${S}) Put(key string, v *${S}) {
\ts.m[key+s.name] = v
\tv.next = s
}

func (s *${S}) M() int { return s.id + len(s.vals) }

func (s ${S}) Sum() int {
\tt := 0
\tfor _, v := range s.vals {
\t\tt += v
\t}
\treturn t
}

func (s *${S}) Adder(d int) func(int) int {
\treturn func(x int) int { return x + d + s.id }
}

func (s *${S}) Each(f func(int, *int) bool) int {
\tn := 0
\tfor i := range s.vals {
\t\tif !f(i, &s.vals[i]) {
\t\t\tbreak
\t\t}
\t\tn++
\t}
\treturn n
}
`);
  // The driver: loops, slices of pointers, a map, interface conversions, closures, calls back
  // into earlier units (so the call graph spans the file).
  const body: string[] = [
    `func use${k}(xs []I, n int, p *int) int {`,
    '\ttotal := 0',
    `\tbuf := make([]*${S}, 0, ${2 + int(6)})`,
    `\tbyName := map[string]*${S}{}`,
    '\tfor i := 0; i < n; i++ {',
    `\t\ts := New${S}(i, "s${k}")`,
    '\t\ts.Add(i)',
    '\t\tbuf = append(buf, s)',
    '\t\txs = append(xs, s)',
    `\t\tbyName[s.name] = s`,
    '\t}',
    '\tfor _, x := range xs {',
    '\t\ttotal += x.M()',
    '\t}',
    '\tif len(buf) > 0 {',
    '\t\tf := buf[0].Adder(total)',
    '\t\ttotal = f(total)',
    '\t\tbuf[0].fn = f',
    '\t\tbuf[0].p = p',
    '\t\tbuf[0].any = total',
    '\t}',
    `\tvar local ${S}`,
    '\tlocal.Add(n)',
    '\ttotal += local.Sum()',
    '\ttotal += local.Each(func(i int, v *int) bool { *v += i; return total > i })',
    '\tfor key, s := range byName {',
    '\t\tif v, ok := s.Get(key); ok && v != nil {',
    '\t\t\ttotal += v.M()',
    '\t\t}',
    `\t\ts.Put(key, &${S}{id: total})`,
    '\t}',
  ];
  if (k > 0) {
    const j = int(k);
    body.push(`\ttotal += use${j}(xs[:0], n/2, &total)`);
    body.push(`\tvar other I = New${`S${j}`}(n, "o")`);
    body.push('\ttotal += other.M()');
  }
  if (gCount > 0 && firstG + gCount > 0) {
    const g = int(firstG + gCount);
    body.push(`\tq := g${g}(p, []int{total, n}, nil, nil)`);
    body.push('\tif q != nil {');
    body.push('\t\ttotal += *q');
    body.push('\t}');
  }
  body.push('\treturn total', '}', '');
  out.push(body.join('\n'));
  for (let g = firstG; g < firstG + gCount; g++) {
    const statements = Array.from({ length: 4 + int(8) }, () =>
      templates[int(scaleTemplates)]!({ k: g, n: int(101), callee: int(1 << 20) }),
    );
    out.push(renderFunction(g, statements) + '\n');
  }
  return out;
}

/**
 * One Go file of package p with at least `targetLines` lines, the same text for the same
 * arguments. Valid for gc (`go tool compile -p=p`), no imports.
 */
export function generateLargeFile(targetLines: number, seed = 1): string {
  const next = rng(seed);
  const parts: string[] = [`package p\n\n${prelude}`];
  let lines = parts[0]!.split('\n').length;
  let g = 0;
  for (let k = 0; lines < targetLines; k++) {
    const gCount = 1 + Math.floor(next() * 3);
    for (const part of unit(k, g, gCount, next)) {
      parts.push(part);
      lines += part.split('\n').length;
    }
    g += gCount;
  }
  return parts.join('\n');
}
