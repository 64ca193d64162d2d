// clear on a map parameter.
package p

func reset(m map[string]int) {
	clear(m)
}
