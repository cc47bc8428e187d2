// Like e7-unlock-unlocked with another user goroutine blocked: does a sync
// fatal error list all goroutines (like a deadlock) or only the current one
// (like a panic)?
package main

import (
	"runtime"
	"sync"
)

var (
	mu sync.Mutex
	ch = make(chan int)
)

func main() {
	go func() { <-ch }()
	runtime.Gosched()
	mu.Unlock()
}
