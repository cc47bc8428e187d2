// Several user goroutines blocked in different ways, main in wg.Wait.
// Shows the listing order (current G first, then creation order), goids and
// "created by ... in goroutine N" trailers. Package-level variables keep the
// pointers printed among the traceback's arguments fixed.
package main

import (
	"runtime"
	"sync"
)

var (
	wg     sync.WaitGroup
	mu     sync.Mutex
	chSend = make(chan int)
	chRecv = make(chan int)
)

func sender(ch chan int) { ch <- 1 }

func receiver(ch chan int) { <-ch }

func locker(mu *sync.Mutex) { mu.Lock() }

func nilRecv() {
	var ch chan int
	<-ch
}

func main() {
	wg.Add(1)
	mu.Lock()
	go sender(chSend)
	go receiver(chRecv)
	go locker(&mu)
	go nilRecv()
	go func() {
		select {}
	}()
	runtime.Gosched()
	wg.Wait()
}
