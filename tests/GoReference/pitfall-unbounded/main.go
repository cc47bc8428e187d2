// Unbounded spawning against a worker pool: one goroutine per job makes as
// many goroutines as there are jobs (hundreds alive at once; how many depends on
// how fast the first ones finish); a pool of 4 workers
// reading a channel of jobs never has more than 4 (+ main).
package main

import (
	"fmt"
	"os"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	var peak atomic.Int64
	note := func() {
		n := int64(runtime.NumGoroutine())
		for {
			p := peak.Load()
			if n <= p || peak.CompareAndSwap(p, n) {
				return
			}
		}
	}
	job := func(int) { note(); time.Sleep(time.Millisecond) }
	var wg sync.WaitGroup
	if os.Getenv("MODE") == "pool" {
		jobs := make(chan int)
		for w := 0; w < 4; w++ {
			wg.Add(1)
			go func() {
				for j := range jobs {
					job(j)
				}
				wg.Done()
			}()
		}
		for j := 0; j < 1000; j++ {
			jobs <- j
		}
		close(jobs)
	} else {
		for j := 0; j < 1000; j++ {
			wg.Add(1)
			go func() { job(j); wg.Done() }()
		}
	}
	wg.Wait()
	fmt.Println("measured: peak NumGoroutine:", peak.Load())
	fmt.Println("more than 100 goroutines at once:", peak.Load() > 100)
	fmt.Println("at most 5 goroutines at once:", peak.Load() <= 5)
}
