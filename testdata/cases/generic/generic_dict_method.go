// A method of a type parameter is called through the dictionary: its arguments leak.
package p

type namer interface{ name(buf []byte) string }

type user struct{ id int }

func (u *user) name(buf []byte) string { return string(buf) }

type tag string

func (t tag) name(buf []byte) string { return string(t) }

func describe[T namer](v T) string {
	buf := make([]byte, 8)
	return v.name(buf)
}

func useDescribe() (string, string) {
	return describe(&user{1}), describe(tag("t"))
}
