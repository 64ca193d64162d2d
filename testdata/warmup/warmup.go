// The build's warm-up program (bin/bundle-loader.cjs warmUp): one file that walks most of
// goesc's paths once (declarations of every kind, statements, closures, methods and
// interfaces, generics, range over functions, std imports), so that the code cache and the
// start-up snapshot hold compiled code for what a user's file needs, instead of compiling
// it lazily on the first run. Not a test case: nothing compares its output.
package warmup

import (
	"errors"
	"fmt"
	"io"
	"iter"
	"sort"
	"strconv"
	"strings"
	"sync"
)

const (
	small = iota
	large
	huge = 1 << 40
	name = "warm" + "up"
)

var (
	sink  any
	table = map[string]int{"a": 1, "b": 2}
	list  = []*point{{x: 1, y: 2}, {x: 3}}
	mu    sync.Mutex
	ErrNo = errors.New("no")
)

type point struct {
	x, y int
	tag  string `warm:"tag"`
	next *point
	pair [2]float64
	fn   func(int) bool
	ch   chan<- string
	_    struct{}
}

type shape interface {
	area() float64
	fmt.Stringer
}

type circle struct{ r float64 }

func (c circle) area() float64   { return 3.14 * c.r * c.r }
func (c *circle) String() string { return "circle " + strconv.FormatFloat(c.r, 'f', 2, 64) }

type number interface{ ~int | ~int64 | ~float64 }

type stack[T any] struct{ items []T }

func (s *stack[T]) push(v T) { s.items = append(s.items, v) }
func (s *stack[T]) pop() (T, bool) {
	var zero T
	if len(s.items) == 0 {
		return zero, false
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, true
}

func sum[T number](xs ...T) (total T) {
	for _, x := range xs {
		total += x
	}
	return
}

func seq(n int) iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		for i := range n {
			if !yield(i, strconv.Itoa(i)) {
				return
			}
		}
	}
}

func first(n int) (int, string) {
	for i, s := range seq(n) {
		if i > 2 {
			return i, s
		}
	}
	return -1, ""
}

func newPoint(x, y int) *point {
	p := &point{x: x, y: y, tag: fmt.Sprint(x)}
	p.fn = func(v int) bool { return v > p.x }
	return p
}

func (p *point) walk(visit func(*point) error) error {
	for q := p; q != nil; q = q.next {
		if err := visit(q); err != nil {
			return fmt.Errorf("walk %d: %w", q.x, err)
		}
	}
	return nil
}

func describe(v any) string {
	switch t := v.(type) {
	case nil:
		return "nil"
	case int, int64:
		return fmt.Sprintf("int %v", t)
	case shape:
		return t.String()
	case error:
		return t.Error()
	default:
		return fmt.Sprint(t)
	}
}

func classify(n int) (s string) {
	defer func() {
		if r := recover(); r != nil {
			s = "panic"
		}
	}()
	switch {
	case n < 0:
		panic(n)
	case n == 0:
		s = "zero"
	default:
		s = strings.Repeat("+", n%8)
	}
	return
}

func pipe(in <-chan int, out chan<- string, done chan struct{}) {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			select {
			case v, ok := <-in:
				if !ok {
					return
				}
				out <- strconv.Itoa(v)
			case <-done:
				return
			}
		}
	}()
	wg.Wait()
}

func words(r io.Reader) ([]string, error) {
	var b strings.Builder
	buf := make([]byte, 64)
	for {
		n, err := r.Read(buf)
		b.Write(buf[:n])
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	ws := strings.Fields(b.String())
	sort.Slice(ws, func(i, j int) bool { return ws[i] < ws[j] })
	return ws, nil
}

func matrix(n int) [][]int {
	m := make([][]int, n)
	var arr [4]int
	for i := range m {
		m[i] = make([]int, n, 2*n)
		copy(m[i], arr[:])
		m[i][i] = len(arr) + cap(m[i])
	}
	keys := make([]string, 0, len(table))
	for k := range table {
		keys = append(keys, k)
	}
	sink = keys
	return m
}

func labels(xs []int) (count int) {
outer:
	for i := 0; i < len(xs); i++ {
		for j := i; j < len(xs); j++ {
			switch {
			case xs[j] < 0:
				continue outer
			case xs[j] > 100:
				break outer
			}
			count++
		}
	}
	goto end
end:
	return
}

func use() {
	s := &stack[*point]{}
	s.push(newPoint(1, 2))
	if p, ok := s.pop(); ok {
		_ = p.walk(func(q *point) error { sink = q; return nil })
	}
	var sh shape = &circle{r: 2}
	mu.Lock()
	sink = describe(sh) + classify(3)
	mu.Unlock()
	f := sh.area
	sink = f
	sink = sum(1, 2, 3) + int(sum(1.5, 2.5))
	i, w := first(5)
	sink = fmt.Sprintf("%d %s %v", i, w, matrix(3))
	in, out, done := make(chan int, 1), make(chan string, 1), make(chan struct{})
	close(done)
	pipe(in, out, done)
	ws, err := words(strings.NewReader("b a c"))
	sink, sink = ws, err
	sink = labels([]int{1, -1, 200})
	x := [...]string{2: "c", 0: "a"}
	sink = x[:]
}
