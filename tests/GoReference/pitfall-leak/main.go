// A goroutine leak: first() asks three replicas and keeps the first answer.
// The other two replicas block forever in a send nobody receives, so every
// call leaves two goroutines behind and runtime.NumGoroutine grows by 2.
// With a buffer of 3 (MODE=fixed) every replica can send and exit.
package main

import (
	"fmt"
	"os"
	"runtime"
	"time"
)

func first(buffer int) int {
	answers := make(chan int, buffer)
	for r := 1; r <= 3; r++ {
		go func() { answers <- r }()
	}
	return <-answers
}

func main() {
	buffer := 0
	if os.Getenv("MODE") == "fixed" {
		buffer = 3
	}
	var out []string
	for call := 1; call <= 5; call++ {
		first(buffer)
		time.Sleep(time.Millisecond) // let every replica run as far as it can
		out = append(out, fmt.Sprint("after call ", call, ": NumGoroutine = ", runtime.NumGoroutine()))
	}
	for _, s := range out {
		fmt.Println(s)
	}
}
