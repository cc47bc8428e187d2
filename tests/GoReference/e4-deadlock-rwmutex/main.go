// Package-level variable: fixed address in the traceback's arguments.
package main

import "sync"

var mu sync.RWMutex

func main() {
	mu.RLock()
	mu.Lock()
}
