// Command models-std writes goesc's standard-library models: for every package of the
// installed Go's std, models/<version>/std/<importpath>/api.go, a bodyless Go stub that
// goesc's own parser and type checker load like source (types with their full field lists,
// unexported fields included so layouts are exact; methods and funcs as bodyless
// declarations; consts with exact values; vars), with each func/method preceded by a
// `//goesc:leaks` line carrying the escape tags of its parameters as the real compiler
// computed them when building std (see tags.go and models/README.md).
//
// The API comes from the compiler's own export data (go list -export + go/importer), which
// holds everything the compiled package exposes, unexported types reachable from exported
// ones included. Tags come from the compiler's diagnostics while building std with default
// flags (std is compiled with inlining when users build) plus -m=2 and
// -d=escapemutationscalls=1.
//
// Usage: go run . -models ../../models [-diag saved.txt] [-save-diag out.txt]   (npm run models:std)
//
//	go run . -verify ../../models/go1.26/std [-pkgs strings,fmt]
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"go/importer"
	"go/token"
	"go/types"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
)

// listedPkg is what `go list -export -json` tells about one std package.
type listedPkg struct {
	ImportPath string
	Name       string
	Export     string
	Dir        string
	GoFiles    []string
	CgoFiles   []string
	Imports    []string
	Deps       []string
}

var verbose = flag.Bool("v", false, "list pointer parameters left without a tag")

