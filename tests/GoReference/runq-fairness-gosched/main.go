// Lesson 04 (04.fairness-main): main starts N goroutines on one P (each
// records its number), calls Gosched (main -> global queue tail) and records
// "main". The P runs runnext, then its ring; at the first start where
// schedtick%61 == 0 findRunnable takes main from the global queue first.
// N and WARMUP (Goscheds main does before the loop) come from the environment.
package main

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

var (
	lines = make([]string, 1024)
	n     atomic.Int32
)

func record(s string) { lines[n.Add(1)-1] = s }

func env(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil {
		return v
	}
	return def
}

func main() {
	count, warmup := env("N", 100), env("WARMUP", 0)
	for w := 0; w < warmup; w++ {
		runtime.Gosched()
	}
	var wg sync.WaitGroup
	for i := 0; i < count; i++ {
		wg.Add(1)
		go func() {
			record(fmt.Sprint(i))
			wg.Done()
		}()
	}
	runtime.Gosched()
	record("main")
	wg.Wait()
	got := lines[:n.Load()]
	before := 0
	for before < len(got) && got[before] != "main" {
		before++
	}
	fmt.Println("before main:", before)
	fmt.Println(strings.Join(got, " "))
}
