// E6: the E1 program with N=258 goroutines. The local ring (256) overflows:
// runqputslow moves the first half of the ring plus the kicked runnext G
// (129 Gs) to the global queue, and every 61st schedtick takes one G from the
// global queue.
// Line 1: the order compressed into ascending runs ("128-187").
// Line 2: the full order.
package main

import (
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
)

const N = 258

var (
	order = make([]int, N)
	n     atomic.Int32
)

func compress(xs []int) string {
	var parts []string
	for i := 0; i < len(xs); {
		j := i
		for j+1 < len(xs) && xs[j+1] == xs[j]+1 {
			j++
		}
		if j == i {
			parts = append(parts, fmt.Sprint(xs[i]))
		} else {
			parts = append(parts, fmt.Sprintf("%d-%d", xs[i], xs[j]))
		}
		i = j + 1
	}
	return strings.Join(parts, " ")
}

func main() {
	var wg sync.WaitGroup
	for i := 0; i < N; i++ {
		wg.Add(1)
		go func() {
			order[n.Add(1)-1] = i
			wg.Done()
		}()
	}
	wg.Wait()
	fmt.Println(compress(order[:n.Load()]))
	full := make([]string, n.Load())
	for k, v := range order[:n.Load()] {
		full[k] = fmt.Sprint(v)
	}
	fmt.Println(strings.Join(full, " "))
}
