// hash/maphash hashing a string with a fresh seed.
package p

import "hash/maphash"

func hashOf(s string) uint64 {
	var h maphash.Hash
	h.WriteString(s)
	return h.Sum64()
}
