//go:build go1.22

// Loop-variable capture. Before Go 1.22 a for loop had ONE variable i for all
// iterations, so goroutines that read i after the loop see its last value, 3.
// From Go 1.22 each iteration has its own i. The build line sets this file's
// language version (this file: go1.22; pitfall-loopvar-121: the same program as go1.21).
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
