// Package inner's facts differ between its builds: with -l, apply's call of an unknown
// function leaks p; inlined, the literal's call is direct and p does not escape.
package inner

func apply(f func(*int), p *int) { f(p) }

func Use(p *int) { apply(func(q *int) {}, p) }
