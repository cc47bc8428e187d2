// E8, measured from the outside: a third goroutine T waits in the local ring
// while main and a partner ping-pong on unbuffered channels at GOMAXPROCS=1.
// Every handoff runs the partner from runnext, so T can only run once sysmon's
// preemption request (after 10 ms on one schedtick) actually lands.
// WORK=n makes each side spin n iterations per turn (like TestPingPongHog's
// hogs); with WORK=0 a turn lasts ~100 ns and most requests are lost: execute()
// clears gp.preempt and schedule() clears pp.preempt at every handoff before
// the SIGURG arrives.
package main

import (
	"fmt"
	"os"
	"strconv"
	"sync/atomic"
	"time"
)

var sink int

func spin(n int) {
	x := 0
	for i := 0; i < n; i++ {
		x += i
	}
	sink += x
}

func main() {
	work, _ := strconv.Atoi(os.Getenv("WORK"))
	const limit = 300 * time.Millisecond
	start := time.Now()
	var ranAt atomic.Int64
	go func() { ranAt.Store(int64(time.Since(start))) }() // T
	ping := make(chan int)
	pong := make(chan int)
	go func() { // partner
		for v := range ping {
			spin(work)
			pong <- v
		}
	}()
	trips := 0
	for ranAt.Load() == 0 && time.Since(start) < limit {
		ping <- trips
		spin(work)
		<-pong
		trips++
	}
	close(ping)
	fmt.Println("WORK =", work)
	fmt.Println("third goroutine ran within 300ms:", ranAt.Load() != 0)
	fmt.Printf("measured: ranAt=%.1fms trips=%d\n", float64(ranAt.Load())/1e6, trips)
}
