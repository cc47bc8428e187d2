// Lesson 07: a CPU hog on the only P and a goroutine that wants to print.
// GOMAXPROCS=1. main starts the hog and then the printer; the printer (in
// runnext) runs first, sleeps 1 ms and records when it ran again. The hog then
// spins for about 60 ms. Who lets the printer run once its 1 ms is over?
//
//	HOG=loop          a loop that calls nothing: only an asynchronous preemption
//	                  (sysmon + signal, Go >= 1.14) can stop it; with
//	                  GODEBUG=asyncpreemptoff=1 the printer waits for the whole hog
//	HOG=calls         the loop calls a (non-inlined, non-leaf) function each round:
//	                  a cooperative safe point, so sysmon's request lands there even
//	                  with asyncpreemptoff=1 (Go before 1.14 worked this way)
//	HOG=leaf          the loop calls only a small leaf function (leaf below): the
//	                  compiler marks it NOSPLIT (no stack check), so it is no safe
//	                  point, and with asyncpreemptoff=1 the printer waits again
//	HOG=gosched       a call-free loop in 1 ms chunks with runtime.Gosched() after
//	                  each chunk: the printer runs at the first Gosched after its
//	                  timer is due, with no preemption at all
//	HOG=gosched-after runtime.Gosched() only after the whole loop: too late
//
// Lines are recorded in memory and printed at the end; "measured:" lines are
// timings (not compared between runs).
package main

import (
	"fmt"
	"os"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

var sink int

// spin is the call-free loop: no function calls, so no cooperative safe point.
func spin(n int) {
	x := 0
	for i := 0; i < n; i++ {
		x += i ^ (x >> 3)
	}
	sink += x
}

//go:noinline
func leaf(i int) int { return i ^ (sink >> 3) }

// step is not a leaf (it calls leaf), so it has a stack-check prologue: a safe point.
//
//go:noinline
func step(i int) int { return leaf(i) + 1 }

func spinLeaf(n int) {
	x := 0
	for i := 0; i < n; i++ {
		x += leaf(i)
	}
	sink += x
}

func spinCalls(n int) {
	x := 0
	for i := 0; i < n; i++ {
		x += step(i)
	}
	sink += x
}

// perMs calibrates how many rounds of f take about 1 ms on this machine now.
func perMs(f func(int)) int {
	const probe = 2_000_000
	t := time.Now()
	f(probe)
	ms := float64(time.Since(t).Microseconds()) / 1000
	if ms <= 0 {
		ms = 0.001
	}
	return int(float64(probe) / ms)
}

func main() {
	mode := os.Getenv("HOG")
	if mode == "" {
		mode = "loop"
	}
	const hogMs = 60
	var loopMs, callsMs, leafMs int
	if mode == "calls" {
		callsMs = perMs(spinCalls)
	} else if mode == "leaf" {
		leafMs = perMs(spinLeaf)
	} else {
		loopMs = perMs(spin)
	}

	var wg sync.WaitGroup
	var printerAt, hogDoneAt time.Duration
	var loopDone atomic.Bool // set right after the hog's loop; Store and Load are not calls (intrinsics)
	var loopDoneSeen bool    // what the printer saw when it ran
	start := time.Now()
	wg.Add(2)
	go func() { // the hog
		switch mode {
		case "loop":
			spin(hogMs * loopMs)
		case "calls":
			spinCalls(hogMs * callsMs)
		case "leaf":
			spinLeaf(hogMs * leafMs)
		case "gosched":
			for k := 0; k < hogMs; k++ {
				spin(loopMs)
				runtime.Gosched()
			}
		case "gosched-after":
			spin(hogMs * loopMs)
			loopDone.Store(true)
			runtime.Gosched()
		}
		loopDone.Store(true)
		hogDoneAt = time.Since(start)
		wg.Done()
	}()
	go func() { // the printer: in runnext, so it runs first
		time.Sleep(time.Millisecond)
		loopDoneSeen = loopDone.Load()
		printerAt = time.Since(start)
		wg.Done()
	}()
	wg.Wait()
	fmt.Println("HOG =", mode)
	fmt.Println("printer ran while the hog was still in its loop:", !loopDoneSeen)
	fmt.Printf("measured: printer=%.1fms hogDone=%.1fms\n", float64(printerAt.Microseconds())/1000, float64(hogDoneAt.Microseconds())/1000)
}
