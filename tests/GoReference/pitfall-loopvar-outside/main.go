// What Go 1.22 did not change: a variable declared OUTSIDE the loop is still
// one variable. Each goroutine is handed "the current batch", but main has
// already started the next batch when it runs, so it sees the last batch.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	var seen []string
	var wg sync.WaitGroup
	var batch []int
	for n := 1; n <= 9; n++ {
		batch = append(batch, n)
		if len(batch) == 3 {
			wg.Add(1)
			go func() {
				mu.Lock()
				seen = append(seen, fmt.Sprint(batch))
				mu.Unlock()
				wg.Done()
			}()
			batch = nil // start the next batch: the same variable
		}
	}
	wg.Wait()
	fmt.Println("goroutines saw:", seen)
}
