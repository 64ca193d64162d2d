module example.net/go-width

go 1.22
