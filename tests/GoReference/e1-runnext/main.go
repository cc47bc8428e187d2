// E1: with GOMAXPROCS=1 each new goroutine goes into runnext and kicks the
// previous one to the tail of the local ring. After the loop runnext=G9,
// ring=[G0..G8]; main parks in wg.Wait, so G9 runs first, then the ring FIFO.
package main

import (
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
)

var (
	lines = make([]string, 64)
	n     atomic.Int32
)

func record(s string) { lines[n.Add(1)-1] = s }

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			record(fmt.Sprint(i))
			wg.Done()
		}()
	}
	wg.Wait()
	fmt.Println(strings.Join(lines[:n.Load()], " "))
}
