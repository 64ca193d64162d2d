// Labeled break and continue do not change escape decisions.
package p

func search(grid [][]int, want int) *int {
outer:
	for i := range grid {
		for j := range grid[i] {
			if grid[i][j] < 0 {
				continue outer
			}
			if grid[i][j] == want {
				return &grid[i][j]
			}
		}
	}
	return nil
}
