// E3: a call-free loop on the only P. main's 10 ms timer is due but the P is
// busy; sysmon sees the same schedtick for >=10 ms and preempts the spinner
// with a signal (asynchronous preemption). With GODEBUG=asyncpreemptoff=1 the
// program never wakes (run.sh kills it after a timeout).
package main

import (
	"fmt"
	"time"
)

func main() {
	go func() {
		for {
		}
	}()
	start := time.Now()
	time.Sleep(10 * time.Millisecond)
	el := time.Since(start)
	fmt.Println("main woke after sleeping 10ms")
	fmt.Println("woke within 10-50ms:", el >= 10*time.Millisecond && el < 50*time.Millisecond)
	fmt.Printf("measured: elapsed=%.1fms\n", float64(el.Microseconds())/1000)
}
