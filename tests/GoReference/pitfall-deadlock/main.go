// A deadlock: main waits for three senders to finish before it receives
// anything, and the senders wait for a receiver. Every goroutine is blocked,
// so the runtime prints "all goroutines are asleep" and lists them: main in
// wg.Wait ("semacquire" in Go 1.23) and the three senders in "chan send".
package main

import (
	"os"
	"sync"
)

func main() {
	_ = os.Args
	results := make(chan int)
	var wg sync.WaitGroup
	for i := 1; i <= 3; i++ {
		wg.Add(1)
		go func() {
			results <- i * i
			wg.Done()
		}()
	}
	wg.Wait() // the senders are waiting for a receiver: nobody ever gets past here
	close(results)
	sum := 0
	for v := range results {
		sum += v
	}
	println(sum)
}
