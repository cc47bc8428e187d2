// Unbuffered ping-pong between main and one goroutine, 3 rounds.
// A send to a waiting receiver copies the value, readies the receiver into
// runnext, and the sender keeps running until it blocks.
package main

import (
	"fmt"
	"strings"
	"sync/atomic"
)

var (
	lines = make([]string, 128)
	n     atomic.Int32
)

func record(s string) { lines[n.Add(1)-1] = s }

func main() {
	ping := make(chan int)
	pong := make(chan int)
	done := make(chan struct{})
	go func() {
		record("g start")
		for i := 0; i < 3; i++ {
			v := <-ping
			record(fmt.Sprint("g recv ", v))
			pong <- v * 10
			record(fmt.Sprint("g sent ", v*10))
		}
		record("g exit")
		close(done)
	}()
	for i := 0; i < 3; i++ {
		record(fmt.Sprint("main send ", i))
		ping <- i
		record(fmt.Sprint("main sent ", i))
		v := <-pong
		record(fmt.Sprint("main recv ", v))
	}
	<-done
	record("main end")
	fmt.Println(strings.Join(lines[:n.Load()], "\n"))
}
