// GOMAXPROCS changes while goroutines make blocking syscalls (issue 19): the run always completes,
// and a panic recovered in a goroutine stays recovered whatever P or M the goroutine resumed on.
package main

import (
	"fmt"
	"math/rand"
	"runtime"
	"sync"
	"sync/atomic"
	"syscall"
)

// nanosleep is a real blocking syscall: entersyscall, the kernel call, exitsyscall.
func nanosleep(us int64) {
	ts := syscall.NsecToTimespec(us * 1000)
	syscall.Nanosleep(&ts, nil)
}

// changer sets GOMAXPROCS to 1..4 at random until stop is set, sleeping ms between changes.
func changer(stop *atomic.Bool, ms int64) {
	for !stop.Load() {
		runtime.GOMAXPROCS(1 + rand.Intn(4))
		nanosleep(ms * 1000)
	}
}

// issueProgram: six workers make 200 syscalls of 200 µs each, yielding after each.
func issueProgram() {
	var wg sync.WaitGroup
	var stop atomic.Bool
	for p := 0; p < 6; p++ {
		wg.Add(1)
		go func() {
			for i := 0; i < 200; i++ {
				nanosleep(200)
				runtime.Gosched()
			}
			wg.Done()
		}()
	}
	go changer(&stop, 1)
	wg.Wait()
	stop.Store(true)
}

// sendRecovered sends on a closed channel and recovers the panic.
func sendRecovered(dead chan int, v int) (recovered bool) {
	defer func() { recovered = recover() != nil }()
	dead <- v
	return false
}

// stress: 8 producers (one locked to its thread) send 8×20000 values over 4 channels to a select
// fan-in; every 64th value a syscall first, every 16th a send on a closed channel that is recovered.
func stress() (int, int, int64) {
	const producers, perProducer, chans = 8, 20000, 4
	total := producers * perProducer
	seen := make([]int, total)
	var recovered atomic.Int64
	var stop atomic.Bool
	dead := make(chan int)
	close(dead)
	cs := make([]chan int, chans)
	for i := range cs {
		if i%2 == 0 {
			cs[i] = make(chan int)
		} else {
			cs[i] = make(chan int, 8)
		}
	}
	var wg sync.WaitGroup
	for p := 0; p < producers; p++ {
		wg.Add(1)
		go func(id int) {
			if id == 0 {
				runtime.LockOSThread()
			}
			for i := 0; i < perProducer; i++ {
				v := id*perProducer + i
				if i%64 == 0 {
					nanosleep(100)
				}
				if i%16 == 0 && sendRecovered(dead, v) {
					recovered.Add(1)
				}
				cs[(id+i)%chans] <- v
			}
			wg.Done()
		}(p)
	}
	go changer(&stop, 2)
	for got := 0; got < total; got++ {
		select {
		case v := <-cs[0]:
			seen[v]++
		case v := <-cs[1]:
			seen[v]++
		case v := <-cs[2]:
			seen[v]++
		case v := <-cs[3]:
			seen[v]++
		}
	}
	wg.Wait()
	stop.Store(true)
	once := 0
	for _, n := range seen {
		if n == 1 {
			once++
		}
	}
	return total, once, recovered.Load()
}

func main() {
	runtime.GOMAXPROCS(2)
	issueProgram()
	fmt.Println("issue program: done")
	total, once, recovered := stress()
	fmt.Printf("stress: %d values, %d received exactly once, %d panics recovered\n", total, once, recovered)
}
