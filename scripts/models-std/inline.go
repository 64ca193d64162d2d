// Inline facts of std functions, from the compiler's own -m=2 diagnostics of std.
//
// A user package inlines std functions the way std's export data allows: a function gc
// reports as `can inline F with cost N as: ...` while compiling its package is inlinable
// everywhere at that cost (inline/inl.go CanInline; the cost is what the user's hairy
// visitor charges for a call to it). Inlining F into a user function then inlines, in the
// next rounds, the calls in F's body that gc inlined when compiling F itself (mid-stack
// inlining, interleaved.go's rounds). gc prints each of those at the outermost call site in
// F, round after round, so F's own sequence of `inlining call to G` lines is its direct
// inlined calls followed by their expansions; the direct list is the shortest prefix whose
// round-by-round expansion gives the whole sequence.
//
// Written to <out>/inline.json: {"<importpath>.<symbol>": {"cost": N, "calls": [...]}}, the
// symbol as gc names it (`(*Builder).WriteString`, `Builder.String`, `New`).
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

type inlineFact struct {
	Cost  int      `json:"cost"`
	Calls []string `json:"calls,omitempty"`
}

var (
	pkgHeader    = regexp.MustCompile(`^# (\S+)`)
	canInlineRe  = regexp.MustCompile(`^(.+\.go):(\d+):(\d+): can inline (\S+) with cost (\d+) as: `)
	inliningRe   = regexp.MustCompile(`^(.+\.go):(\d+):(\d+): inlining call to (\S+)$`)
	closureNames = regexp.MustCompile(`\.func\d+|\.gowrap\d+|\.deferwrap\d+|-range\d+|go\.shape`)
)

type funcRange struct {
	name       string // gc's symbol: F, T.M, (*T).M
	file       string
	start, end int // byte offsets of the FuncDecl
	lits       [][2]int
}

// inlineFacts reads the per-package blocks of the std diagnostics.
func inlineFacts(diagText []byte, listed []*listedPkg) map[string]inlineFact {
	byPath := map[string]*listedPkg{}
	byName := map[string][]string{}
	for _, p := range listed {
		byPath[p.ImportPath] = p
		byName[p.Name] = append(byName[p.Name], p.ImportPath)
	}
	type site struct {
		file      string
		line, col int
		callee    string
	}
	costs := map[string]int{}
	sequences := map[string][]string{} // caller key -> printed callee names
	pkgOf := map[string]string{}
	printedOf := map[string]string{} // key -> how a user's -m prints it (package name, not path)
	var cur string
	var ranges []funcRange
	fset := token.NewFileSet()
	files := map[string]*token.File{}
	sc := bufio.NewScanner(bytes.NewReader(diagText))
	sc.Buffer(make([]byte, 1<<24), 1<<24)
	for sc.Scan() {
		line := sc.Text()
		if m := pkgHeader.FindStringSubmatch(line); m != nil {
			cur = m[1]
			ranges = nil
			if p := byPath[cur]; p != nil {
				ranges, files = funcRanges(fset, p)
			}
			continue
		}
		if cur == "" {
			continue
		}
		if m := canInlineRe.FindStringSubmatch(line); m != nil {
			name := m[4]
			if closureNames.MatchString(name) || strings.Contains(name, "[") {
				continue
			}
			cost, _ := strconv.Atoi(m[5])
			key := cur + "." + name
			costs[key] = cost
			pkgOf[key] = cur
			if p := byPath[cur]; p != nil {
				printedOf[key] = p.Name + "." + name
			}
			continue
		}
		if m := inliningRe.FindStringSubmatch(line); m != nil {
			ln, _ := strconv.Atoi(m[2])
			col, _ := strconv.Atoi(m[3])
			caller := enclosing(ranges, files, m[1], ln, col)
			if caller == "" {
				continue
			}
			key := cur + "." + caller
			sequences[key] = append(sequences[key], m[4])
			pkgOf[key] = cur
		}
	}
	// Qualify a printed callee name (`copyCheck`, `(*Builder).copyCheck`, `abi.NoEscape`).
	qualify := func(pkg, printed string) string {
		if _, ok := costs[pkg+"."+printed]; ok {
			return pkg + "." + printed
		}
		if i := strings.Index(printed, "."); i > 0 && !strings.HasPrefix(printed, "(") {
			name, sym := printed[:i], printed[i+1:]
			// The package of that name among the caller's imports, then its dependencies.
			var candidates []string
			if p := byPath[pkg]; p != nil {
				candidates = append(append(candidates, p.Imports...), p.Deps...)
			}
			candidates = append(candidates, byName[name]...)
			for _, path := range candidates {
				if lp := byPath[path]; lp == nil || lp.Name != name {
					continue
				}
				if _, ok := costs[path+"."+sym]; ok {
					return path + "." + sym
				}
			}
		}
		return ""
	}
	qualified := map[string][]string{}
	for key, seq := range sequences {
		var q []string
		for _, s := range seq {
			k := qualify(pkgOf[key], s)
			if k == "" {
				q = nil
				break
			}
			q = append(q, k)
		}
		qualified[key] = q
	}
	direct := map[string][]string{}
	var directOf func(key string, depth int) []string
	directOf = func(key string, depth int) []string {
		if d, ok := direct[key]; ok {
			return d
		}
		seq := qualified[key]
		direct[key] = seq // provisional, for cycles
		if depth > 50 {
			return seq
		}
		for k := 0; k <= len(seq); k++ {
			// Compared as printed: internal/sync.(*Mutex).Unlock prints as sync.(*Mutex).Unlock.
			got := expandRounds(seq[:k], key, func(c string) []string { return directOf(c, depth+1) })
			if equalPrinted(got, seq, printedOf) {
				direct[key] = seq[:k]
				return seq[:k]
			}
		}
		return seq
	}
	facts := map[string]inlineFact{}
	for key, cost := range costs {
		facts[key] = inlineFact{Cost: cost, Calls: directOf(key, 0)}
	}
	return facts
}

