// Rule 3 of sync.Mutex, the semaphore's count: Unlock adds 1 to m.sema and readies
// a waiter (W). A goroutine (L) that reaches Lock before W runs finds the mutex
// locked, takes that count in semacquire1's easy case, loops in lockSlow and
// queues LIFO, at the head. When W runs it finds no count and queues again at
// the tail. So L takes the lock before W.
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
	locker := func(name string) {
		defer wg.Done()
		record(name + " lock")
		mu.Lock()
		record(name + " locked")
		mu.Unlock()
	}
	mu.Lock()
	wg.Add(2)
	go locker("W")
	runtime.Gosched() // W blocks in Lock
	record("main unlock 1")
	mu.Unlock() // W readied into runnext, m.sema = 1
	mu.Lock()   // main takes the lock again before W runs
	go locker("L") // L into runnext; W moves to the local queue
	runtime.Gosched() // L takes the count and queues at the head; W queues at the tail
	record("main unlock 2")
	mu.Unlock() // wakes the head: L
	wg.Wait()
	record("main end")
	fmt.Println(strings.Join(lines[:n.Load()], "\n"))
}
