// Lesson 08 (issue 15): parallelism needs Ps and cores. main does a serial part of SERIAL percent of the work
// alone, then 8 goroutines share the rest; the same work runs at GOMAXPROCS 1, 2, 4 and 8 in this one process
// (runtime.GOMAXPROCS(n) before each job), five times each, interleaved, and the median of each is compared with the
// median at 1 P: ratios measured in one run, as a noisy machine needs. The work is real computation (an LCG loop),
// so it takes as long as the core it gets needs. The compared lines state what holds on every run, however busy the
// machine: the cores the job kept busy on average (its CPU time over its wall time) never pass min(GOMAXPROCS, cores),
// nor Amdahl's limit for that many. Speedups go to "measured:" lines: on a loaded machine they measure the competition
// too (a 1-P job loses the cores to other programs more than an 8-thread one does, so they can pass the core count).
package main

import (
	"fmt"
	"os"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

const (
	goroutines = 8
	total      = 160_000_000 // LCG steps of the whole job (about 0.15 s at 1 P on an idle core here)
)

var sink [goroutines + 1]uint64

func crunch(steps int) uint64 {
	x := uint64(1)
	for i := 0; i < steps; i++ {
		x = x*6364136223846793005 + 1442695040888963407
	}
	return x
}

// cpuTime is the CPU time the whole process has used so far (user + system, every thread).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// job runs the work once and returns its wall time and the CPU time it used.
func job(serialPercent int) (time.Duration, time.Duration) {
	start, cpu0 := time.Now(), cpuTime()
	serial := total * serialPercent / 100
	sink[goroutines] = crunch(serial)
	per := (total - serial) / goroutines
	var wg sync.WaitGroup
	for i := 0; i < goroutines; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sink[i] = crunch(per)
		}()
	}
	wg.Wait()
	return time.Since(start), cpuTime() - cpu0
}

func median(ds []time.Duration) time.Duration {
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	return ds[len(ds)/2]
}

func main() {
	serialPercent, _ := strconv.Atoi(os.Getenv("SERIAL"))
	cores := runtime.NumCPU()
	amdahl := func(p int) float64 {
		f := float64(serialPercent) / 100
		return 1 / (f + (1-f)/float64(p))
	}
	// Five rounds of 1, 2, 4, 8 Ps, interleaved, so that a change in the machine's load falls on every GOMAXPROCS alike.
	all := map[int][]time.Duration{}
	busy := map[int]float64{} // the most cores the job kept busy on average (CPU time / wall time) in any of its runs
	for r := 0; r < 5; r++ {
		for _, p := range []int{1, 2, 4, 8} {
			runtime.GOMAXPROCS(p)
			wall, cpu := job(serialPercent)
			all[p] = append(all[p], wall)
			busy[p] = max(busy[p], float64(cpu)/float64(wall))
		}
	}
	times := map[int]time.Duration{}
	for p, ds := range all {
		times[p] = median(ds)
	}
	s := func(p int) float64 { return float64(times[1]) / float64(times[p]) }
	fmt.Printf("serial part %d%%, then %d goroutines; GOMAXPROCS 1, 2, 4, 8; %d cores\n", serialPercent, goroutines, cores)
	// How many cores the job kept busy on average can never pass min(Ps, cores), nor Amdahl's limit for that many:
	// a busy machine only makes the wall time longer. (Speedups themselves depend on the machine's load: measured lines.)
	for _, p := range []int{1, 2, 4, 8} {
		n := min(p, cores)
		fmt.Printf("GOMAXPROCS=%d: cores busy on average (CPU time / wall time) <= Amdahl's limit for min(%d Ps, %d cores) = %.2f (+10%%): %v\n",
			p, p, cores, amdahl(n), busy[p] <= amdahl(n)*1.1)
	}
	load, _ := os.ReadFile("/proc/loadavg")
	fmt.Printf("measured: 2 Ps faster than 1 P by more than 1.3x: %v; load average %s\n", s(2) > 1.3, strings.Join(strings.Fields(string(load))[:3], " "))
	for _, p := range []int{1, 2, 4, 8} {
		fmt.Printf("measured: GOMAXPROCS=%d median=%.1fms speedup=%.2fx amdahl=%.2fx most cores busy=%.2f\n",
			p, float64(times[p].Microseconds())/1000, s(p), amdahl(p), busy[p])
	}
}
