// A deferred closure capturing a large array by reference.
package p

func report() int {
	var stats [64]int
	defer func() { println(stats[0]) }()
	stats[0] = 1
	return stats[0]
}
