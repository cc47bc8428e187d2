// Rule 1 of sync.Mutex, the woken bit: Unlock wakes a waiter only if no waiter it
// already woke is still pending (unlockSlow returns while mutexWoken is set).
// main holds the mutex; B then A block in Lock (queue B, A). main unlocks (B is
// woken into runnext, mutexWoken is set), locks again before B runs (barging),
// and unlocks again: the woken bit is still set, so A is not woken and B, the
// first waiter, takes the lock first.
package main

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
)

var (
	lines = make([]string, 128)
	n     atomic.Int32
)

func record(s string) { lines[n.Add(1)-1] = s }

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	mu.Lock()
	for _, name := range []string{"A", "B"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			record(name + " lock")
			mu.Lock()
			record(name + " locked")
			mu.Unlock()
		}()
	}
	runtime.Gosched() // B (runnext) then A block in Lock; main comes back from the global queue
	record("main unlock 1")
	mu.Unlock() // wakes B: runnext, mutexWoken set
	mu.Lock()   // B has not run yet: main takes the lock again
	record("main unlock 2")
	mu.Unlock() // mutexWoken is still set: nobody is woken
	wg.Wait()
	record("main end")
	fmt.Println(strings.Join(lines[:n.Load()], "\n"))
}
