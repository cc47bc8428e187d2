// Goroutine ids and dead Gs. With GOMAXPROCS=1, main starts a goroutine and
// waits until it has returned, three times; then starts three that are alive at
// once (in the order they run: the last one created runs first, from runnext). Each records its goid (from runtime.Stack's "goroutine N [running]:")
// and the address of a local variable, which lives on its stack.
// newproc1 takes a dead G from the P's free list (gfget) when there is one, so a
// goroutine made after another has exited reuses that G and its 2 KiB stack
// (same stack address) -- but it still gets a fresh goid from the P's batch
// (pp.goidcache), so ids keep growing. The first user goroutine is 6: 1 is main,
// 2-4 are forcegc, bgsweep and bgscavenge, 5 is the finalizer goroutine (os is
// imported).
package main

import (
	"bytes"
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"unsafe"
)

type sample struct {
	goid  int
	stack uintptr
}

//go:noinline
func look() sample {
	var x [16]byte
	buf := make([]byte, 64)
	buf = buf[:runtime.Stack(buf, false)]
	f := bytes.Fields(buf)
	id, _ := strconv.Atoi(string(f[1]))
	return sample{id, uintptr(unsafe.Pointer(&x[0]))}
}

// worker is what every goroutine runs, so look() is at the same depth in each stack.
func worker(done chan<- sample, release <-chan struct{}, wg *sync.WaitGroup) {
	done <- look()
	if release != nil {
		<-release
	}
	wg.Done()
}

func main() {
	var wg sync.WaitGroup
	var got, alive []sample
	done := make(chan sample)
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go worker(done, nil, &wg)
		got = append(got, <-done)
		wg.Wait() // the goroutine has returned: its G is dead, on P0's free list (gfput)
	}
	release := make(chan struct{})
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go worker(done, release, &wg)
	}
	for i := 0; i < 3; i++ {
		alive = append(alive, <-done)
	}
	close(release)
	wg.Wait()

	var out []string
	for i, s := range got {
		same := "a new G and stack"
		if i > 0 && s.stack == got[0].stack {
			same = "the G and stack of goroutine " + strconv.Itoa(got[0].goid)
		}
		out = append(out, fmt.Sprintf("one at a time: goroutine %d, %s", s.goid, same))
	}
	for _, s := range alive {
		same := "a new G and stack"
		if s.stack == got[0].stack {
			same = "the G and stack of goroutine " + strconv.Itoa(got[0].goid)
		}
		out = append(out, fmt.Sprintf("alive together: goroutine %d, %s", s.goid, same))
	}
	fmt.Println(strings.Join(out, "\n"))
}
