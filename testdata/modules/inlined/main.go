// Inlining on: a dependency whose package name is not its path's last element, and
// closures that call each other, inlined into the function that declares them.
package main

import (
	"bytes"

	"example.com/inlined/hook"
	"example.net/go-width"
)

func wrap(s string) string {
	var buf, space, word bytes.Buffer
	n := 0
	addSpace := func() {
		n += width.Of(space.String())
		buf.Write(space.Bytes())
		space.Reset()
	}
	addWord := func() {
		if word.Len() == 0 {
			return
		}
		addSpace()
		buf.Write(word.Bytes())
		word.Reset()
	}
	for _, r := range s {
		if r == ' ' {
			addWord()
			space.WriteRune(r)
		} else {
			word.WriteRune(r)
		}
	}
	addWord()
	return buf.String()
}

func main() {
	hook.Apply(hook.Hook(func() {}))
	keepInt = hook.Identity()(new(int))
	keepAny = hook.Count([]int{1, 2})
	println(wrap("a b c"), width.Of("abc"), area, parser.Run("x"), len(stamped.Text()))
}

var keepInt *int

var keepAny any
