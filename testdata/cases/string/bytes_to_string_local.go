// A converted string that stays local uses a stack buffer when small.
package p

func equalsHello(b []byte) bool {
	s := string(b)
	return s == "hello"
}
