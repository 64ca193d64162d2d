module goesc.local/layout

go 1.26
