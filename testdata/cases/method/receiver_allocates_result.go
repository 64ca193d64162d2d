// A method on a pointer receiver that returns a new value.
package p

type matrix struct{ cells [4]float64 }

func (m *matrix) scaled(k float64) *matrix {
	r := &matrix{}
	for i, c := range m.cells {
		r.cells[i] = c * k
	}
	return r
}
