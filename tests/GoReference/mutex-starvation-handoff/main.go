// Rule 2 of sync.Mutex, the starvation hand-off: once a waiter has waited more
// than 1 ms, the mutex is in starvation mode and Unlock hands it the lock
// (semrelease1 with handoff: ticket = 1) and calls goyield: the waiter runs at
// once on the unlocker's time slice, and the unlocker goes to the tail of its P's
// LOCAL queue — so it runs again before Y, which waits in the global queue
// (runtime.Gosched would have put main behind Y).
// main busy-waits 3 ms (measured with the clock; no sleep, no timer) so that W
// has waited more than 1 ms when it is woken.
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
		record("W unlocked")
	}()
	runtime.Gosched() // W blocks in Lock
	busy(3 * time.Millisecond)
	mu.Unlock()       // normal mode: W is woken (runnext)
	mu.Lock()         // main takes the lock again before W runs
	runtime.Gosched() // W has waited over 1 ms: it sets mutexStarving and queues at the head
	ready := make(chan struct{})
	go func() {
		defer wg.Done()
		record("Y gosched")
		ready <- struct{}{} // main is readied into runnext
		runtime.Gosched()   // Y goes to the global queue
		record("Y after gosched")
	}()
	<-ready // Y runs; main comes back from runnext, Y waits in the global queue
	record("main unlock")
	mu.Unlock() // starvation mode: hand-off to W, and main yields to its P's local queue
	record("main after unlock")
	wg.Wait()
	record("main end")
	fmt.Println(strings.Join(lines[:n.Load()], "\n"))
}
