// errors.Is against a package-level sentinel error.
package p

import "errors"

var errMissing = errors.New("missing")

func find(m map[string]int, k string) (int, error) {
	v, ok := m[k]
	if !ok {
		return 0, errMissing
	}
	return v, nil
}

func isMissing(err error) bool {
	return errors.Is(err, errMissing)
}
