// Verifying stubs: type-check each api.go (with its src/ body files) with go/types, importing other stubs (never the
// real export data), then compare every exported object with the real package from the
// compiler's export data: same kind, same type (printed with full import paths), same
// constant value, same size and alignment under gc's amd64 layout, same method sets.
// This is the sound check that a stub describes the package it stands for.
package main

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

type stubImporter struct {
	root  string
	fset  *token.FileSet
	pkgs  map[string]*types.Package
	errs  map[string][]string
	sizes types.Sizes
}

func (si *stubImporter) Import(path string) (*types.Package, error) {
	if path == "unsafe" {
		return types.Unsafe, nil
	}
	if p, ok := si.pkgs[path]; ok {
		if p == nil {
			return nil, fmt.Errorf("import cycle through %s", path)
		}
		return p, nil
	}
	// Body files name vendored packages as the source does (std's importcfg maps them).
	if strings.Contains(strings.Split(path, "/")[0], ".") {
		if _, err := os.Stat(filepath.Join(si.root, "vendor", filepath.FromSlash(path), "api.go")); err == nil {
			return si.Import("vendor/" + path)
		}
	}
	si.pkgs[path] = nil
	file := filepath.Join(si.root, filepath.FromSlash(path), "api.go")
	f, err := parser.ParseFile(si.fset, file, nil, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	files := []*ast.File{f}
	// The generic bodies (bodies.go) belong to the same package.
	srcs, _ := filepath.Glob(filepath.Join(si.root, filepath.FromSlash(path), "src", "*.go"))
	for _, name := range srcs {
		sf, err := parser.ParseFile(si.fset, name, nil, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		files = append(files, sf)
	}
	conf := types.Config{
		Importer: si,
		Sizes:    si.sizes,
		Error: func(err error) {
			// Bodyless declarations are the point of a stub.
			if !strings.Contains(err.Error(), "missing function body") {
				si.errs[path] = append(si.errs[path], err.Error())
			}
		},
	}
	pkg, _ := conf.Check(path, si.fset, files, nil)
	si.pkgs[path] = pkg
	return pkg, nil
}

func verifyStubs(root string, selected []*listedPkg, real types.Importer) int {
	si := &stubImporter{root: root, fset: token.NewFileSet(), pkgs: map[string]*types.Package{}, errs: map[string][]string{}, sizes: types.SizesFor("gc", "amd64")}
	failures := 0
	objects := 0
	for _, p := range selected {
		stub, err := si.Import(p.ImportPath)
		if err != nil {
			fmt.Printf("%s: %v\n", p.ImportPath, err)
			failures++
			continue
		}
		want, err := real.Import(p.ImportPath)
		check(err)
		problems := comparePackages(want, stub, si.sizes)
		problems = append(problems, compareBodies(filepath.Join(root, filepath.FromSlash(p.ImportPath), "src"), p.Dir)...)
		problems = append(si.errs[p.ImportPath], problems...)
		objects += len(want.Scope().Names())
		for _, prob := range problems {
			fmt.Printf("%s: %s\n", p.ImportPath, prob)
		}
		if len(problems) > 0 {
			failures++
		}
	}
	fmt.Printf("verified %d packages (%d objects): %d with problems\n", len(selected), objects, failures)
	if failures > 0 {
		return 1
	}
	return 0
}

var internalName = regexp.MustCompile(`#[A-Za-z]+[0-9]*`)

func pathQualifier(p *types.Package) string { return p.Path() }

func comparePackages(want, got *types.Package, sizes types.Sizes) []string {
	var problems []string
	// Export data keeps some result names that are no identifiers (#rv1); stubs print `_`.
	// Stubs name a foreign unexported type by an exported alias (Goesc_x), and print each
	// type parameter with its own constraint.
	str := func(t types.Type) string {
		s := types.TypeString(t, pathQualifier)
		if sig, ok := t.(*types.Signature); ok && sig.TypeParams().Len() > 0 {
			var tps []string
			for i := 0; i < sig.TypeParams().Len(); i++ {
				tp := sig.TypeParams().At(i)
				tps = append(tps, tp.Obj().Name()+" "+types.TypeString(tp.Constraint(), pathQualifier))
			}
			s = "func[" + strings.Join(tps, ", ") + "]" + strings.TrimPrefix(types.TypeString(types.NewSignatureType(nil, nil, nil, sig.Params(), sig.Results(), sig.Variadic()), pathQualifier), "func")
		}
		s = strings.ReplaceAll(s, exportPrefix, "")
		return internalName.ReplaceAllString(s, "_")
	}
	for _, name := range want.Scope().Names() {
		w := want.Scope().Lookup(name)
		if !w.Exported() {
			if _, isType := w.(*types.TypeName); !isType {
				continue
			}
		}
		g := got.Scope().Lookup(name)
		if g == nil {
			problems = append(problems, name+": missing")
			continue
		}
		if fmt.Sprintf("%T", w) != fmt.Sprintf("%T", g) {
			problems = append(problems, fmt.Sprintf("%s: %T in std, %T in stub", name, w, g))
			continue
		}
		if str(w.Type()) != str(g.Type()) {
			problems = append(problems, fmt.Sprintf("%s: type %s in std, %s in stub", name, str(w.Type()), str(g.Type())))
		}
		switch w := w.(type) {
		case *types.Const:
			if !constant.Compare(w.Val(), token.EQL, g.(*types.Const).Val()) || w.Val().Kind() != g.(*types.Const).Val().Kind() {
				problems = append(problems, fmt.Sprintf("%s: value %s in std, %s in stub", name, w.Val().ExactString(), g.(*types.Const).Val().ExactString()))
			}
		case *types.TypeName:
			if str(w.Type().Underlying()) != str(g.Type().Underlying()) {
				problems = append(problems, fmt.Sprintf("%s: underlying %s in std, %s in stub", name, str(w.Type().Underlying()), str(g.Type().Underlying())))
			}
			if n, ok := w.Type().(*types.Named); ok && n.TypeParams().Len() == 0 && !w.IsAlias() {
				ws, gs := sizes.Sizeof(w.Type()), sizes.Sizeof(g.Type())
				wa, ga := sizes.Alignof(w.Type()), sizes.Alignof(g.Type())
				if ws != gs || wa != ga {
					problems = append(problems, fmt.Sprintf("%s: size/align %d/%d in std, %d/%d in stub", name, ws, wa, gs, ga))
				}
			}
			if !w.IsAlias() {
				if a, b := methodSet(w.Type(), str), methodSet(g.Type(), str); a != b {
					problems = append(problems, fmt.Sprintf("%s: method set differs:\n  std:  %s\n  stub: %s", name, a, b))
				}
			}
		}
	}
	return problems
}

func methodSet(t types.Type, str func(types.Type) string) string {
	var ms []string
	for _, tt := range []types.Type{t, types.NewPointer(t)} {
		if _, isIface := t.Underlying().(*types.Interface); isIface && tt != t {
			continue
		}
		set := types.NewMethodSet(tt)
		for i := 0; i < set.Len(); i++ {
			m := set.At(i).Obj()
			ms = append(ms, m.Name()+str(m.Type()))
		}
	}
	sort.Strings(ms)
	return strings.Join(ms, "; ")
}

// compareBodies checks that every byte a body file keeps is the byte at the same line and
// column of the package's real source (bodies.go's promise that positions are gc's), apart
// from names renamed _ and the generator's own comment lines.
func compareBodies(srcDir, realDir string) []string {
	var problems []string
	names, _ := filepath.Glob(filepath.Join(srcDir, "*.go"))
	for _, name := range names {
		model, err := os.ReadFile(name)
		check(err)
		orig, err := os.ReadFile(filepath.Join(realDir, filepath.Base(name)))
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s: no such file in %s", filepath.Base(name), realDir))
			continue
		}
		ml, ol := strings.Split(string(model), "\n"), strings.Split(string(orig), "\n")
		moved := false
		for i, line := range ml {
			if strings.HasPrefix(line, "//goesc:leaks ") || strings.HasPrefix(line, "//goesc:pos ") || strings.HasPrefix(line, "// Code generated") {
				continue
			}
			// Past the marker, whole declarations moved from their place: each line is one
			// of the real source's.
			if line == movedMarker {
				moved = true
				continue
			}
			if moved {
				if line != "" && !strings.Contains(string(orig), line+"\n") {
					problems = append(problems, fmt.Sprintf("%s:%d:1: moved line not in the real source", filepath.Base(name), i+1))
				}
				continue
			}
			o := ""
			if i < len(ol) {
				o = ol[i]
			}
			for j := 0; j < len(line); j++ {
				if c := line[j]; c != ' ' && (j >= len(o) || (o[j] != c && c != '_')) {
					problems = append(problems, fmt.Sprintf("%s:%d:%d: differs from the real source", filepath.Base(name), i+1, j+1))
					break
				}
			}
		}
	}
	return problems
}

var _ = os.Stdout

// unreadableBodies type-checks the written stubs with their body files (as verify does) and
// names, per package, the non-generic functions kept whole (inline bodies) that hold a type
// error: a body that does not check against the stubs must not be inlined.
func unreadableBodies(root string, bodies map[string]*bodyFiles) map[string]map[string]bool {
	si := &stubImporter{root: root, fset: token.NewFileSet(), pkgs: map[string]*types.Package{}, errs: map[string][]string{}, sizes: types.SizesFor("gc", "amd64")}
	at := regexp.MustCompile(`^(.+\.go):(\d+):\d+: `)
	out := map[string]map[string]bool{}
	var paths []string
	for path := range bodies {
		paths = append(paths, path)
	}
	sort.Strings(paths)
	for _, path := range paths {
		si.Import(path)
	}
	for path, errs := range si.errs {
		for _, e := range errs {
			m := at.FindStringSubmatch(e)
			if m == nil || filepath.Base(filepath.Dir(m[1])) != "src" {
				continue
			}
			line := 0
			fmt.Sscanf(m[2], "%d", &line)
			f, err := parser.ParseFile(token.NewFileSet(), m[1], nil, parser.SkipObjectResolution)
			if err != nil {
				continue
			}
			fset := token.NewFileSet()
			f, _ = parser.ParseFile(fset, m[1], nil, parser.SkipObjectResolution)
			for _, d := range f.Decls {
				fd, ok := d.(*ast.FuncDecl)
				if !ok || fd.Body == nil || isGenericDecl(fd) {
					continue
				}
				if fset.Position(fd.Pos()).Line <= line && line <= fset.Position(fd.End()).Line {
					if out[path] == nil {
						out[path] = map[string]bool{}
					}
					out[path][gcSymbol(fd)] = true
				}
			}
		}
	}
	return out
}
