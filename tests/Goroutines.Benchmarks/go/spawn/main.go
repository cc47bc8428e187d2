// spawn: start 1,000,000 goroutines that each call wg.Done, and wait for all.
// Prints "spawn NS_PER_GOROUTINE" for each measured repetition, after one warm-up.
package main

import (
	"fmt"
	"os"
	"strconv"
	"sync"
	"time"
)

const n = 1_000_000

func once() float64 {
	var wg sync.WaitGroup
	start := time.Now()
	wg.Add(n)
	for i := 0; i < n; i++ {
		go func() { wg.Done() }()
	}
	wg.Wait()
	return float64(time.Since(start).Nanoseconds()) / n
}

func main() {
	reps := 1
	if len(os.Args) > 1 {
		reps, _ = strconv.Atoi(os.Args[1])
	}
	once()
	for i := 0; i < reps; i++ {
		fmt.Printf("spawn %g\n", once())
	}
}
