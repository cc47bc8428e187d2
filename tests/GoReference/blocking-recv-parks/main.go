// A receiver parks first, then a sender readies it: the receiver runs and blocks
// on an empty unbuffered channel (gopark, "chan receive"); main sends, finds it
// waiting, hands the value over directly and readies it into runnext (goready),
// and main keeps running until it blocks itself.
package main

import (
	"fmt"
	"runtime"
	"strings"
	"sync/atomic"
)

var (
	lines = make([]string, 128)
	n     atomic.Int32
)

func record(s string) { lines[n.Add(1)-1] = s }

func main() {
	ch := make(chan int)
	done := make(chan struct{})
	go func() {
		record("receiver waits")
		v := <-ch
		record(fmt.Sprint("receiver got ", v))
		close(done)
	}()
	runtime.Gosched() // the receiver runs and parks on ch
	record("main sends 42")
	ch <- 42
	record("main sent 42")
	<-done
	record("main end")
	fmt.Println(strings.Join(lines[:n.Load()], "\n"))
}
