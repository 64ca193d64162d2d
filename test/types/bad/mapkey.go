package p

// Map key types must be comparable, checked once the key's type is complete.

type S struct{ f []int }

type R struct{ m map[R]int }

var a map[[]int]bool

var b map[S]int

var c map[[2]S]string

var d map[*S]int

func F[K any, V comparable](x map[K]V) {}

type KV[K comparable, V any] struct {
	k K
	v V
}

func G[K comparable, V any]() { _ = map[KV[K, V]]int{} }

func H() {
	type L struct{ s []string }
	_ = map[L]bool{}
}
