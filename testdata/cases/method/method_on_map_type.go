// Methods on a named map type.
package p

type set map[string]struct{}

func (s set) add(k string) { s[k] = struct{}{} }

func newSet(keys []string) set {
	s := set{}
	for _, k := range keys {
		s.add(k)
	}
	return s
}
