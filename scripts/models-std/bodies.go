// Generic bodies: the source of std's generic functions, for goesc to instantiate in the
// user's package as gc does (gc analyses slices.Sort[go.shape.int] where it is used, and
// prints its diagnostics at $GOROOT/src/slices/... positions).
//
// For a package with generic functions or methods of generic types, the package's own
// source is type-checked with go/types (imports from export data), then a closure is taken
// from the roots — exported generic funcs and every method of a generic type the stub
// declares — over the package-level objects their text uses:
//
//	generic func or method of a generic type     the whole declaration (with body)
//	other unexported func, or method of a type    the signature only (bodyless), preceded
//	  the stub lacks                              by its //goesc:leaks tags like the stub's
//	unexported type, const or var the stub lacks  its whole declaration (all specs of the
//	                                              group; names the stub already has are
//	                                              renamed _ in place)
//
// Each source file keeps those declarations byte for byte at their original line and
// column (with their //go: directive lines, the package clause and the imports they use);
// every other byte becomes a space and trailing spaces are cut, so a position in the model
// is the position gc prints. The stub (api.go) leaves out the declarations moved here.
package main

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// bodyFiles is what writeBodies produces for one package.
type bodyFiles struct {
	files        map[string][]byte // file base name → text
	moved        map[string]bool   // stub keys ("F", "T.M") of the declarations now in files
	decls        int               // declarations kept, all kinds
	inlineBodies int               // non-generic inlinable functions kept whole
	inlineMoved  int               // those moved to the end of their file to make room for their tag
	// Bodyless funcs kept, those with a //goesc:leaks line, and those whose tag found no
	// free line above them (they read as untagged: leaking).
	bodyless, tagged, noRoom int
}

type keepKind int

const (
	keepNone keepKind = iota
	keepSig           // bodyless func
	keepFull          // whole declaration
)

type declRef struct {
	file *ast.File
	decl ast.Decl
}

// hasGenericFuncs reports whether any of the package's files declares a generic function or
// a method of a generic type (by syntax: type parameters or an indexed receiver).
func hasGenericFuncs(fset *token.FileSet, p *listedPkg) bool {
	for _, name := range append(append([]string{}, p.GoFiles...), p.CgoFiles...) {
		f, err := parser.ParseFile(fset, filepath.Join(p.Dir, name), nil, parser.SkipObjectResolution)
		if err != nil {
			continue
		}
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && isGenericDecl(fd) {
				return true
			}
		}
	}
	return false
}

func isGenericDecl(fd *ast.FuncDecl) bool {
	if fd.Type.TypeParams != nil && len(fd.Type.TypeParams.List) > 0 {
		return true
	}
	if fd.Recv != nil && len(fd.Recv.List) == 1 {
		t := fd.Recv.List[0].Type
		if s, ok := t.(*ast.StarExpr); ok {
			t = s.X
		}
		if p, ok := t.(*ast.ParenExpr); ok {
			t = p.X
		}
		switch t.(type) {
		case *ast.IndexExpr, *ast.IndexListExpr:
			return true
		}
	}
	return false
}

