// panic in main with another user goroutine blocked: with the default
// GOTRACEBACK=single only the panicking goroutine is listed.
package main

import "runtime"

var ch = make(chan int)

func main() {
	go func() { <-ch }()
	runtime.Gosched()
	panic("test")
}
