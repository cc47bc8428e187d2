// E2: Gosched sends the caller to the tail of the global queue.
// B (created last) is in runnext and runs first; then the two workers
// strictly alternate.
package main

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
)

var (
	lines = make([]string, 64)
	n     atomic.Int32
)

func record(s string) { lines[n.Add(1)-1] = s }

func worker(id string, wg *sync.WaitGroup) {
	for i := 0; i < 5; i++ {
		record(fmt.Sprint(id, i))
		runtime.Gosched()
	}
	wg.Done()
}

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	go worker("A", &wg)
	go worker("B", &wg)
	wg.Wait()
	fmt.Println(strings.Join(lines[:n.Load()], " "))
}
