// Lesson 03 (G, M and P): GOMAXPROCS is the number of Ps, not a cap on threads. Eight goroutines each sit
// 50 ms in a blocking system call (nanosleep) at the same time. Each call keeps its thread (M); sysmon retakes
// the P (retake → handoffp → startm) and the next goroutine runs on another thread, so the calls overlap and the
// process has many more threads than GOMAXPROCS. Threads are counted two ways: runtime/pprof's threadcreate
// profile (threads the runtime created) and the Threads: line of /proc/self/status (threads alive now).
package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"strings"
	"sync"
	"syscall"
	"time"
)

// nanosleep is a real blocking syscall: entersyscall, the kernel call, exitsyscall.
func nanosleep(d time.Duration) {
	ts := syscall.NsecToTimespec(d.Nanoseconds())
	syscall.Nanosleep(&ts, nil)
}

// liveThreads reads the Threads: line of /proc/self/status.
func liveThreads() int {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return -1
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "Threads:") {
			var n int
			fmt.Sscan(strings.TrimPrefix(line, "Threads:"), &n)
			return n
		}
	}
	return -1
}

func main() {
	const calls = 8
	procs := runtime.GOMAXPROCS(0)
	created := pprof.Lookup("threadcreate")
	before := created.Count()
	var wg sync.WaitGroup
	start := time.Now()
	for i := 0; i < calls; i++ {
		wg.Add(1)
		go func() {
			nanosleep(50 * time.Millisecond)
			wg.Done()
		}()
	}
	time.Sleep(25 * time.Millisecond) // all eight are inside their syscalls now
	during := liveThreads()
	wg.Wait()
	took := time.Since(start)
	after := created.Count()

	var lines []string
	lines = append(lines, fmt.Sprintf("GOMAXPROCS=%d", procs))
	lines = append(lines, fmt.Sprintf("threads alive during the syscalls > GOMAXPROCS: %v", during > procs))
	lines = append(lines, fmt.Sprintf("threads created > GOMAXPROCS: %v", after > procs))
	lines = append(lines, fmt.Sprintf("%d calls of 50 ms overlapped (done in under 200 ms): %v", calls, took < 200*time.Millisecond))
	lines = append(lines, fmt.Sprintf("measured: NumCPU=%d threads created before=%d after=%d alive during=%d took=%v",
		runtime.NumCPU(), before, after, during, took.Round(time.Millisecond)))
	for _, l := range lines {
		fmt.Println(l)
	}
}