// writeBodies computes the body files of package p (nil when it has no generic functions).
// stub is p as export data shows it (what api.go declares); tagger writes //goesc:leaks lines.
//
// inlinable holds gc's symbols (F, T.M, (*T).M) of the package's functions gc reports as
// inlinable: those an importer can inline (exported funcs, exported methods of the stub's
// types) are roots too, and so is every inlinable function their bodies use (mid-stack
// inlining reads those bodies as well), kept whole with their //goesc:leaks line (a call
// that is not inlined still reads the tags).
func writeBodies(p *listedPkg, stub *types.Package, imp types.Importer, index paramIndex, diags diagnostics, inlinable map[string]bool) *bodyFiles {
	fset := token.NewFileSet()
	if !hasGenericFuncs(fset, p) && len(inlinable) == 0 {
		return nil
	}
	var files []*ast.File
	srcs := map[*ast.File][]byte{}
	names := map[*ast.File]string{}
	for _, name := range append(append([]string{}, p.GoFiles...), p.CgoFiles...) {
		path := filepath.Join(p.Dir, name)
		src, err := os.ReadFile(path)
		check(err)
		f, err := parser.ParseFile(fset, path, src, parser.ParseComments|parser.SkipObjectResolution)
		check(err)
		files = append(files, f)
		srcs[f] = src
		names[f] = name
	}
	info := &types.Info{
		Defs:       map[*ast.Ident]types.Object{},
		Uses:       map[*ast.Ident]types.Object{},
		Implicits:  map[ast.Node]types.Object{},
		Selections: map[*ast.SelectorExpr]*types.Selection{},
	}
	conf := types.Config{Importer: imp, FakeImportC: true, Sizes: types.SizesFor("gc", "amd64"), Error: func(error) {}}
	pkg, _ := conf.Check(p.ImportPath, fset, files, info)

	declOf := map[types.Object]declRef{}
	importOf := map[types.Object]*ast.ImportSpec{}
	for _, f := range files {
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if obj := info.Defs[d.Name]; obj != nil {
					declOf[obj] = declRef{f, d}
				}
			case *ast.GenDecl:
				for _, s := range d.Specs {
					switch s := s.(type) {
					case *ast.ImportSpec:
						if s.Name != nil {
							if obj := info.Defs[s.Name]; obj != nil {
								importOf[obj] = s
							}
						} else if obj := info.Implicits[s]; obj != nil {
							importOf[obj] = s
						}
					case *ast.TypeSpec:
						if obj := info.Defs[s.Name]; obj != nil {
							declOf[obj] = declRef{f, d}
						}
					case *ast.ValueSpec:
						for _, n := range s.Names {
							if obj := info.Defs[n]; obj != nil {
								declOf[obj] = declRef{f, d}
							}
						}
					}
				}
			}
		}
	}

	inStub := func(obj types.Object) bool {
		o := stub.Scope().Lookup(obj.Name())
		if o == nil {
			return false
		}
		switch obj.(type) {
		case *types.TypeName:
			_, ok := o.(*types.TypeName)
			return ok
		case *types.Const:
			_, ok := o.(*types.Const)
			return ok && o.Exported()
		case *types.Var:
			_, ok := o.(*types.Var)
			return ok && o.Exported()
		case *types.Func:
			_, ok := o.(*types.Func)
			return ok && o.Exported()
		}
		return false
	}
	recvBase := func(fn *types.Func) *types.TypeName {
		sig := fn.Type().(*types.Signature)
		if sig.Recv() == nil {
			return nil
		}
		t := sig.Recv().Type()
		if ptr, ok := t.(*types.Pointer); ok {
			t = ptr.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			return n.Origin().Obj()
		}
		return nil
	}
	isGeneric := func(fn *types.Func) bool {
		sig := fn.Type().(*types.Signature)
		return sig.TypeParams().Len() > 0 || sig.RecvTypeParams().Len() > 0
	}

	symOf := func(fn *types.Func) string {
		if ref, ok := declOf[fn]; ok {
			if fd, ok := ref.decl.(*ast.FuncDecl); ok {
				return gcSymbol(fd)
			}
		}
		return ""
	}
	cgo := map[*ast.File]bool{}
	for _, f := range files {
		for _, s := range f.Imports {
			if s.Path.Value == `"C"` {
				cgo[f] = true
			}
		}
	}
	// Inlinable, and a body goesc can read (not cgo's).
	isInlinable := func(fn *types.Func) bool {
		return !isGeneric(fn) && inlinable[symOf(fn)] && !cgo[declOf[fn].file]
	}

	kinds := map[ast.Decl]keepKind{}
	declFile := map[ast.Decl]*ast.File{}
	usedImports := map[*ast.ImportSpec]bool{}
	var work []ast.Decl
	keep := func(ref declRef, k keepKind) {
		if kinds[ref.decl] >= k {
			return
		}
		kinds[ref.decl] = k
		declFile[ref.decl] = ref.file
		work = append(work, ref.decl)
	}
	var need func(obj types.Object)
	needed := map[types.Object]bool{}
	need = func(obj types.Object) {
		if fn, ok := obj.(*types.Func); ok {
			obj = fn.Origin()
		}
		if needed[obj] {
			return
		}
		needed[obj] = true
		ref, ok := declOf[obj]
		if !ok {
			return
		}
		switch obj := obj.(type) {
		case *types.TypeName:
			if inStub(obj) {
				return
			}
			keep(ref, keepFull)
			if n, ok := obj.Type().(*types.Named); ok {
				for i := 0; i < n.NumMethods(); i++ {
					need(n.Method(i))
				}
			}
		case *types.Const, *types.Var:
			if !inStub(obj) {
				keep(ref, keepFull)
			}
		case *types.Func:
			base := recvBase(obj)
			switch {
			case isGeneric(obj):
				keep(ref, keepFull)
			case isInlinable(obj):
				keep(ref, keepFull)
				if base != nil && !inStub(base) {
					need(base)
				}
			case base == nil && inStub(obj):
			case base == nil:
				keep(ref, keepSig)
			case inStub(base):
			default:
				keep(ref, keepSig)
				need(base)
			}
		}
	}
	for obj, ref := range declOf {
		fn, ok := obj.(*types.Func)
		if !ok {
			continue
		}
		base := recvBase(fn)
		if isGeneric(fn) && ((base == nil && fn.Exported()) || (base != nil && inStub(base))) {
			keep(ref, keepFull)
		}
		if isInlinable(fn) && fn.Exported() && (base == nil || inStub(base)) {
			need(fn)
		}
	}
	for len(work) > 0 {
		d := work[len(work)-1]
		work = work[:len(work)-1]
		var nodes []ast.Node
		if fd, ok := d.(*ast.FuncDecl); ok && kinds[d] == keepSig {
			if fd.Recv != nil {
				nodes = append(nodes, fd.Recv)
			}
			nodes = append(nodes, fd.Type)
		} else {
			nodes = append(nodes, d)
		}
		for _, n := range nodes {
			ast.Inspect(n, func(n ast.Node) bool {
				id, ok := n.(*ast.Ident)
				if !ok {
					return true
				}
				obj := info.Uses[id]
				if obj == nil || obj.Pkg() != pkg {
					return true
				}
				if _, ok := obj.(*types.PkgName); ok {
					if s := importOf[obj]; s != nil {
						usedImports[s] = true
					}
					return true
				}
				if obj.Parent() == pkg.Scope() {
					need(obj)
				} else if fn, ok := obj.(*types.Func); ok && recvBase(fn) != nil {
					need(fn)
				}
				return true
			})
		}
	}

	out := &bodyFiles{files: map[string][]byte{}, moved: map[string]bool{}}
	tagger := newStubWriter(pkg, index, diags)
	for _, f := range files {
		var kept []ast.Decl
		for _, d := range f.Decls {
			if kinds[d] != keepNone {
				kept = append(kept, d)
			}
		}
		if len(kept) == 0 {
			continue
		}
		e := newBlanker(fset, srcs[f])
		e.keep(f.Package, f.Name.End())
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.IMPORT {
				continue
			}
			var used []ast.Spec
			for _, s := range gd.Specs {
				if usedImports[s.(*ast.ImportSpec)] {
					used = append(used, s)
				}
			}
			if len(used) == 0 {
				continue
			}
			if gd.Lparen.IsValid() {
				e.keep(gd.TokPos, gd.Lparen+1)
				e.keep(gd.Rparen, gd.Rparen+1)
				for _, s := range used {
					e.keep(s.Pos(), s.End())
				}
			} else {
				e.keep(gd.Pos(), gd.End())
			}
		}
		for _, d := range kept {
			out.decls++
			switch d := d.(type) {
			case *ast.FuncDecl:
				key := d.Name.Name
				if d.Recv != nil && len(d.Recv.List) == 1 {
					key = recvTypeName(d.Recv.List[0].Type) + "." + key
				}
				if kinds[d] == keepFull {
					out.moved[key] = true
					fn := info.Defs[d.Name].(*types.Func)
					if isGeneric(fn) {
						e.directives(d.Doc)
						e.keep(d.Pos(), d.End())
						continue
					}
					// An inlinable body, with its tags for the calls that do not inline it.
					// When the line above is taken (one-line functions in a row), the function
					// moves to the end of the file: where an inlined body sits is never printed
					// (gc prints inlined code at the call site).
					out.inlineBodies++
					tag := strings.TrimSuffix(tagger.tagLine(key, fn.Type().(*types.Signature), false), "\n")
					e.directives(d.Doc) // first: the tag goes above them
					if tag == "" || e.lineAbove(d, tag) {
						e.keep(d.Pos(), d.End())
						if tag != "" {
							out.tagged++
						}
						continue
					}
					e.directives(d.Doc, false)
					e.appendDecl(d, tag)
					out.tagged++
					out.inlineMoved++
					continue
				}
				e.directives(d.Doc)
				e.keep(d.Pos(), d.Type.End())
				fn := info.Defs[d.Name].(*types.Func)
				out.bodyless++
				if tag := tagger.tagLine(key, fn.Type().(*types.Signature), false); tag != "" {
					if e.lineAbove(d, strings.TrimSuffix(tag, "\n")) {
						out.tagged++
					} else {
						out.noRoom++
					}
				}
			case *ast.GenDecl:
				e.directives(d.Doc)
				e.keep(d.Pos(), d.End())
				for _, s := range d.Specs {
					var ids []*ast.Ident
					switch s := s.(type) {
					case *ast.TypeSpec:
						ids = []*ast.Ident{s.Name}
					case *ast.ValueSpec:
						ids = s.Names
					}
					for _, id := range ids {
						if obj := info.Defs[id]; obj != nil && inStub(obj) {
							e.rename(id)
						}
					}
				}
			}
		}
		out.files[names[f]] = e.text()
	}
	return out
}

