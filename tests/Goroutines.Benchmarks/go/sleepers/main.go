// sleepers: 10,000 goroutines each sleeping 100 ms; prints "sleepers MS" (wall time from the first
// go statement until all have woken) per measured repetition.
package main

import (
	"fmt"
	"os"
	"strconv"
	"sync"
	"time"
)

func once() float64 {
	var wg sync.WaitGroup
	start := time.Now()
	wg.Add(10_000)
	for i := 0; i < 10_000; i++ {
		go func() {
			time.Sleep(100 * time.Millisecond)
			wg.Done()
		}()
	}
	wg.Wait()
	return float64(time.Since(start).Nanoseconds()) / 1e6
}

func main() {
	reps := 1
	if len(os.Args) > 1 {
		reps, _ = strconv.Atoi(os.Args[1])
	}
	once()
	for i := 0; i < reps; i++ {
		fmt.Printf("sleepers %g\n", once())
	}
}
