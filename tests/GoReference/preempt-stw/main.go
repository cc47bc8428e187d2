// Lesson 07: a loop without safe points holds up a stop-the-world.
// GOMAXPROCS=2. A hog spins for about 60 ms in a loop that calls nothing, on
// one P. main, on the other P, waits until the hog is in its loop, then does
// something that stops the world:
//
//	MODE=gomaxprocs   runtime.GOMAXPROCS(3) (stopTheWorldGC, then procresize)
//	MODE=gc           runtime.GC() (its stop-the-world phases)
//
// Stopping the world must stop every P, so it asks the hog to stop (preemptall).
// With asynchronous preemption (Go >= 1.14) a signal stops the hog at once;
// with GODEBUG=asyncpreemptoff=1 nothing can stop it, so main — and every other
// goroutine — waits until the hog's loop ends (in Go before 1.14 an endless
// loop stopped the whole program this way).
//
// Lines are recorded in memory and printed at the end; "measured:" lines are
// timings (not compared between runs).
package main

import (
	"fmt"
	"os"
	"runtime"
	"sync/atomic"
	"time"
)

var sink int

func spin(n int) {
	x := 0
	for i := 0; i < n; i++ {
		x += i ^ (x >> 3)
	}
	sink += x
}

func perMs() int {
	const probe = 2_000_000
	t := time.Now()
	spin(probe)
	ms := float64(time.Since(t).Microseconds()) / 1000
	if ms <= 0 {
		ms = 0.001
	}
	return int(float64(probe) / ms)
}

func main() {
	mode := os.Getenv("MODE")
	if mode == "" {
		mode = "gomaxprocs"
	}
	n := 60 * perMs()
	var inLoop, loopDone atomic.Bool // Store and Load are intrinsics, not calls
	done := make(chan bool)
	go func() {
		inLoop.Store(true)
		spin(n)
		loopDone.Store(true)
		done <- true
	}()
	for !inLoop.Load() {
		runtime.Gosched() // the hog starts on the other P (or on this one when main yields)
	}
	time.Sleep(2 * time.Millisecond) // the hog is surely spinning now
	t := time.Now()
	switch mode {
	case "gomaxprocs":
		runtime.GOMAXPROCS(3)
	case "gc":
		runtime.GC()
	}
	waited := time.Since(t)
	during := !loopDone.Load()
	<-done
	fmt.Println("MODE =", mode)
	fmt.Println("returned while the hog was still in its loop:", during)
	fmt.Printf("measured: waited=%.2fms\n", float64(waited.Microseconds())/1000)
}
