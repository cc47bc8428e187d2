// The starvation hand-off's goyield when the unlocker's next step is a channel
// send: main hands the mutex to W and yields at once, so W runs before main's
// send readies R (which would otherwise take runnext ahead of W).
package main

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

var (
	lines = make([]string, 128)
	n     atomic.Int32
)

func record(s string) { lines[n.Add(1)-1] = s }

func busy(d time.Duration) {
	t0 := time.Now()
	for time.Since(t0) < d {
	}
}

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	mu.Lock()
	wg.Add(2)
	go func() {
		defer wg.Done()
		record("W lock")
		mu.Lock()
		record("W locked")
		mu.Unlock()
	}()
	runtime.Gosched() // W blocks in Lock
	busy(3 * time.Millisecond)
	mu.Unlock()       // normal mode: W is woken (runnext)
	mu.Lock()         // main takes the lock again before W runs
	runtime.Gosched() // W has waited over 1 ms: it sets mutexStarving and queues at the head
	ch := make(chan int)
	go func() {
		defer wg.Done()
		record("R waits")
		v := <-ch
		record(fmt.Sprint("R got ", v))
	}()
	runtime.Gosched() // R blocks in <-ch
	record("main unlock")
	mu.Unlock() // hand-off to W, and main yields before its send
	ch <- 1
	record("main sent")
	wg.Wait()
	record("main end")
	fmt.Println(strings.Join(lines[:n.Load()], "\n"))
}
