// Lesson 08 (issue 15): concurrency without parallelism. K goroutines each wait W ms — in time.Sleep
// (WAIT=sleep: a timer on the P's heap, the goroutine parked, "sleep"), on a pipe (WAIT=pipe: os.Pipe's file is
// non-blocking, so the goroutine parks in the netpoller, "IO wait", and the writer writes after W ms), or on a
// channel that a timer goroutine closes after W ms (WAIT=chan) — at the GOMAXPROCS given in the environment.
// None of them holds a P or a thread while it waits, so the waits overlap even on one P: the program takes about
// one wait, not K of them (here within 25 waits, where K waits in a row would be 1000). Exact times go to "measured:" lines; the compared lines state only what holds on
// every run (with a wide margin for a noisy machine).
package main

import (
	"fmt"
	"os"
	"runtime"
	"sync"
	"time"
)

const (
	k = 1000                  // goroutines
	w = 20 * time.Millisecond // each one's wait
)

func main() {
	wait := os.Getenv("WAIT")
	if wait == "" {
		wait = "sleep"
	}
	procs := runtime.GOMAXPROCS(0)
	var readers, writers []*os.File
	if wait == "pipe" {
		for i := 0; i < k; i++ {
			r, wr, err := os.Pipe()
			if err != nil {
				fmt.Println("pipe:", err)
				return
			}
			readers = append(readers, r)
			writers = append(writers, wr)
		}
	}
	done := make(chan struct{})
	start := time.Now()
	var wg sync.WaitGroup
	for i := 0; i < k; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			switch wait {
			case "sleep":
				time.Sleep(w)
			case "pipe":
				buf := make([]byte, 1)
				readers[i].Read(buf)
			case "chan":
				<-done
			}
		}()
	}
	switch wait {
	case "pipe":
		time.Sleep(w)
		for _, wr := range writers {
			wr.Write([]byte{1})
		}
	case "chan":
		time.Sleep(w)
		close(done)
	}
	wg.Wait()
	elapsed := time.Since(start)
	fmt.Printf("%d goroutines each waited %v (WAIT=%s), GOMAXPROCS=%d\n", k, w, wait, procs)
	fmt.Printf("done in less than 25 waits (%v), far from %d waits in a row (%v): %v\n", 25*w, k, k*w, elapsed < 25*w)
	fmt.Printf("measured: elapsed=%.1fms (%.0f%% of one wait over the wait itself), cores=%d\n",
		float64(elapsed.Microseconds())/1000, 100*float64(elapsed-w)/float64(w), runtime.NumCPU())
}
