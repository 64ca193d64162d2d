module example.net/util

go 1.16
