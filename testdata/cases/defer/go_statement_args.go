// A go statement with a method call: the receiver escapes.
package p

type server struct{ port int }

func (s *server) listen() { println(s.port) }

func start() {
	s := server{port: 80}
	go s.listen()
}
