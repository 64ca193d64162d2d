// A pointer type satisfying an interface, used through the interface.
package p

type speaker interface{ speak() string }

type dog struct{ name string }

func (d *dog) speak() string { return d.name }

func talk(s speaker) string { return s.speak() }

func pet() string {
	d := dog{name: "rex"}
	return talk(&d)
}
