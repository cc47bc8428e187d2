// newproc puts every new G in its P's runnext and kicks the G that was there to
// the tail of the local ring. With GOMAXPROCS=1, main creates K goroutines
// (runnext = K-1, ring = 0..K-2) and parks in wg.Wait. Goroutine PARENT, when it
// runs, creates one more goroutine "c": c goes into the (empty) runnext, so it
// runs as soon as its parent ends, ahead of everything in the ring.
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
	k, parent := env("K", 4), env("PARENT", 0)
	var wg sync.WaitGroup
	for i := 0; i < k; i++ {
		wg.Add(1)
		go func() {
			record(fmt.Sprint(i))
			if i == parent {
				wg.Add(1)
				go func() {
					record("c")
					wg.Done()
				}()
			}
			wg.Done()
		}()
	}
	wg.Wait()
	fmt.Println(strings.Join(lines[:n.Load()], " "))
}
