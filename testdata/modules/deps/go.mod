module example.com/deps

go 1.22

require github.com/ExampleOrg/greet v1.2.0

require example.net/util v0.3.0 // indirect
