// Interface conversions: which need runtime.convT* and which do not.
package p

type small struct{ a, b int32 }

type withPtr struct {
	p *int
	n int
}

type Stringer interface{ String() string }

type name string

func (n name) String() string { return string(n) }

var sink any
var sinkS Stringer

func convs(i int, i16 int16, i32 int32, f float64, s string, b []byte, sm small, wp withPtr, p *int, u8 uint8, ok bool) {
	sink = i
	sink = i16
	sink = i32
	sink = f
	sink = s
	sink = b
	sink = sm
	sink = wp
	sink = p
	sink = u8
	sink = ok
	sink = 42
	sink = "const"
	sink = small{}
	sink = struct{}{}
}

func convNamed(n name) { sinkS = n }

func convLocal(i int) bool {
	var x any = i
	return x != nil
}

func ifaceToIface(s Stringer) { sink = s }

func panicky(i int) {
	if i > 0 {
		panic(i)
	}
}