func main() {
	out := flag.String("out", "", "directory to write <importpath>/api.go stubs into (replaced)")
	models := flag.String("models", "", "models root: same as -out ROOT/<goX.Y>/std for the running Go")
	diagFile := flag.String("diag", "", "read the compiler's std diagnostics from this file instead of building std")
	saveDiag := flag.String("save-diag", "", "also save the compiler's std diagnostics here")
	verify := flag.String("verify", "", "type-check the stubs in this directory against the real export data instead of writing")
	inlineOnly := flag.Bool("inline-only", false, "only (re)write inline.json and reexports.json, the inline facts of std functions")
	pkgsFlag := flag.String("pkgs", "", "comma-separated import paths (default: all of std)")
	flag.Parse()
	if *models != "" && *out == "" {
		v := runtime.Version() // go1.26.8
		if parts := strings.SplitN(v, ".", 3); len(parts) >= 2 {
			v = parts[0] + "." + parts[1]
		}
		*out = filepath.Join(*models, v, "std")
	}
	if (*out == "") == (*verify == "") {
		fmt.Fprintln(os.Stderr, "models-std: give exactly one of -out DIR or -verify DIR")
		os.Exit(2)
	}

	listed, err := goList()
	check(err)
	byPath := map[string]*listedPkg{}
	for _, p := range listed {
		byPath[p.ImportPath] = p
	}
	fset := token.NewFileSet()
	imp := importer.ForCompiler(fset, "gc", func(path string) (io.ReadCloser, error) {
		p := byPath[path]
		if p == nil {
			p = byPath["vendor/"+path]
		}
		if p == nil || p.Export == "" {
			return nil, fmt.Errorf("no export data for %q", path)
		}
		return os.Open(p.Export)
	})

	var selected []*listedPkg
	if *pkgsFlag != "" {
		for _, path := range strings.Split(*pkgsFlag, ",") {
			p := byPath[strings.TrimSpace(path)]
			if p == nil {
				fmt.Fprintf(os.Stderr, "models-std: %q is not a std package\n", path)
				os.Exit(2)
			}
			selected = append(selected, p)
		}
	} else {
		for _, p := range listed {
			if p.Export != "" && p.ImportPath != "unsafe" {
				selected = append(selected, p)
			}
		}
	}

	if *verify != "" {
		os.Exit(verifyStubs(*verify, selected, imp))
	}

	var diagText []byte
	if *diagFile != "" {
		diagText, err = os.ReadFile(*diagFile)
		check(err)
	} else {
		diagText = buildStdDiagnostics()
	}
	if *saveDiag != "" {
		check(os.WriteFile(*saveDiag, diagText, 0o644))
	}
	diags := parseDiagnostics(diagText)
	facts, reexported := inlineFacts(diagText, listed)
	if *inlineOnly {
		writeInlineModels(*out, facts, reexported)
		fmt.Printf("models-std: %d inlinable std functions\n", len(facts))
		return
	}

	inlinableIn := map[string]map[string]bool{} // import path → gc symbols of its inlinable funcs
	for key := range facts {
		for _, p := range listed {
			if strings.HasPrefix(key, p.ImportPath+".") && !strings.Contains(key[len(p.ImportPath)+1:], "/") {
				if inlinableIn[p.ImportPath] == nil {
					inlinableIn[p.ImportPath] = map[string]bool{}
				}
				inlinableIn[p.ImportPath][key[len(p.ImportPath)+1:]] = true
			}
		}
	}
	// Inline bodies our checkers cannot read against the stubs (a conversion between a stub's
	// flattened struct and the real one) stay bodyless: generate, check, and again without them.
	var total stats
	sources := newSourceFiles(goEnv("GOROOT"))
	bodyPkgs := 0
	for round := 0; ; round++ {
		total = stats{}
		check(os.RemoveAll(*out))
		texts := map[string][]byte{}
		needs := map[string]map[string]bool{}
		bodies := map[string]*bodyFiles{}
		for _, p := range selected {
			pkg, err := imp.Import(p.ImportPath)
			check(err)
			index, err := indexParams(fset, p)
			check(err)
			w := newStubWriter(pkg, index, diags)
			w.sources, w.exports = sources, fset
			if b := writeBodies(p, pkg, imp, index, diags, inlinableIn[p.ImportPath]); b != nil && len(b.files) > 0 {
				w.skip = b.moved
				bodies[p.ImportPath] = b
				total.bodyDecls += b.decls
				total.inlineBodies += b.inlineBodies
				total.inlineMoved += b.inlineMoved
				total.bodyless += b.bodyless
				total.bodylessTagged += b.tagged
				total.bodylessNoRoom += b.noRoom
			}
			texts[p.ImportPath] = w.write()
			for path, names := range w.needs {
				if needs[path] == nil {
					needs[path] = map[string]bool{}
				}
				for n := range names {
					needs[path][n] = true
				}
			}
			total.add(w.stats)
		}
		for path, names := range needs {
			var aliases []string
			for n := range names {
				aliases = append(aliases, fmt.Sprintf("type %s%s = %s\n", exportPrefix, n, n))
			}
			sort.Strings(aliases)
			texts[path] = append(append(texts[path], "// Exported aliases for unexported types that other stubs name.\n"...), strings.Join(aliases, "")...)
		}
		for path, text := range texts {
			dir := filepath.Join(*out, filepath.FromSlash(path))
			check(os.MkdirAll(dir, 0o755))
			check(os.WriteFile(filepath.Join(dir, "api.go"), text, 0o644))
			total.bytes += len(text)
		}
		for path, b := range bodies {
			dir := filepath.Join(*out, filepath.FromSlash(path), "src")
			check(os.MkdirAll(dir, 0o755))
			for _, name := range sortedKeys(b.files) {
				check(os.WriteFile(filepath.Join(dir, name), b.files[name], 0o644))
				total.bodyBytes += len(b.files[name])
			}
		}
		bodyPkgs = len(bodies)
		if round > 0 {
			break
		}
		bad := unreadableBodies(*out, bodies)
		if len(bad) == 0 {
			break
		}
		for path, syms := range bad {
			for sym := range syms {
				delete(inlinableIn[path], sym)
				fmt.Printf("models-std: %s.%s stays bodyless: its body does not check against the stubs\n", path, sym)
			}
		}
	}
	meta, err := json.MarshalIndent(map[string]string{
		"go":     runtime.Version(),
		"goroot": goEnv("GOROOT"),
		"$doc":   "goroot: where the generator found std; goesc names body files $GOROOT/src/<importpath>/<file> with GOROOT from the environment, else this one",
	}, "", "  ")
	check(err)
	check(os.WriteFile(filepath.Join(*out, "meta.json"), append(meta, '\n'), 0o644))
	writeInlineModels(*out, facts, reexported)
	fmt.Printf("models-std: %s, %d packages, %d types, %d funcs, %d methods, %d consts, %d vars, %.1f MB\n",
		runtime.Version(), len(selected), total.types, total.funcs, total.methods, total.consts, total.vars, float64(total.bytes)/1e6)
	fmt.Printf("models-std: generic and inline bodies for %d packages, %d declarations (%d inlinable funcs), %.2f MB; %d bodyless funcs beside them; %d tagged, %d with no line for their tag (%d inlinable funcs moved to the end of their file for theirs)\n",
		bodyPkgs, total.bodyDecls, total.inlineBodies, float64(total.bodyBytes)/1e6, total.bodyless, total.bodylessTagged, total.bodylessNoRoom, total.inlineMoved)
	fmt.Printf("models-std: escape tags for %d of %d pointer parameters (%d generic functions left untagged)\n",
		total.tagged, total.pointerParams, total.generic)
}

