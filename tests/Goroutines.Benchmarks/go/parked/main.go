// parked: 100,000 goroutines parked receiving on one channel, at GOMAXPROCS=1. Prints
// "parked BYTES_PER_GOROUTINE": the growth of heap in use plus goroutine stacks in use
// (runtime.ReadMemStats after a GC) between before the first go statement and while all are parked.
// Measured once per process, without a warm-up: a second round in the same process reuses the first
// round's dead goroutines and their stacks, and ReadMemStats then counts stack spans that are only
// partly used (about 4 KB per goroutine instead of 2 KB), which is not what one parked goroutine costs.
package main

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
	"sync"
	"time"
)

const n = 100_000

func inuse() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc + m.StackInuse
}

func once() float64 {
	ch := make(chan int)
	var wg sync.WaitGroup
	before := inuse()
	wg.Add(n)
	for i := 0; i < n; i++ {
		go func() {
			<-ch
			wg.Done()
		}()
	}
	for runtime.NumGoroutine() < n+1 {
		time.Sleep(time.Millisecond)
	}
	time.Sleep(20 * time.Millisecond) // let every one reach its receive
	after := inuse()
	close(ch)
	wg.Wait()
	return float64(after-before) / n
}

func main() {
	reps := 1
	if len(os.Args) > 1 {
		reps, _ = strconv.Atoi(os.Args[1])
	}
	runtime.GOMAXPROCS(1)
	if reps != 1 {
		fmt.Fprintln(os.Stderr, "parked measures once per process: run the process again for more samples")
		os.Exit(2)
	}
	fmt.Printf("parked %g\n", once())
}
