// A family of random sync.Mutex programs, one per SEED (environment variable): a
// differential test. The generator below is repeated, op for op, by the C# test
// (tests/Goroutines.Tests/Fidelity/MutexDifferentialTests.cs), which runs the same
// program with the model and compares the lines with what Go printed here.
//
// main creates 2-4 goroutines, then every goroutine (main included) runs a list
// of ops on 1-2 mutexes: Lock (in index order, so no deadlock), Unlock, TryLock,
// Gosched, and at most 3 busy waits of 2 ms per program (so that waiters starve
// the mutex, and no goroutine runs 10 ms, where sysmon would preempt it). Each op
// records one line after it.
package main

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

var (
	lines = make([]string, 1024)
	n     atomic.Int32
)

func record(s string) { lines[n.Add(1)-1] = s }

// rng is xorshift64*, the same in the C# test.
type rng struct{ s uint64 }

func (r *rng) next() uint64 {
	r.s ^= r.s >> 12
	r.s ^= r.s << 25
	r.s ^= r.s >> 27
	return r.s * 2685821657736338717
}

func (r *rng) n(k int) int { return int(r.next() % uint64(k)) }

type op struct {
	kind byte // 'L' lock, 'U' unlock, 'T' trylock, 'Y' gosched, 'W' work
	m    int
}

// gen makes the ops of every goroutine (index 0 is main).
func gen(seed uint64) (mutexes int, progs [][]op) {
	r := &rng{s: seed*0x9E3779B97F4A7C15 + 1}
	mutexes = 1 + r.n(2)
	goroutines := 3 + r.n(3)
	works := 0
	for g := 0; g < goroutines; g++ {
		var ops []op
		held := make([]bool, mutexes)
		count := 4 + r.n(6)
		for i := 0; i < count; i++ {
			lockable := -1 // the lowest index above every held mutex
			for k := mutexes - 1; k >= 0 && !held[k]; k-- {
				lockable = k
			}
			holding := -1
			for k := 0; k < mutexes; k++ {
				if held[k] {
					holding = k
				}
			}
			switch c := r.n(10); {
			case c < 4 && lockable >= 0:
				k := lockable + r.n(mutexes-lockable)
				if r.n(5) == 0 {
					ops = append(ops, op{'T', k})
				} else {
					ops = append(ops, op{'L', k})
				}
				held[k] = true // if a TryLock fails, run skips the matching unlock
			case c < 7 && holding >= 0:
				ops = append(ops, op{'U', holding})
				held[holding] = false
			case c < 8 && works < 3:
				ops = append(ops, op{'W', 0})
				works++
			default:
				ops = append(ops, op{'Y', 0})
			}
		}
		for k := mutexes - 1; k >= 0; k-- {
			if held[k] {
				ops = append(ops, op{'U', k})
			}
		}
		progs = append(progs, ops)
	}
	return
}

func busy(d time.Duration) {
	t0 := time.Now()
	for time.Since(t0) < d {
	}
}

func run(g int, ops []op, mu []sync.Mutex) {
	held := make([]bool, len(mu))
	for _, o := range ops {
		name := "g" + strconv.Itoa(g)
		switch o.kind {
		case 'L':
			mu[o.m].Lock()
			held[o.m] = true
			record(fmt.Sprint(name, " locked ", o.m))
		case 'T':
			ok := mu[o.m].TryLock()
			held[o.m] = ok
			record(fmt.Sprint(name, " trylock ", o.m, " ", ok))
		case 'U':
			if !held[o.m] {
				record(fmt.Sprint(name, " skips unlock ", o.m))
				continue
			}
			mu[o.m].Unlock()
			held[o.m] = false
			record(fmt.Sprint(name, " unlocked ", o.m))
		case 'Y':
			runtime.Gosched()
			record(name + " yielded")
		case 'W':
			busy(2 * time.Millisecond)
			record(name + " worked")
		}
	}
}

func main() {
	seed, _ := strconv.ParseUint(os.Getenv("SEED"), 10, 64)
	mutexes, progs := gen(seed)
	mu := make([]sync.Mutex, mutexes)
	var wg sync.WaitGroup
	for g := 1; g < len(progs); g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			run(g, progs[g], mu)
		}()
	}
	run(0, progs[0], mu)
	wg.Wait()
	record("main end")
	fmt.Println(strings.Join(lines[:n.Load()], "\n"))
}
