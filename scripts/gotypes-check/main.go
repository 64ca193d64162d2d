// Command gotypes-check prints what go/types (the reference for goesc's checker) says about
// one Go package: the type of every expression (Info.Types, types.TypeString with the
// package-relative qualifier) at gc's position for that expression, and the size and
// alignment of every package-level, non-generic, non-alias named type under
// types.SizesFor("gc", "amd64"). goesc's tests compare their own answers with this output.
//
// Usage: go run . FILE.go [FILE.go...]   (one package; prints JSON on stdout)
//
//	go run . -each FILE.go...        (each file its own package; one JSON line per file,
//	                                  sharing one importer so std is loaded once)
//
// Positions follow gc's syntax package, which goesc's AST uses: a binary or unary
// expression sits at its operator, a call at "(", an index or slice at "[", a selector
// or type assertion at its ".", a composite literal at "{", everything else at its start.
package main

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"sort"
)

type exprOut struct {
	Line int    `json:"line"`
	Col  int    `json:"col"`
	Kind string `json:"kind"`
	Mode string `json:"mode"`
	Type string `json:"type"`
}

type typeOut struct {
	Name  string `json:"name"`
	Size  int64  `json:"size"`
	Align int64  `json:"align"`
}

type output struct {
	File    string    `json:"file,omitempty"`
	Package string    `json:"package"`
	Errors  []string  `json:"errors"`
	Exprs   []exprOut `json:"exprs"`
	Types   []typeOut `json:"types"`
}

// gcPos is where gc's parser puts an expression.
func gcPos(e ast.Expr) token.Pos {
	switch e := e.(type) {
	case *ast.BinaryExpr:
		return e.OpPos
	case *ast.UnaryExpr:
		return e.OpPos
	case *ast.StarExpr:
		return e.Star
	case *ast.CallExpr:
		return e.Lparen
	case *ast.IndexExpr:
		return e.Lbrack
	case *ast.IndexListExpr:
		return e.Lbrack
	case *ast.SliceExpr:
		return e.Lbrack
	case *ast.SelectorExpr:
		return e.X.End()
	case *ast.TypeAssertExpr:
		return e.X.End()
	case *ast.CompositeLit:
		return e.Lbrace
	case *ast.KeyValueExpr:
		return e.Colon
	case *ast.ParenExpr:
		return e.Lparen
	}
	return e.Pos()
}

func mode(tv types.TypeAndValue) string {
	switch {
	case tv.IsVoid():
		return "novalue"
	case tv.IsType():
		return "typexpr"
	case tv.IsBuiltin():
		return "builtin"
	case tv.Value != nil:
		return "constant"
	case tv.IsNil():
		return "nilvalue"
	case tv.Addressable():
		return "variable"
	case tv.Assignable():
		return "mapindex"
	}
	return "value"
}

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: gotypes-check [-each] FILE.go...")
		os.Exit(2)
	}
	fset := token.NewFileSet()
	imp := importer.ForCompiler(fset, "source", nil)
	enc := json.NewEncoder(os.Stdout)
	if os.Args[1] == "-each" {
		for _, name := range os.Args[2:] {
			out := check(fset, imp, []string{name})
			out.File = name
			if err := enc.Encode(out); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
		}
		return
	}
	if err := enc.Encode(check(fset, imp, os.Args[1:])); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func check(fset *token.FileSet, imp types.Importer, names []string) output {
	out := output{Errors: []string{}, Exprs: []exprOut{}, Types: []typeOut{}}
	var files []*ast.File
	for _, name := range names {
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			out.Errors = append(out.Errors, err.Error())
			return out
		}
		files = append(files, f)
	}
	sizes := types.SizesFor("gc", "amd64")
	conf := types.Config{
		Importer: imp,
		Sizes:    sizes,
		Error: func(err error) {
			out.Errors = append(out.Errors, err.Error())
		},
	}
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}}
	pkg, _ := conf.Check("p", fset, files, info)
	out.Package = pkg.Name()
	qual := types.RelativeTo(pkg)
	for e, tv := range info.Types {
		if tv.Type == nil {
			continue
		}
		p := fset.Position(gcPos(e))
		out.Exprs = append(out.Exprs, exprOut{
			Line: p.Line, Col: p.Column, Kind: fmt.Sprintf("%T", e)[5:], Mode: mode(tv),
			Type: types.TypeString(tv.Type, qual),
		})
	}
	sort.Slice(out.Exprs, func(i, j int) bool {
		a, b := out.Exprs[i], out.Exprs[j]
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		return a.Type < b.Type
	})
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		named, ok := tn.Type().(*types.Named)
		if !ok || named.TypeParams().Len() > 0 {
			continue
		}
		out.Types = append(out.Types, typeOut{Name: name, Size: sizes.Sizeof(named), Align: sizes.Alignof(named)})
	}
	return out
}
