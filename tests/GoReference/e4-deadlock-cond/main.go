// Package-level variables: fixed addresses in the traceback's arguments.
package main

import "sync"

var (
	mu sync.Mutex
	c  = sync.Cond{L: &mu}
)

func main() {
	mu.Lock()
	c.Wait()
}
