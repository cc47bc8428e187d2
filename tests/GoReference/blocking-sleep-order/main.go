// Goroutines started in the order 30 ms, 10 ms, 20 ms each Sleep that long. Each
// Sleep parks its goroutine ("sleep") with a timer in the P's heap; an M running
// the scheduler on that P finds each expired timer and readies its goroutine.
// The sleeps are 10 ms apart, far more than a timer check's jitter, so they wake
// in timer order. Line 1: the order they went to sleep; line 2: the order they woke.
package main

import (
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

var (
	slept = make([]string, 8)
	ns    atomic.Int32
	woke  = make([]string, 8)
	nw    atomic.Int32
)

func main() {
	var wg sync.WaitGroup
	for _, ms := range []int{30, 10, 20} {
		wg.Add(1)
		go func() {
			slept[ns.Add(1)-1] = fmt.Sprint(ms, "ms")
			time.Sleep(time.Duration(ms) * time.Millisecond)
			woke[nw.Add(1)-1] = fmt.Sprint(ms, "ms")
			wg.Done()
		}()
	}
	wg.Wait()
	fmt.Println("slept:", strings.Join(slept[:ns.Load()], " "))
	fmt.Println("woke:", strings.Join(woke[:nw.Load()], " "))
}
