// The value stored in an interface is a receiver of a dynamic call: it leaks.
package p

type stringer interface{ String() string }

type name string

func (n name) String() string { return string(n) }

func show(s stringer) string {
	return s.String()
}

func useShow(v string) string {
	return show(name(v))
}
