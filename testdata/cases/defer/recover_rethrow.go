// recover and re-panic with a wrapped value.
package p

type wrapped struct{ inner any }

func guard(f func()) {
	defer func() {
		if r := recover(); r != nil {
			panic(wrapped{r})
		}
	}()
	f()
}
