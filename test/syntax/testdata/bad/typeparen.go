package p
type T[P any struct{}
