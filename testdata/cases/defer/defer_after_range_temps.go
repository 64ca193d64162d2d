package p

// A range loop's temporaries come before a deferred call's: gc numbers the closure
// temporaries of `defer func(r *int) {...}(q)` after the loop's, goesc one higher (-m=2).
// Found by the fuzzer.

var sink any

func f(s []int) int {
	x := 0
	q := new(int)
	for _, v := range s {
		x += v
	}
	defer func(r *int) { sink = r }(q)
	return x
}
