// A type switch whose case variable is returned.
package p

func first(v any) any {
	switch x := v.(type) {
	case []any:
		return x[0]
	case *int:
		return x
	}
	return nil
}
