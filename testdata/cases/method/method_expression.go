// A method expression is a plain function with the receiver as first parameter.
package p

type item struct{ n int }

func (i *item) double() int { return i.n * 2 }

func viaExpr() int {
	it := item{n: 4}
	return (*item).double(&it)
}
