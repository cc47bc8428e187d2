// pingpong: unbuffered ping-pong between main and one goroutine, 1,000,000 round trips, at
// GOMAXPROCS = the first argument. Prints "pingpongP NS_PER_ROUND_TRIP" per measured repetition.
package main

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
	"time"
)

const n = 1_000_000

func once() float64 {
	ping := make(chan int)
	pong := make(chan int)
	go func() {
		for i := 0; i < n; i++ {
			pong <- <-ping
		}
	}()
	start := time.Now()
	for i := 0; i < n; i++ {
		ping <- i
		<-pong
	}
	return float64(time.Since(start).Nanoseconds()) / n
}

func main() {
	procs, _ := strconv.Atoi(os.Args[1])
	reps := 1
	if len(os.Args) > 2 {
		reps, _ = strconv.Atoi(os.Args[2])
	}
	runtime.GOMAXPROCS(procs)
	once()
	for i := 0; i < reps; i++ {
		fmt.Printf("pingpong%d %g\n", procs, once())
	}
}
