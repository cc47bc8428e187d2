// Three goroutines started in order S1 S2 S3 (they first run S3 S1 S2, by
// runnext) each sleep 1 ms. Line 1: the order in which they started sleeping.
// Line 2: the order in which they ran after waking. The timers expire
// microseconds apart, so whether they are readied in one timer check or in
// several is timing dependent.
package main

import (
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

var (
	start = make([]string, 8)
	ns    atomic.Int32
	woke  = make([]string, 8)
	nw    atomic.Int32
)

func main() {
	var wg sync.WaitGroup
	for i := 1; i <= 3; i++ {
		wg.Add(1)
		go func() {
			start[ns.Add(1)-1] = fmt.Sprint("S", i)
			time.Sleep(time.Millisecond)
			woke[nw.Add(1)-1] = fmt.Sprint("S", i)
			wg.Done()
		}()
	}
	wg.Wait()
	fmt.Println("slept:", strings.Join(start[:ns.Load()], " "))
	fmt.Println("woke:", strings.Join(woke[:nw.Load()], " "))
}
