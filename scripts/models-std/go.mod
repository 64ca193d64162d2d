module goesc/models-std

go 1.26
