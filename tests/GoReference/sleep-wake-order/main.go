// Goroutines sleeping 3 ms, 1 ms and 2 ms (started in that order) wake in
// timer order: 1, 2, 3.
package main

import (
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

var (
	lines = make([]string, 64)
	n     atomic.Int32
)

func record(s string) { lines[n.Add(1)-1] = s }

func main() {
	var wg sync.WaitGroup
	for _, ms := range []int{3, 1, 2} {
		wg.Add(1)
		go func() {
			time.Sleep(time.Duration(ms) * time.Millisecond)
			record(fmt.Sprint(ms, "ms"))
			wg.Done()
		}()
	}
	wg.Wait()
	fmt.Println(strings.Join(lines[:n.Load()], " "))
}
