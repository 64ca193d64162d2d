module example.com/replaced

go 1.22

require (
	example.net/local v0.0.0
	github.com/ExampleOrg/greet v1.2.0
)

require example.net/util v0.3.0 // indirect

replace example.net/local => ./local

replace github.com/ExampleOrg/greet v1.2.0 => github.com/ExampleOrg/greet v1.1.0