// blanker turns a source file into spaces except the byte ranges kept, so kept text stays at
// its line and column.
type blanker struct {
	fset  *token.FileSet
	src   []byte
	kept  []bool
	extra map[int]string // line (1-based) → text written on an otherwise blank line
	tail  []string       // declarations moved to the end of the file (appendDecl)
	lines []int          // offset of each line start
}

func newBlanker(fset *token.FileSet, src []byte) *blanker {
	b := &blanker{fset: fset, src: append([]byte{}, src...), kept: make([]bool, len(src)), extra: map[int]string{}}
	b.lines = append(b.lines, 0)
	for i, c := range src {
		if c == '\n' {
			b.lines = append(b.lines, i+1)
		}
	}
	return b
}

func (b *blanker) off(p token.Pos) int { return b.fset.Position(p).Offset }

func (b *blanker) keep(from, to token.Pos) {
	for i := b.off(from); i < b.off(to) && i < len(b.kept); i++ {
		b.kept[i] = true
	}
}

// directives keeps the //go: lines of a doc comment (linkname, noescape, nosplit, ...), or
// with keep false blanks them again.
func (b *blanker) directives(doc *ast.CommentGroup, keep ...bool) {
	if doc == nil {
		return
	}
	for _, c := range doc.List {
		if strings.HasPrefix(c.Text, "//go:") {
			if len(keep) > 0 && !keep[0] {
				for i := b.off(c.Pos()); i < b.off(c.End()); i++ {
					b.kept[i] = false
				}
				continue
			}
			b.keep(c.Pos(), c.End())
		}
	}
}

