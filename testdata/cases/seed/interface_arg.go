// Decision table: a value passed as interface{} to a function that keeps it.
package p

var sink interface{}

func keep(v interface{}) { sink = v }

func interfaceArg() {
	n := 1000
	keep(n)
}
