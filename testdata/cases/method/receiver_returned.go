// A pointer method returning its receiver (builder style).
package p

type builder struct{ parts []string }

func (b *builder) add(s string) *builder {
	b.parts = append(b.parts, s)
	return b
}

func build() int {
	var b builder
	b.add("a").add("b")
	return len(b.parts)
}
