package p

var g *string

func f(s string) { t := s + "é<&>\u2028"; g = &t }

func h(n int) []int { return make([]int, n) }
