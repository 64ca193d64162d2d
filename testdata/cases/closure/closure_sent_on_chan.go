// A closure sent on a channel escapes.
package p

func submit(jobs chan func(), id int) {
	jobs <- func() { println(id) }
}
