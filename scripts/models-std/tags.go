// Escape tags from the compiler's own diagnostics.
//
// cmd/compile/internal/escape/escape.go (paramTag, reportLeaks) prints, at the position of
// each pointer-carrying parameter of every function it compiles, what its tag says:
//
//	leaking param: p                        p's value reaches the heap      → heap:0
//	leaking param content: p                what p points to reaches it     → heap:N
//	  (N ≥ 1 from -m=2's `parameter p leaks to {heap} for f with derefs=N:`, the least one)
//	leaking param: p to result r level=N    p flows to result r, N derefs   → rK:N
//	mutates param: p derefs=N               (-d=escapemutationscalls=1)     → mutator:N
//	calls param: p derefs=N                 (-d=escapemutationscalls=1)     → callee:N
//	p does not escape, mutate, or call                                      → none
//	p does not escape                       (a //go:noescape assembly func) → mutator:0,callee:0
//	moved to heap: p                        p's address escapes, so its
//	                                        value is reachable from the heap → heap:0
//
// The position tells which function and parameter a line is about: we parse the package's
// files (the ones the go command chose for linux/amd64) and index parameter name positions.
package main

import (
	"bufio"
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

type diagKey struct {
	file      string
	line, col int
}

// diagnostics maps a source position to the messages gc printed there.
type diagnostics map[diagKey][]string

var diagLine = regexp.MustCompile(`^(.+\.go):(\d+):(\d+): (.*)$`)

func parseDiagnostics(text []byte) diagnostics {
	d := diagnostics{}
	sc := bufio.NewScanner(bytes.NewReader(text))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		m := diagLine.FindStringSubmatch(sc.Text())
		if m == nil || strings.HasPrefix(m[4], " ") {
			continue // -m=2's indented flow explanations
		}
		line, _ := strconv.Atoi(m[2])
		col, _ := strconv.Atoi(m[3])
		k := diagKey{m[1], line, col}
		d[k] = append(d[k], m[4])
	}
	return d
}

// funcSite is where a declared function's receiver, parameters and results are.
type funcSite struct {
	bodyless bool
	recv     *diagKey
	params   []*diagKey // one per parameter, nil when unnamed
	results  map[string]int
	// Where gc puts each parameter: its name, or its type when it has none (the
	// positions method wrappers print, see posLine).
	recvAt, paramAt []*diagKey
}

// paramIndex maps "Name" or "RecvType.Name" to the function's parameter positions.
type paramIndex map[string]*funcSite

func indexParams(fset *token.FileSet, p *listedPkg) (paramIndex, error) {
	idx := paramIndex{}
	files := append(append([]string{}, p.GoFiles...), p.CgoFiles...)
	for _, name := range files {
		path := filepath.Join(p.Dir, name)
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		for _, decl := range f.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok {
				continue
			}
			site := &funcSite{bodyless: fd.Body == nil, results: map[string]int{}}
			key := fd.Name.Name
			pos := func(id *ast.Ident) *diagKey {
				if id == nil || id.Name == "_" {
					return nil
				}
				q := fset.Position(id.Pos())
				return &diagKey{path, q.Line, q.Column}
			}
			if fd.Recv != nil && len(fd.Recv.List) == 1 {
				key = recvTypeName(fd.Recv.List[0].Type) + "." + key
				if names := fd.Recv.List[0].Names; len(names) == 1 {
					site.recv = pos(names[0])
				}
				site.recvAt = fieldSites(fset, path, fd.Recv.List[0])
			}
			for _, field := range fd.Type.Params.List {
				if len(field.Names) == 0 {
					site.params = append(site.params, nil)
				}
				for _, n := range field.Names {
					site.params = append(site.params, pos(n))
				}
				site.paramAt = append(site.paramAt, fieldSites(fset, path, field)...)
			}
			if fd.Type.Results != nil {
				i := 0
				for _, field := range fd.Type.Results.List {
					if len(field.Names) == 0 {
						i++
					}
					for _, n := range field.Names {
						site.results[n.Name] = i
						i++
					}
				}
			}
			idx[key] = site
		}
	}
	return idx, nil
}

