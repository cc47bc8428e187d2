// Lesson 05 (issue 14): does GOMAXPROCS cap the number of OS threads? K goroutines either sit in a
// blocking system call (WORK=syscall: syscall.Nanosleep, entersyscall → the kernel → exitsyscall), do CPU
// work (WORK=cpu), or wait to read from a pipe (WORK=pipe: os.Pipe's file is non-blocking, so the goroutine
// parks in the netpoller, "IO wait", and holds no thread), at the GOMAXPROCS given in the environment. While they run, main reads the
// process's thread count from /proc/self/status ("Threads:"); at the end it reads how many threads the
// runtime ever created (pprof.Lookup("threadcreate").Count()). Exact counts go to "measured:" lines;
// the compared lines state only what holds on every run.
package main

import (
	"bufio"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

const k = 8 // goroutines

func threadsNow() int {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return -1
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if rest, ok := strings.CutPrefix(s.Text(), "Threads:"); ok {
			n, _ := strconv.Atoi(strings.TrimSpace(rest))
			return n
		}
	}
	return -1
}

func nanosleep(d time.Duration) {
	ts := syscall.NsecToTimespec(int64(d))
	syscall.Nanosleep(&ts, nil)
}

var sink int

func spin(d time.Duration) {
	end := time.Now().Add(d)
	x := 0
	for time.Now().Before(end) {
		for i := 0; i < 1000; i++ {
			x += i
		}
	}
	sink += x
}

func main() {
	work := os.Getenv("WORK")
	procs := runtime.GOMAXPROCS(0)
	before := pprof.Lookup("threadcreate").Count()
	var wg sync.WaitGroup
	var writers []*os.File
	for i := 0; i < k; i++ {
		var r *os.File
		if work == "pipe" {
			var w *os.File
			r, w, _ = os.Pipe()
			writers = append(writers, w)
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			if work == "syscall" {
				nanosleep(200 * time.Millisecond)
			} else if work == "pipe" {
				buf := make([]byte, 1)
				r.Read(buf)
			} else {
				spin(200 * time.Millisecond)
			}
		}()
	}
	// main sleeps (a timer, not a syscall: it gives up its P and holds no thread), then looks.
	peak := 0
	for i := 0; i < 10; i++ {
		time.Sleep(10 * time.Millisecond)
		if n := threadsNow(); n > peak {
			peak = n
		}
	}
	for _, w := range writers {
		w.Write([]byte{1})
	}
	wg.Wait()
	created := pprof.Lookup("threadcreate").Count()
	fmt.Printf("%d goroutines, WORK=%s, GOMAXPROCS=%d\n", k, work, procs)
	fmt.Printf("measured: threads at start=%d, peak threads while they ran=%d, threads created in all=%d\n", before, peak, created)
	fmt.Printf("peak threads > GOMAXPROCS: %v\n", peak > procs)
	fmt.Printf("peak threads >= goroutines (%d): %v\n", k, peak >= k)
	fmt.Printf("peak threads <= GOMAXPROCS+4: %v\n", peak <= procs+4)
}
