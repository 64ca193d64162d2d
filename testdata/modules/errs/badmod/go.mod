module example.com/badmod

go 1.22

require example.org/x
