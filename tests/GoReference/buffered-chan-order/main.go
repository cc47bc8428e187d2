// Buffered channel, cap 3. main fills it with 1 2 3, starts senders S4 S5 S6
// (each sends its number) and yields so they block in sendq (in the order they
// ran: S6 S4 S5, by runnext). main then receives 6 values. A receive from a
// full buffer takes the head and moves the first blocked sender's value into
// the freed tail slot, readying that sender.
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
	var wg sync.WaitGroup
	ch := make(chan int, 3)
	for i := 1; i <= 3; i++ {
		ch <- i
	}
	for i := 4; i <= 6; i++ {
		wg.Add(1)
		go func() {
			record(fmt.Sprint("S", i, " sending"))
			ch <- i
			record(fmt.Sprint("S", i, " sent"))
			wg.Done()
		}()
	}
	runtime.Gosched()
	for k := 0; k < 6; k++ {
		v := <-ch
		record(fmt.Sprint("main recv ", v))
	}
	wg.Wait()
	fmt.Println(strings.Join(lines[:n.Load()], "\n"))
}
