// Threads while goroutines block: MODE=syscall or MODE=netpoll, at GOMAXPROCS=1.
// Four goroutines each block for 20 ms, either in a raw blocking system call
// (syscall.Nanosleep: entersyscall, the M blocks in the kernel; sysmon's retake
// hands the P to another M after 20 µs, so each blocked goroutine keeps a thread)
// or reading from a pipe (os.Pipe is non-blocking and registered with the
// netpoller: the goroutine parks in "IO wait" and gives its M back).
// Prints whether the runtime created any thread (pprof "threadcreate") while they
// blocked; how many depends on the machine's load (sysmon's delay) and on idle Ms.
package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"sync"
	"syscall"
	"time"
)

func main() {
	mode := os.Getenv("MODE")
	before := pprof.Lookup("threadcreate").Count()
	var wg sync.WaitGroup
	var writers []*os.File
	for i := 0; i < 4; i++ {
		wg.Add(1)
		switch mode {
		case "syscall":
			go func() {
				defer wg.Done()
				ts := syscall.NsecToTimespec(int64(20 * time.Millisecond))
				syscall.Nanosleep(&ts, nil)
			}()
		case "netpoll":
			r, w, err := os.Pipe()
			if err != nil {
				panic(err)
			}
			writers = append(writers, w)
			go func() {
				defer wg.Done()
				buf := make([]byte, 1)
				r.Read(buf)
			}()
		}
	}
	time.Sleep(20 * time.Millisecond)
	for _, w := range writers {
		w.Write([]byte{1})
	}
	wg.Wait()
	after := pprof.Lookup("threadcreate").Count()
	fmt.Printf("%s: GOMAXPROCS=%d, 4 goroutines blocked 20 ms\n", mode, runtime.GOMAXPROCS(0))
	fmt.Printf("new threads while they blocked: %v\n", after > before)
	fmt.Printf("measured: threads before=%d after=%d\n", before, after)
}
