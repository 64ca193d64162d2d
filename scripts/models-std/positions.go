// Source positions of method parameters, for the //goesc:pos directive of a stub.
//
// Export data keeps a declaration's line but not its column, and gc prints the method
// wrappers it generates (a promoted method of a shape struct, every method of an interface
// shape) with the parameters' own positions: `$GOROOT/src/reflect/type.go:122:15: parameter
// reflect.u leaks to {heap} for ...`. So the stub records them, read from the source:
//
//	//goesc:pos sync/poolqueue.go 147:7 80:32               a method: file, receiver, params
//	//goesc:pos AssignableTo=reflect/type.go:122:15 ...     an interface: each method's params
//
// A parameter without a name sits at its type, as gc places it; `-` is a receiver without
// a known position. Files are relative to $GOROOT/src.
package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"path/filepath"
	"strings"
)

// sourceFiles parses GOROOT source files on demand, once each.
type sourceFiles struct {
	goroot string
	fset   *token.FileSet
	files  map[string]*ast.File
}

func newSourceFiles(goroot string) *sourceFiles {
	return &sourceFiles{goroot: filepath.Clean(goroot), fset: token.NewFileSet(), files: map[string]*ast.File{}}
}

// rel is path relative to $GOROOT/src, or "" when it is not under it.
func (s *sourceFiles) rel(path string) string {
	path = strings.Replace(path, "$GOROOT", s.goroot, 1)
	r, err := filepath.Rel(filepath.Join(s.goroot, "src"), path)
	if err != nil || strings.HasPrefix(r, "..") {
		return ""
	}
	return filepath.ToSlash(r)
}

func (s *sourceFiles) file(rel string) *ast.File {
	if f, ok := s.files[rel]; ok {
		return f
	}
	f, err := parser.ParseFile(s.fset, filepath.Join(s.goroot, "src", rel), nil, parser.SkipObjectResolution)
	if err != nil {
		f = nil
	}
	s.files[rel] = f
	return f
}

func lineCol(k *diagKey) string {
	if k == nil {
		return "-"
	}
	return fmt.Sprintf("%d:%d", k.line, k.col)
}

// methodPosLine is the directive of a declared method, "" when its site is unknown.
func (s *sourceFiles) methodPosLine(site *funcSite) string {
	if site == nil || len(site.recvAt) == 0 {
		return ""
	}
	rel := s.rel(site.recvAt[0].file)
	if rel == "" {
		return ""
	}
	parts := []string{"//goesc:pos", rel, lineCol(site.recvAt[0])}
	for _, p := range site.paramAt {
		parts = append(parts, lineCol(p))
	}
	return strings.Join(parts, " ") + "\n"
}

// interfacePosLine is the directive of an interface type: for each method with parameters
// (its own or embedded), where they are declared. exportFset resolves the export data's
// positions (file and line) of the methods.
func (s *sourceFiles) interfacePosLine(exportFset *token.FileSet, iface *types.Interface) string {
	var parts []string
	for i := 0; i < iface.NumMethods(); i++ {
		m := iface.Method(i)
		sig := m.Type().(*types.Signature)
		if sig.Params().Len() == 0 {
			continue
		}
		at := exportFset.Position(m.Pos())
		rel := s.rel(at.Filename)
		f := s.file(rel)
		if f == nil {
			continue
		}
		sites := s.interfaceMethodSites(f, m.Name(), at.Line)
		if len(sites) != sig.Params().Len() {
			continue
		}
		cols := make([]string, len(sites))
		for j, k := range sites {
			cols[j] = lineCol(k)
		}
		parts = append(parts, fmt.Sprintf("%s=%s:%s", m.Name(), rel, strings.Join(cols, ",")))
	}
	if len(parts) == 0 {
		return ""
	}
	return "//goesc:pos " + strings.Join(parts, " ") + "\n"
}

// interfaceMethodSites finds method name declared on line in an interface type of f.
func (s *sourceFiles) interfaceMethodSites(f *ast.File, name string, line int) []*diagKey {
	var out []*diagKey
	ast.Inspect(f, func(n ast.Node) bool {
		it, ok := n.(*ast.InterfaceType)
		if !ok || out != nil {
			return out == nil
		}
		for _, field := range it.Methods.List {
			ft, ok := field.Type.(*ast.FuncType)
			if !ok || len(field.Names) != 1 || field.Names[0].Name != name || s.fset.Position(field.Pos()).Line != line {
				continue
			}
			path := s.fset.Position(field.Pos()).Filename
			out = []*diagKey{}
			for _, pf := range ft.Params.List {
				out = append(out, fieldSites(s.fset, path, pf)...)
			}
		}
		return true
	})
	return out
}
