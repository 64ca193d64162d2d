// Building a linked list: every node outlives the loop iteration.
package p

type item struct {
	v    int
	next *item
}

func build(n int) *item {
	var head *item
	for i := 0; i < n; i++ {
		head = &item{v: i, next: head}
	}
	return head
}
