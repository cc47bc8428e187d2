// Unlock of an unlocked sync.Mutex. Package-level variable: fixed address in
// the traceback's arguments.
package main

import "sync"

var mu sync.Mutex

func main() {
	mu.Unlock()
}
