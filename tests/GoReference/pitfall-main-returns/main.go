// main returns before its goroutines: when main.main returns the process
// exits, and goroutines that have not run yet never run. MODE=wait waits for
// them with a WaitGroup.
package main

import (
	"fmt"
	"os"
	"sync"
	"sync/atomic"
)

func main() {
	var ran atomic.Int32
	var wg sync.WaitGroup
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			ran.Add(1)
			wg.Done()
		}()
	}
	if os.Getenv("MODE") == "wait" {
		wg.Wait()
	}
	fmt.Println("goroutines that ran before main returned:", ran.Load(), "of 5")
}
