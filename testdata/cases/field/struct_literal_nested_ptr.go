// A nested &T{} inside a struct literal that escapes.
package p

type leaf struct{ v int }
type branch struct{ l *leaf }

func tree() *branch {
	return &branch{l: &leaf{v: 1}}
}
