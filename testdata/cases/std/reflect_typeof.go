// reflect.TypeOf and reflect.ValueOf of a local struct and its address.
package p

import "reflect"

type item struct {
	ID   int
	Name string
}

func kindName() string {
	it := item{1, "x"}
	t := reflect.TypeOf(it)
	v := reflect.ValueOf(&it).Elem()
	return t.Name() + v.Field(1).String()
}
