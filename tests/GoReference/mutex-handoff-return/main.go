// The starvation hand-off's goyield when the unlocker returns right after
// Unlock: U unlocks the mutex main holds (Go allows another goroutine to unlock
// it), hands it to the starving waiter W and yields — so U still exists while W
// runs (runtime.NumGoroutine counts it), and exits only when it runs again:
// after main, which W's wg.Done readied into runnext.
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
	wg.Add(1)
	go func() {
		defer wg.Done()
		record("W lock")
		mu.Lock()
		record(fmt.Sprint("W locked, goroutines: ", runtime.NumGoroutine()))
		mu.Unlock()
	}()
	runtime.Gosched() // W blocks in Lock
	busy(3 * time.Millisecond)
	mu.Unlock()       // normal mode: W is woken (runnext)
	mu.Lock()         // main takes the lock again before W runs
	runtime.Gosched() // W has waited over 1 ms: it sets mutexStarving and queues at the head
	go func() {
		record("U unlock")
		mu.Unlock() // hand-off to W; U yields before it returns
	}()
	record(fmt.Sprint("main waits, goroutines: ", runtime.NumGoroutine()))
	wg.Wait()
	record(fmt.Sprint("main end, goroutines: ", runtime.NumGoroutine()))
	fmt.Println(strings.Join(lines[:n.Load()], "\n"))
}
