// The fix for pitfall-panic: each goroutine recovers its own panic (a
// deferred recover in the goroutine itself) and reports it; the program
// goes on and main sees every result.
package main

import (
	"fmt"
	"strconv"
	"sync"
)

func main() {
	inputs := []string{"1", "2", "x", "4"}
	results := make([]string, len(inputs))
	var wg sync.WaitGroup
	for k, s := range inputs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() {
				if r := recover(); r != nil {
					results[k] = fmt.Sprint("error: ", r)
				}
			}()
			n, err := strconv.Atoi(s)
			if err != nil {
				panic(err)
			}
			results[k] = fmt.Sprint(n)
		}()
	}
	wg.Wait()
	for _, r := range results {
		fmt.Println(r)
	}
}
