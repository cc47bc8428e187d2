// A goroutine created just before main returns never runs with GOMAXPROCS=1:
// it only sits in runnext when main returns and the process exits.
package main

import "os"

func main() {
	os.Stdout.WriteString("main: before go\n")
	go func() {
		os.Stdout.WriteString("goroutine ran\n")
	}()
}
