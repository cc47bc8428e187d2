// A goroutine panics while main sleeps. The whole process dies with exit
// code 2; main's deferred call does not run.
package main

import (
	"os"
	"time"
)

func main() {
	defer os.Stdout.WriteString("main deferred\n")
	go func() {
		panic("boom")
	}()
	time.Sleep(time.Second)
}