func (b *blanker) rename(id *ast.Ident) {
	i := b.off(id.Pos())
	b.src[i] = '_'
	for j := 1; j < len(id.Name); j++ {
		b.src[i+j] = ' '
	}
}

// movedMarker opens the declarations appendDecl moved to the end of a body file.
const movedMarker = "// Moved from above by npm run models:std (room for their //goesc:leaks line)."

// appendDecl moves a function declaration (its //go: directives, then a line of text, then
// its text) to the end of the file.
func (b *blanker) appendDecl(d *ast.FuncDecl, text string) {
	var lines []string
	if d.Doc != nil {
		for _, c := range d.Doc.List {
			if strings.HasPrefix(c.Text, "//go:") {
				lines = append(lines, c.Text)
			}
		}
	}
	lines = append(lines, text, string(b.src[b.off(d.Pos()):b.off(d.End())]))
	b.tail = append(b.tail, strings.Join(lines, "\n"))
}

// lineAbove writes text on the nearest line above d's keyword that nothing kept uses,
// passing over kept //go: directive lines (a directive belongs to the next token).
func (b *blanker) lineAbove(d *ast.FuncDecl, text string) bool {
	line := b.fset.Position(d.Pos()).Line - 1
	for ; line >= 1; line-- {
		start, end := b.lines[line-1], len(b.src)
		if line < len(b.lines) {
			end = b.lines[line] - 1
		}
		used := false
		for i := start; i < end; i++ {
			if b.kept[i] {
				used = true
				break
			}
		}
		if !used && b.extra[line] == "" {
			b.extra[line] = text
			return true
		}
		if !bytes.HasPrefix(bytes.TrimSpace(b.src[start:end]), []byte("//go:")) {
			return false // right below other kept code: no room, the func stays untagged
		}
	}
	return false
}

func (b *blanker) text() []byte {
	var out bytes.Buffer
	for n, start := range b.lines {
		end := len(b.src)
		if n+1 < len(b.lines) {
			end = b.lines[n+1] - 1
		}
		if start > end {
			break
		}
		line := make([]byte, 0, end-start)
		for i := start; i < end; i++ {
			if b.kept[i] {
				line = append(line, b.src[i])
			} else {
				line = append(line, ' ')
			}
		}
		line = bytes.TrimRight(line, " \t\r")
		if len(line) == 0 {
			if t := b.extra[n+1]; t != "" {
				line = []byte(t)
			} else if n == 0 {
				line = []byte("// Code generated by npm run models:std; DO NOT EDIT.")
			}
		}
		out.Write(line)
		if n+1 < len(b.lines) {
			out.WriteByte('\n')
		}
	}
	text := append(bytes.TrimRight(out.Bytes(), "\n"), '\n')
	if len(b.tail) > 0 {
		text = append(text, '\n')
		text = append(text, movedMarker...)
		text = append(text, '\n')
		for _, t := range b.tail {
			text = append(append(text, t...), '\n')
		}
	}
	return text
}

// sortedKeys lists a body set's file names in order.
func sortedKeys(m map[string][]byte) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
