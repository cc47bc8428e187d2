module goreference

go 1.23
