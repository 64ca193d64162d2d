module example.net/local

go 1.21
