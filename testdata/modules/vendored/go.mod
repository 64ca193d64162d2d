module example.com/vendored

go 1.22

require github.com/ExampleOrg/greet v1.1.0
