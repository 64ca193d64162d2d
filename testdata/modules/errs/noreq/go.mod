module example.com/noreq

go 1.22
