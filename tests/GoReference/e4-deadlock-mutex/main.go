// The mutex is a package-level variable so that the pointer printed among the
// traceback's arguments is a fixed data-segment address, not a heap address
// that can change from run to run.
package main

import "sync"

var mu sync.Mutex

func main() {
	mu.Lock()
	mu.Lock()
}
