// Another goroutine is blocked on an unbuffered send nobody receives; main is
// blocked receiving from a different channel.
package main

func main() {
	ch := make(chan int)
	done := make(chan int)
	go func() {
		ch <- 1
	}()
	<-done
}
