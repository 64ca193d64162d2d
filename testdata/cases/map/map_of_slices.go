// A map of slices: appending to a slice stored in the map.
package p

func group(pairs [][2]string) map[string][]string {
	out := map[string][]string{}
	for _, p := range pairs {
		out[p[0]] = append(out[p[0]], p[1])
	}
	return out
}
