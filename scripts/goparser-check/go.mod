module goesc/goparser-check

go 1.26
