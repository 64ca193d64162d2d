// A function that only names os.Open's result: the *File type is read whole, so gc
// instantiates atomic.Pointer[os.dirInfo]'s methods though nothing calls them.
package p

import "os"

func exists(name string) bool {
	f, err := os.Open(name)
	if err != nil {
		return false
	}
	_ = f
	return true
}
