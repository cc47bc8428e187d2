// Unlocking an unlocked mutex is a fatal error, not a panic: recover() cannot
// catch it and the deferred recover never prints.
package main

import (
	"os"
	"sync"
)

var mu sync.Mutex

func main() {
	defer func() {
		if r := recover(); r != nil {
			os.Stdout.WriteString("recovered\n")
		}
	}()
	mu.Unlock()
}
