// A defer inside an if: still at loop depth zero, open-coded.
package p

func maybeCleanup(flag bool, p *int) {
	if flag {
		defer func() { *p = 0 }()
	}
}
