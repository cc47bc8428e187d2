module goroutineworkbook/benchmarks

go 1.23
