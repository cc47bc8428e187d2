// Lesson 04 (04.child-runs-next): main starts N goroutines on one P; goroutine
// PARENT first starts a child that records 100+PARENT. newproc puts every new
// goroutine in the current P's runnext, whoever creates it, so the child runs
// right after its parent, ahead of the goroutines still in the ring.
package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

var (
	lines = make([]string, 64)
	n     atomic.Int32
)

func record(s string) { lines[n.Add(1)-1] = s }

func env(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil {
		return v
	}
	return def
}

func main() {
	count, parent := env("N", 4), env("PARENT", 1)
	var wg sync.WaitGroup
	for i := 0; i < count; i++ {
		wg.Add(1)
		go func() {
			if i == parent {
				wg.Add(1)
				go func() {
					record(fmt.Sprint(100 + i))
					wg.Done()
				}()
			}
			record(fmt.Sprint(i))
			wg.Done()
		}()
	}
	wg.Wait()
	fmt.Println(strings.Join(lines[:n.Load()], " "))
}
