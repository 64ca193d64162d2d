// A func local chosen in a switch: every case assigns a static function.
package p

type buf struct{ data []byte }

func first(b *buf) byte { return b.data[0] }
func count(b *buf) byte { return byte(len(b.data)) }
func zero(b *buf) byte  { return 0 }

func pick(k int) byte {
	var f func(*buf) byte
	switch k {
	case 0:
		f = first
	case 1:
		f = count
	default:
		f = zero
	}
	b := buf{data: make([]byte, 4)}
	return f(&b)
}
