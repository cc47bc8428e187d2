// A panic in one goroutine ends the whole program, even though main has a
// deferred recover: recover only stops a panic of its own goroutine. The
// runtime prints "panic: ...", the panicking goroutine and who created it;
// main's deferred function never runs, and exit status is 2.
package main

import (
	"os"
	"strconv"
	"sync"
)

func main() {
	defer func() {
		if recover() != nil {
			os.Stdout.WriteString("main recovered\n")
		}
	}()
	inputs := []string{"1", "2", "x", "4"}
	var wg sync.WaitGroup
	for _, s := range inputs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n, err := strconv.Atoi(s)
			if err != nil {
				panic(err)
			}
			_ = n
		}()
	}
	wg.Wait()
}
