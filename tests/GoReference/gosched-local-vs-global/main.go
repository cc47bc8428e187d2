// main creates G1, G2, G3 and calls Gosched: main goes to the global tail,
// the local queue (runnext G3, ring G1 G2) drains first.
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

func main() {
	var wg sync.WaitGroup
	for i := 1; i <= 3; i++ {
		wg.Add(1)
		go func() {
			record(fmt.Sprint("G", i))
			wg.Done()
		}()
	}
	record("main-before-gosched")
	runtime.Gosched()
	record("main-after-gosched")
	wg.Wait()
	fmt.Println(strings.Join(lines[:n.Load()], " "))
}