// goList asks the go command for std's packages with their export data (building it if needed).
func goList() ([]*listedPkg, error) {
	cmd := exec.Command("go", "list", "-export", "-json=ImportPath,Name,Export,Dir,GoFiles,CgoFiles,Imports,Deps", "std")
	cmd.Stderr = os.Stderr
	outPipe, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	var pkgs []*listedPkg
	dec := json.NewDecoder(outPipe)
	for dec.More() {
		var p listedPkg
		if err := dec.Decode(&p); err != nil {
			return nil, err
		}
		pkgs = append(pkgs, &p)
	}
	if err := cmd.Wait(); err != nil {
		return nil, err
	}
	sort.Slice(pkgs, func(i, j int) bool { return pkgs[i].ImportPath < pkgs[j].ImportPath })
	return pkgs, nil
}

// buildStdDiagnostics compiles std as users get it (default flags, so with inlining) and
// returns the compiler's escape diagnostics. The changed flags give the build its own cache
// entries, and the go command replays cached compiler output, so reruns are fast.
func buildStdDiagnostics() []byte {
	fmt.Fprintln(os.Stderr, "models-std: building std with -m=2 -d=escapemutationscalls=1 (a few minutes the first time)")
	cmd := exec.Command("go", "build", "-gcflags=std=-m=2 -d=escapemutationscalls=1", "std")
	text, err := cmd.CombinedOutput()
	if err != nil {
		fmt.Fprintf(os.Stderr, "models-std: go build std: %v\n%s", err, lastLines(text, 20))
		os.Exit(1)
	}
	return text
}

func goEnv(key string) string {
	out, err := exec.Command("go", "env", key).Output()
	check(err)
	return strings.TrimSpace(string(out))
}

func lastLines(b []byte, n int) string {
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n") + "\n"
}

type stats struct {
	types, funcs, methods, consts, vars int
	pointerParams, tagged, generic      int
	bytes                               int
	bodyDecls, bodyBytes, inlineBodies  int
	inlineMoved                         int
	bodyless, bodylessTagged            int
	bodylessNoRoom                      int
}

func (s *stats) add(o stats) {
	s.types += o.types
	s.funcs += o.funcs
	s.methods += o.methods
	s.consts += o.consts
	s.vars += o.vars
	s.pointerParams += o.pointerParams
	s.tagged += o.tagged
	s.generic += o.generic
	s.bytes += o.bytes
}

var _ types.Importer // go/types is used by the other files of this command

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "models-std:", err)
		os.Exit(1)
	}
}
