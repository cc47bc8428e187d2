// A CPU-busy program for GODEBUG=schedtrace=10[,scheddetail=1]: 100 goroutines
// spin for ~60 ms (async preemption moves them through the global queue).
package main

import (
	"fmt"
	"sync"
	"time"
)

var sink int

func spin(until time.Time) int {
	x := 0
	for time.Now().Before(until) {
		for i := 0; i < 1000; i++ {
			x += i
		}
	}
	return x
}

func main() {
	until := time.Now().Add(60 * time.Millisecond)
	var wg sync.WaitGroup
	var mu sync.Mutex
	for i := 0; i < 100; i++ {
		wg.Add(1)
		go func() {
			x := spin(until)
			mu.Lock()
			sink += x
			mu.Unlock()
			wg.Done()
		}()
	}
	wg.Wait()
	fmt.Println("done")
}
