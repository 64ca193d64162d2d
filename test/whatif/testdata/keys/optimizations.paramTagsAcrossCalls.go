// whatif: -l --set optimizations.paramTagsAcrossCalls=false
// flips: + :8:2: moved to heap: i
package p

func sink(p *int) int { return *p }

func caller() int {
	i := 0
	return sink(&i)
}
