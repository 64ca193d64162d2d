// A callee allocates and returns; the caller stores it globally.
package p

type buf struct{ b [64]byte }

func newBuf() *buf { return &buf{} }

var global *buf

func install() {
	global = newBuf()
}
