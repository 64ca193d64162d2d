// A struct with an interface field: storing a pointer in it.
package p

type logger interface{ log(string) }

type service struct {
	l logger
}

type stdout struct{ prefix string }

func (s *stdout) log(m string) { println(s.prefix, m) }

func newService() *service {
	return &service{l: &stdout{prefix: "svc"}}
}
