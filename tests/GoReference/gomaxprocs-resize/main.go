// Lesson 05 (issue 14): runtime.GOMAXPROCS(n) changed while a program runs. It returns the previous
// value; GOMAXPROCS(0) only asks. n may exceed the machine's cores (Ps are not cores). Goroutines queued
// on Ps that a shrink destroys still run (procresize moves them to the global queue).
package main

import (
	"fmt"
	"runtime"
	"sync"
	"time"
)

var sink [16]int

func spin(i int, d time.Duration) {
	end := time.Now().Add(d)
	for time.Now().Before(end) {
		for j := 0; j < 1000; j++ {
			sink[i] += j
		}
	}
}

func main() {
	var lines []string
	say := func(format string, a ...any) { lines = append(lines, fmt.Sprintf(format, a...)) }
	say("start: GOMAXPROCS(0) = %d", runtime.GOMAXPROCS(0))
	say("GOMAXPROCS(8) returned %d (the machine has %d cores)", runtime.GOMAXPROCS(8), runtime.NumCPU())
	say("now GOMAXPROCS(0) = %d", runtime.GOMAXPROCS(0))

	// 16 goroutines of 20 ms CPU work each, spread over 8 Ps; shrink to 1 P while they run.
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	for i := 0; i < 16; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			spin(i, 20*time.Millisecond)
			mu.Lock()
			done++
			mu.Unlock()
		}()
	}
	time.Sleep(5 * time.Millisecond)
	say("GOMAXPROCS(1) while they run returned %d", runtime.GOMAXPROCS(1))
	wg.Wait()
	say("after the shrink to 1 P: %d of 16 goroutines finished", done)
	say("GOMAXPROCS(0) = %d; GOMAXPROCS(-1) = %d (n < 1 only asks)", runtime.GOMAXPROCS(0), runtime.GOMAXPROCS(-1))
	for _, l := range lines {
		fmt.Println(l)
	}
}
