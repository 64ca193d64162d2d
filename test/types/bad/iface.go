package p

type I interface{ M() }

type T struct{}

func (*T) M() {}

var _ I = T{}
