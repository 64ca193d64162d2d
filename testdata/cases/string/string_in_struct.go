// A string field of a returned struct.
package p

type person struct{ name string }

func newPerson(first, last string) *person {
	return &person{name: first + " " + last}
}
