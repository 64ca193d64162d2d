module example.com/oldmvs

go 1.16

require (
	github.com/ExampleOrg/greet v1.2.0
	example.net/util v0.2.0
)
