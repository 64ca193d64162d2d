// A package-level map literal of 20 IR nodes or more is initialised in its own function,
// map.init.N (gc's outlined map initialisers); a smaller one stays in init.
package p

var days = map[string]int{"mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6, "sun": 7}

var few = map[string]int{"a": 1}

var ptrs = map[string]*int{"a": nil, "b": nil, "c": nil, "d": nil, "e": nil, "f": nil, "g": nil}

func lookup(k string) int { return days[k] }
