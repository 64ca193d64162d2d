// go f(x): arguments of a go statement escape.
package p

func work(p *int) { *p = 1 }

func start() {
	x := 0
	go work(&x)
}
