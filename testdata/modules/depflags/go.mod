module example.com/depflags

go 1.22
