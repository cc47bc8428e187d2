// cpu: 640 ms of CPU-bound work split over 64 goroutines (a busy loop of 10 ms each, measured on
// the wall clock as the C# Work(d) is), at GOMAXPROCS 1 and then 2. Prints "cpu SPEEDUP" (the time
// at 1 divided by the time at 2) per measured repetition, after "cpu1 MS" and "cpu2 MS".
package main

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
	"sync"
	"time"
)

var sink uint64

func work(d time.Duration) {
	start := time.Now()
	x := uint64(1)
	for time.Since(start) < d {
		for i := 0; i < 100; i++ {
			x = x*6364136223846793005 + 1442695040888963407
		}
	}
	sink += x
}

func split(procs int) time.Duration {
	runtime.GOMAXPROCS(procs)
	var wg sync.WaitGroup
	each := 640 * time.Millisecond / 64
	start := time.Now()
	wg.Add(64)
	for i := 0; i < 64; i++ {
		go func() {
			work(each)
			wg.Done()
		}()
	}
	wg.Wait()
	return time.Since(start)
}

func once() (float64, float64, float64) {
	one := split(1)
	two := split(2)
	return float64(one) / 1e6, float64(two) / 1e6, float64(one) / float64(two)
}

func main() {
	reps := 1
	if len(os.Args) > 1 {
		reps, _ = strconv.Atoi(os.Args[1])
	}
	once()
	for i := 0; i < reps; i++ {
		one, two, speedup := once()
		fmt.Printf("cpu1 %g\ncpu2 %g\ncpu %g\n", one, two, speedup)
	}
}
