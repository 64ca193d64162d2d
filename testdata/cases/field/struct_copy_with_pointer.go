// Copying a struct copies its pointer fields: the pointee escapes with the copy.
package p

type ref struct{ p *int }

var saved ref

func save(r ref) {
	saved = r
}

func useSave() {
	v := 1
	save(ref{p: &v})
}
