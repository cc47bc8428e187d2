// E1 variant: main yields with runtime.Gosched() instead of wg.Wait().
// Gosched puts main on the *global* queue, so the local queue (runnext G9,
// then ring G0..G8) drains first and main runs last.
package main

import (
	"fmt"
	"runtime"
	"strings"
	"sync/atomic"
)

var (
	lines = make([]string, 64)
	n     atomic.Int32
)

func record(s string) { lines[n.Add(1)-1] = s }

func main() {
	for i := 0; i < 10; i++ {
		go func() { record(fmt.Sprint(i)) }()
	}
	runtime.Gosched()
	record("main")
	fmt.Println(strings.Join(lines[:n.Load()], " "))
}
