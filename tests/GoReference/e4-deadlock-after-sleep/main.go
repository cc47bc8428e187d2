// A pending timer postpones deadlock detection: the report comes only after
// the sleeping goroutine wakes (200 ms) and exits. run.sh records the wall time.
package main

import "time"

func main() {
	go func() {
		time.Sleep(200 * time.Millisecond)
	}()
	ch := make(chan int)
	<-ch
}
