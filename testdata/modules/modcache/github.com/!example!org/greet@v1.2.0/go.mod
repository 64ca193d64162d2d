module github.com/ExampleOrg/greet

go 1.20

require example.net/util v0.3.0
