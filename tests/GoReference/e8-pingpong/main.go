// E8: an unbuffered ping-pong pair at GOMAXPROCS=1 shares one time slice:
// every handoff runs the partner from runnext with inheritTime, so the P's
// schedtick does not advance (sysmon preempts the pair only every 10 ms).
// Run with GODEBUG=schedtrace=10,scheddetail=1 and compare P0's schedtick
// with the number of round trips. The Gosched phase does the same number of
// switches through the global queue, each one a schedtick.
package main

import (
	"fmt"
	"time"
)

func main() {
	ping := make(chan int)
	pong := make(chan int)
	go func() {
		for v := range ping {
			pong <- v
		}
		close(pong)
	}()
	start := time.Now()
	trips := 0
	for time.Since(start) < 60*time.Millisecond {
		for k := 0; k < 1000; k++ {
			ping <- k
			<-pong
		}
		trips += 1000
	}
	close(ping)
	<-pong
	fmt.Println("ping-pong done")
	fmt.Printf("measured: round trips in 60ms=%d\n", trips)
}
