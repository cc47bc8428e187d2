// runtime.NumGoroutine counts user goroutines only (system goroutines such as
// forcegc, bgsweep, bgscavenge, finalizer are excluded).
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	var out []string
	out = append(out, fmt.Sprint("start: ", runtime.NumGoroutine()))
	block := make(chan struct{})
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			<-block
			wg.Done()
		}()
	}
	out = append(out, fmt.Sprint("after go x3 (not yet run): ", runtime.NumGoroutine()))
	runtime.Gosched()
	out = append(out, fmt.Sprint("after Gosched (all 3 blocked): ", runtime.NumGoroutine()))
	close(block)
	wg.Wait()
	out = append(out, fmt.Sprint("after close+wg.Wait: ", runtime.NumGoroutine()))
	runtime.Gosched()
	out = append(out, fmt.Sprint("after another Gosched (all exited): ", runtime.NumGoroutine()))
	for _, s := range out {
		fmt.Println(s)
	}
}
