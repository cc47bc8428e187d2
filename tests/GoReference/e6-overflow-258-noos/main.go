// E6 without importing os (and so fmt): no package sets a finalizer during
// init, so the runtime's finalizer goroutine (runfinq) does not exist and the
// local queue is empty when main.main starts. Output goes through the
// builtin println (stderr). Same two lines as e6-overflow-258.
package main

import (
	"sync"
	"sync/atomic"
)

const N = 258

var (
	order = make([]int, N)
	n     atomic.Int32
)

func itoa(v int) string {
	if v == 0 {
		return "0"
	}
	var b []byte
	for v > 0 {
		b = append([]byte{byte('0' + v%10)}, b...)
		v /= 10
	}
	return string(b)
}

func compress(xs []int) string {
	s := ""
	for i := 0; i < len(xs); {
		j := i
		for j+1 < len(xs) && xs[j+1] == xs[j]+1 {
			j++
		}
		if s != "" {
			s += " "
		}
		if j == i {
			s += itoa(xs[i])
		} else {
			s += itoa(xs[i]) + "-" + itoa(xs[j])
		}
		i = j + 1
	}
	return s
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
	got := order[:n.Load()]
	println(compress(got))
	full := ""
	for k, v := range got {
		if k > 0 {
			full += " "
		}
		full += itoa(v)
	}
	println(full)
}
