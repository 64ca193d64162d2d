// Command layout prints, as JSON, the go/types layout (size and alignment under the gc
// rules for amd64) of every package-level, non-generic, non-alias named type declared in
// each Go file named on the command line. Each file is checked as a package of its own,
// which is what a corpus case is. It is the reference for `goesc types --json`
// (docs/CLI.md), so its record has the same shape: {"name", "size", "align"}.
//
// Usage: layout -importcfg CFG file.go...   (CFG as made by `go list -export`, so standard
// library imports resolve from the compiler's own export data, without a build).
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"io"
	"os"
	"sort"
	"strings"
)

type typeLayout struct {
	Name  string `json:"name"`
	Size  int64  `json:"size"`
	Align int64  `json:"align"`
}

func main() {
	importcfg := flag.String("importcfg", "", "importcfg file mapping import paths to export data")
	flag.Parse()
	exports, err := readImportcfg(*importcfg)
	if err != nil {
		fail(err)
	}
	sizes := types.SizesFor("gc", "amd64")
	result := map[string][]typeLayout{}
	for _, file := range flag.Args() {
		layouts, err := layoutOf(file, exports, sizes)
		if err != nil {
			fail(err)
		}
		result[file] = layouts
	}
	out, _ := json.MarshalIndent(result, "", "  ")
	os.Stdout.Write(append(out, '\n'))
}

func layoutOf(file string, exports map[string]string, sizes types.Sizes) ([]typeLayout, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, file, nil, parser.ParseComments)
	if err != nil {
		return nil, err
	}
	// A fresh importer per file: each case is its own little program.
	imp := importer.ForCompiler(fset, "gc", func(path string) (io.ReadCloser, error) {
		if exp, ok := exports[path]; ok {
			return os.Open(exp)
		}
		return nil, fmt.Errorf("no export data for %q", path)
	})
	conf := types.Config{Importer: imp, Sizes: sizes}
	pkg, err := conf.Check(f.Name.Name, fset, []*ast.File{f}, nil)
	if err != nil {
		return nil, err
	}
	layouts := []typeLayout{}
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
		layouts = append(layouts, typeLayout{name, sizes.Sizeof(named), sizes.Alignof(named)})
	}
	sort.Slice(layouts, func(i, j int) bool { return layouts[i].Name < layouts[j].Name })
	return layouts, nil
}

func readImportcfg(path string) (map[string]string, error) {
	exports := map[string]string{}
	if path == "" {
		return exports, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if rest, ok := strings.CutPrefix(line, "packagefile "); ok {
			if importPath, exp, ok := strings.Cut(rest, "="); ok {
				exports[importPath] = exp
			}
		}
	}
	return exports, sc.Err()
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "layout:", err)
	os.Exit(1)
}
