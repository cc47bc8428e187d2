// wg.Add inside the goroutine races with wg.Wait: at GOMAXPROCS=1 none of the
// goroutines has run when main calls Wait, the counter is still 0, and Wait
// returns at once. MODE=before calls Add before each go statement.
// `go vet` of Go 1.23.5 reports nothing here (checked by hand; vet is not run
// by run.sh).
package main

import (
	"fmt"
	"os"
	"sync"
	"sync/atomic"
)

func main() {
	before := os.Getenv("MODE") == "before"
	var done atomic.Int32
	var wg sync.WaitGroup
	for i := 0; i < 5; i++ {
		if before {
			wg.Add(1)
		}
		go func() {
			if !before {
				wg.Add(1)
			}
			done.Add(1)
			wg.Done()
		}()
	}
	wg.Wait()
	fmt.Println("done when Wait returned:", done.Load(), "of 5")
}
