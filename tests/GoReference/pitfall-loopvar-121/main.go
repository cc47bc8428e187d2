//go:build go1.21

// Loop-variable capture. Before Go 1.22 a for loop had ONE variable i for all
// iterations, so goroutines that read i after the loop see its last value, 3.
// From Go 1.22 each iteration has its own i. The build line sets this file's
// language version (pitfall-loopvar-121: go1.21; pitfall-loopvar-122: go1.22).
// `go vet` of Go 1.23.5 flags the go1.21 file ("loop variable i captured by
// func literal"); it reports nothing for pitfall-loopvar-outside (checked by
// hand; vet is not run by run.sh).
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	var seen []int
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			mu.Lock()
			seen = append(seen, i) // reads i when the goroutine runs, after the loop
			mu.Unlock()
			wg.Done()
		}()
	}
	wg.Wait()
	fmt.Println("goroutines saw:", seen)
}