// expandRounds lists the inlined calls of a body whose direct inlined calls are `first`:
// round after round, each round the direct calls of the previous round's callees, a callee
// already on its own inline stack stopping.
func expandRounds(first []string, self string, directOf func(string) []string) []string {
	type item struct {
		name  string
		stack []string
	}
	var out []string
	round := make([]item, 0, len(first))
	for _, f := range first {
		round = append(round, item{f, []string{self}})
	}
	for len(round) > 0 && len(out) < 10000 {
		var next []item
		for _, it := range round {
			if containsString(it.stack, it.name) {
				continue
			}
			out = append(out, it.name)
			stack := append(append([]string{}, it.stack...), it.name)
			for _, c := range directOf(it.name) {
				next = append(next, item{c, stack})
			}
		}
		round = next
	}
	return out
}

func containsString(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

func equalPrinted(a, b []string, printedOf map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if printedOf[a[i]] != printedOf[b[i]] {
			return false
		}
	}
	return true
}

// funcRanges parses a package's files: each FuncDecl's extent and its function literals.
func funcRanges(fset *token.FileSet, p *listedPkg) ([]funcRange, map[string]*token.File) {
	var out []funcRange
	files := map[string]*token.File{}
	for _, name := range append(append([]string{}, p.GoFiles...), p.CgoFiles...) {
		path := filepath.Join(p.Dir, name)
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			continue
		}
		files[path] = fset.File(f.Pos())
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			r := funcRange{name: gcSymbol(fd), file: path, start: fset.Position(fd.Pos()).Offset, end: fset.Position(fd.End()).Offset}
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				if lit, ok := n.(*ast.FuncLit); ok {
					r.lits = append(r.lits, [2]int{fset.Position(lit.Pos()).Offset, fset.Position(lit.End()).Offset})
					return false
				}
				return true
			})
			out = append(out, r)
		}
	}
	return out, files
}

// gcSymbol is gc's name of a declared function: F, T.M, (*T).M (type parameters dropped).
func gcSymbol(fd *ast.FuncDecl) string {
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		return fd.Name.Name
	}
	t := fd.Recv.List[0].Type
	ptr := false
	if s, ok := t.(*ast.StarExpr); ok {
		ptr = true
		t = s.X
	}
	switch x := t.(type) {
	case *ast.IndexExpr:
		t = x.X
	case *ast.IndexListExpr:
		t = x.X
	}
	id, _ := t.(*ast.Ident)
	if id == nil {
		return fd.Name.Name
	}
	if ptr {
		return "(*" + id.Name + ")." + fd.Name.Name
	}
	return id.Name + "." + fd.Name.Name
}

// enclosing names the FuncDecl containing a position, "" inside a function literal.
func enclosing(ranges []funcRange, files map[string]*token.File, file string, line, col int) string {
	tf := files[file]
	if tf == nil || line > tf.LineCount() {
		return ""
	}
	off := int(tf.LineStart(line)) - tf.Base() + col - 1
	for _, r := range ranges {
		if r.file != file || off < r.start || off >= r.end {
			continue
		}
		for _, l := range r.lits {
			if off >= l[0] && off < l[1] {
				return ""
			}
		}
		return r.name
	}
	return ""
}

// amd64Intrinsics lists the calls the SSA backend implements directly on amd64
// (ssagen/intrinsics.go), from the compiler's own table of them in intrinsics_test.go:
// a call to one costs the hairy visitor 1 and is never inlined (ir.IsIntrinsicCall).
func amd64Intrinsics(goroot string) []string {
	src, err := os.ReadFile(filepath.Join(goroot, "src", "cmd", "compile", "internal", "ssagen", "intrinsics_test.go"))
	if err != nil {
		return nil
	}
	re := regexp.MustCompile(`\{"amd64", "([^"]+)", "([^"]+)"\}`)
	var out []string
	for _, m := range re.FindAllStringSubmatch(string(src), -1) {
		out = append(out, m[1]+"."+m[2])
	}
	sort.Strings(out)
	return out
}

func marshalInlineFacts(facts map[string]inlineFact, intrinsics []string) []byte {
	keys := make([]string, 0, len(facts))
	for k := range facts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b bytes.Buffer
	b.WriteString("{\n  \"$comment\": \"Generated by npm run models:std; DO NOT EDIT. Inlinable std functions: gc's inline cost and the calls gc inlines inside each (scripts/models-std/inline.go).\",\n  \"funcs\": {\n")
	for i, k := range keys {
		v, _ := json.Marshal(facts[k])
		kj, _ := json.Marshal(k)
		b.WriteString("    ")
		b.Write(kj)
		b.WriteString(": ")
		b.Write(v)
		if i < len(keys)-1 {
			b.WriteString(",")
		}
		b.WriteString("\n")
	}
	b.WriteString("  },\n  \"intrinsics\": ")
	ij, _ := json.Marshal(intrinsics)
	b.Write(ij)
	b.WriteString("\n}\n")
	return b.Bytes()
}
