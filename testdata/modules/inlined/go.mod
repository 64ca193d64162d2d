module example.com/inlined

go 1.22

require example.net/go-width v0.1.0
