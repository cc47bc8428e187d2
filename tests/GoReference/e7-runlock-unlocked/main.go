// RUnlock of an unlocked sync.RWMutex. Package-level variable: fixed address.
package main

import "sync"

var mu sync.RWMutex

func main() {
	mu.RUnlock()
}
