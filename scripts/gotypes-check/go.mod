module goesc/scripts/gotypes-check

go 1.26
