// E5: close() readies the waiters so that the first waiter ends up in
// runnext and the others in the ring in reverse wait order.
// Line 1: the order in which the five goroutines blocked on <-done.
// Line 2: the order in which they woke after close(done).
package main

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
)

var (
	blocked = make([]int, 8)
	nb      atomic.Int32
	woke    = make([]int, 8)
	nw      atomic.Int32
)

func main() {
	var wg sync.WaitGroup
	done := make(chan struct{})
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			blocked[nb.Add(1)-1] = i
			<-done
			woke[nw.Add(1)-1] = i
			wg.Done()
		}()
	}
	runtime.Gosched()
	close(done)
	wg.Wait()
	fmt.Println("blocked:", blocked[:nb.Load()])
	fmt.Println("woke:", woke[:nw.Load()])
}
