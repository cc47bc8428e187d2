// What a goroutine costs in Go: N goroutines (default 10000) made by main, each
// parked on a channel, measured with runtime.MemStats and runtime.NumGoroutine;
// then released and waited for. newproc1 gives a new G a 2 KiB stack
// (malg(stackMin)), so StackInuse grows by about 2 KiB per parked goroutine; the
// G struct itself and its sudog live on the heap. Timing and byte counts vary
// from run to run: they are "measured:" lines (recorded, not compared). The
// stable lines are the counts and the stack size rounded to whole KiB.
package main

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
	"sync"
	"syscall"
	"time"
)

// cpu is the process's user+system CPU time: on a shared machine it is steadier than the wall clock.
func cpu() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func main() {
	n := 10000
	if v, err := strconv.Atoi(os.Getenv("N")); err == nil {
		n = v
	}
	var before, during runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)

	release := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(n)
	t0, c0 := time.Now(), cpu()
	for i := 0; i < n; i++ {
		go func() {
			<-release
			wg.Done()
		}()
	}
	created, createdCPU := time.Since(t0), cpu()-c0
	runtime.Gosched() // at GOMAXPROCS=1 every new goroutine now runs until it parks on <-release
	for runtime.NumGoroutine() < n+1 {
		runtime.Gosched()
	}
	alive := runtime.NumGoroutine()
	runtime.ReadMemStats(&during)
	close(release)
	wg.Wait()
	total, totalCPU := time.Since(t0), cpu()-c0

	// A second round: the 10000 Gs of the first are dead and on the free lists, so newproc1's gfget
	// reuses them with their stacks instead of calling malg.
	release2 := make(chan struct{})
	wg.Add(n)
	t1, c1 := time.Now(), cpu()
	for i := 0; i < n; i++ {
		go func() {
			<-release2
			wg.Done()
		}()
	}
	created2, createdCPU2 := time.Since(t1), cpu()-c1
	close(release2)
	wg.Wait()

	stack := float64(during.StackInuse-before.StackInuse) / float64(n)
	heap := float64(int64(during.HeapAlloc)-int64(before.HeapAlloc)) / float64(n)
	sys := float64(during.Sys-before.Sys) / float64(n)
	fmt.Printf("goroutines alive while parked: %d\n", alive)
	fmt.Printf("stack per parked goroutine: %.0f KiB\n", stack/1024)
	fmt.Printf("measured: create_ns_per_goroutine=%.0f\n", float64(created.Nanoseconds())/float64(n))
	fmt.Printf("measured: create_run_finish_ns_per_goroutine=%.0f\n", float64(total.Nanoseconds())/float64(n))
	fmt.Printf("measured: create_cpu_ns_per_goroutine=%.0f create_run_finish_cpu_ns_per_goroutine=%.0f\n",
		float64(createdCPU.Nanoseconds())/float64(n), float64(totalCPU.Nanoseconds())/float64(n))
	fmt.Printf("measured: second round (dead Gs reused): create_ns_per_goroutine=%.0f create_cpu_ns_per_goroutine=%.0f\n",
		float64(created2.Nanoseconds())/float64(n), float64(createdCPU2.Nanoseconds())/float64(n))
	fmt.Printf("measured: stack_bytes_per_goroutine=%.0f heap_bytes_per_goroutine=%.0f sys_bytes_per_goroutine=%.0f\n", stack, heap, sys)
}
