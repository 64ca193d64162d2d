// []rune of a constant string is the slice literal of its runes (typecheck's
// stringtoruneslit), printed `[]rune{...}`; of a variable it stays a conversion.
package p

type myRune rune

const tab = "\t"

var sink [][]rune

func keep() {
	sink = append(sink, []rune("ab"), []rune(tab))
}

func local(s string) int {
	a := []rune("héllo")
	b := []myRune("x\xffy")
	c := []rune("")
	d := []rune(s)
	return len(a) + len(b) + len(c) + len(d)
}

func ret() []rune {
	return []rune("returned")
}