// fieldSites is where gc places the variables of one field: each name, or the type when
// the field has no name.
func fieldSites(fset *token.FileSet, path string, field *ast.Field) []*diagKey {
	at := func(p token.Pos) *diagKey {
		q := fset.Position(p)
		return &diagKey{path, q.Line, q.Column}
	}
	if len(field.Names) == 0 {
		return []*diagKey{at(field.Type.Pos())}
	}
	out := make([]*diagKey, len(field.Names))
	for i, n := range field.Names {
		out[i] = at(n.Pos())
	}
	return out
}

func recvTypeName(e ast.Expr) string {
	for {
		switch t := e.(type) {
		case *ast.StarExpr:
			e = t.X
		case *ast.ParenExpr:
			e = t.X
		case *ast.IndexExpr:
			e = t.X
		case *ast.IndexListExpr:
			e = t.X
		case *ast.Ident:
			return t.Name
		default:
			return "?"
		}
	}
}

var (
	toResult  = regexp.MustCompile(`^leaking param: (\S+) to result (\S+) level=(\d+)$`)
	mutates   = regexp.MustCompile(`^mutates param: (\S+) derefs=(\d+)$`)
	calls     = regexp.MustCompile(`^calls param: (\S+) derefs=(\d+)$`)
	leaksTo   = regexp.MustCompile(`^parameter (\S+) leaks to \{heap\} for .* with derefs=(\d+):$`)
	resultNum = regexp.MustCompile(`^~[rb](\d+)$`)
)

// tagFor reads the tag parts gc printed at a parameter's position; nil when it printed none.
func tagFor(d diagnostics, at *diagKey, name string, site *funcSite) []string {
	if at == nil {
		return nil
	}
	var parts []string
	seen := map[string]bool{}
	add := func(s string) {
		if !seen[s] {
			seen[s] = true
			parts = append(parts, s)
		}
	}
	// -m=2 prints every heap flow it finds; the tag keeps the least deref count.
	heapDerefs := -1
	for _, msg := range d[*at] {
		if m := leaksTo.FindStringSubmatch(msg); m != nil && m[1] == name {
			if n, _ := strconv.Atoi(m[2]); heapDerefs < 0 || n < heapDerefs {
				heapDerefs = n
			}
		}
	}
	for _, msg := range d[*at] {
		switch {
		case msg == "leaking param: "+name, msg == "moved to heap: "+name:
			add("heap:0")
		case msg == "leaking param content: "+name:
			if heapDerefs >= 1 {
				add("heap:" + strconv.Itoa(heapDerefs))
			} else {
				add("heap:1")
			}
		case msg == name+" does not escape, mutate, or call":
			add("none")
		case msg == name+" does not escape":
			if site.bodyless {
				add("mutator:0")
				add("callee:0")
			} else {
				add("none")
			}
		default:
			if m := toResult.FindStringSubmatch(msg); m != nil && m[1] == name {
				k, ok := site.results[m[2]]
				if r := resultNum.FindStringSubmatch(m[2]); r != nil {
					k, _ = strconv.Atoi(r[1])
					ok = true
				}
				if ok {
					add("r" + strconv.Itoa(k) + ":" + m[3])
				}
			} else if m := mutates.FindStringSubmatch(msg); m != nil && m[1] == name {
				add("mutator:" + m[2])
			} else if m := calls.FindStringSubmatch(msg); m != nil && m[1] == name {
				add("callee:" + m[2])
			}
		}
	}
	if len(parts) > 1 && seen["none"] {
		var kept []string
		for _, p := range parts {
			if p != "none" {
				kept = append(kept, p)
			}
		}
		parts = kept
	}
	return parts
}

// tagSlot is how a //goesc:leaks line names a parameter.
// A parameter that is itself named "recv" goes by index, since "recv" means the receiver.
func tagSlot(name string, index int) string {
	if name == "" || name == "_" || name == "recv" {
		return "#" + strconv.Itoa(index)
	}
	return name
}

func joinTag(slot string, parts []string) string {
	return slot + "=" + strings.Join(parts, ",")
}
