// Command goparser-check prints, for each Go file named on the command line (or one per
// line on stdin with -stdin), the kind and position of every identifier, call, composite
// literal, function literal and unary & as go/parser sees them, at the positions gc gives
// them: a call at its "(", a composite literal at its "{", a function literal at "func",
// & at the operator. goesc's parser is compared against this output (test/syntax).
//
// Output: "== FILE" then one line per node, "KIND LINE:COL [NAME]"; a file go/parser
// rejects prints "!! FILE: ERROR".
package main

import (
	"bufio"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
)

func main() {
	fromStdin := flag.Bool("stdin", false, "read file names from stdin")
	flag.Parse()
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	if *fromStdin {
		sc := bufio.NewScanner(os.Stdin)
		for sc.Scan() {
			dump(out, sc.Text())
		}
		return
	}
	for _, f := range flag.Args() {
		dump(out, f)
	}
}

func dump(out *bufio.Writer, filename string) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, filename, nil, parser.SkipObjectResolution)
	if err != nil {
		fmt.Fprintf(out, "!! %s: %v\n", filename, err)
		return
	}
	fmt.Fprintf(out, "== %s\n", filename)
	at := func(p token.Pos) string {
		pos := fset.Position(p)
		return fmt.Sprintf("%d:%d", pos.Line, pos.Column)
	}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			fmt.Fprintf(out, "ident %s %s\n", at(n.Pos()), n.Name)
		case *ast.CallExpr:
			fmt.Fprintf(out, "call %s\n", at(n.Lparen))
		case *ast.CompositeLit:
			fmt.Fprintf(out, "complit %s\n", at(n.Lbrace))
		case *ast.FuncLit:
			fmt.Fprintf(out, "funclit %s\n", at(n.Type.Func))
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				fmt.Fprintf(out, "addr %s\n", at(n.OpPos))
			}
		}
		return true
	})
}
