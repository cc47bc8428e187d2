#!/usr/bin/env bash
# Builds every Go reference program, runs each case N times (default 20) and
# records what real Go printed:
#   <dir>/<case>.expected.txt         stdout of the most common run ("measured:" lines removed)
#   <dir>/<case>.expected.stderr.txt  stderr of that run, if it wrote any (mode "exact" only)
#   <dir>/<case>.expected.exit.txt    its exit code, only when it is not 0
#   <dir>/<case>.runs.txt             only when the runs differed: each distinct outcome with its count
#   <dir>/<case>.measured.txt         the "measured:" lines (and wall times for timed cases) of every run
#   <dir>/<case>.sample.txt           mode "sample": stderr of the first run (schedtrace), not compared
# and regenerates README.md from the results.
#
# The per-case results are also kept in results.tsv (tab-separated: case, program
# dir, environment, GOMAXPROCS, description, exit code, identical-on-every-run,
# mode), which a filtered run updates for the cases it re-ran.
#
# Usage: ./run.sh [N] [case-name-filter-regex]
#        ./run.sh --readme      (only regenerate README.md from results.tsv)
# Needs Go 1.23.5 (Debian bookworm-backports golang-go); std library only.
set -u
cd "$(dirname "$0")"
HERE=$(pwd)
README_ONLY=0
[ "${1:-}" = --readme ] && { README_ONLY=1; shift; }
N=${1:-20}
FILTER=${2:-.}
export GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local GO111MODULE=on
GOVERSION=$(go version) || { echo "go not found" >&2; exit 1; }
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
case "$GOVERSION" in
  *go1.23.5*) ;;
  *) echo "warning: expected go1.23.5, found: $GOVERSION" >&2 ;;
esac

# case | program dir | environment | mode (exact/sample/timed, "@R" = R runs instead of N) | timeout s | what it shows
CASES=$(cat <<'EOF'
e1-runnext|e1-runnext|GOMAXPROCS=1|exact|10|E1: new G -> runnext, old runnext -> ring tail; main parks in wg.Wait
e1-runnext-gosched|e1-runnext-gosched|GOMAXPROCS=1|exact|10|E1 with main Gosched instead of wg.Wait: main (global queue) runs after the local queue
e1-runnext-p2|e1-runnext|GOMAXPROCS=2|exact@100|10|E1 at GOMAXPROCS=2: a second P steals, order is not fixed
e2-gosched|e2-gosched|GOMAXPROCS=1|exact|10|E2: Gosched -> global tail; strict alternation starting with the last-created G
e5-close-order|e5-close-order|GOMAXPROCS=1|exact|10|E5: close() wakes the first waiter first, then the rest in reverse wait order
e6-overflow-258|e6-overflow-258|GOMAXPROCS=1|exact@100|10|E6: ring overflow (128+1 to global) and the 1-in-61 global check, N=258
e6-overflow-300|e6-overflow-300|GOMAXPROCS=1|exact@100|10|E6 with N=300
e6-overflow-258-noos|e6-overflow-258-noos|GOMAXPROCS=1|exact@100|10|E6 N=258 without importing os: no finalizer G in the local queue at main start
e6-overflow-300-noos|e6-overflow-300-noos|GOMAXPROCS=1|exact@100|10|E6 N=300 without importing os
startup-goroutines|startup-goroutines|GOMAXPROCS=1 GOTRACEBACK=system|exact|10|goroutines at main start (imports os): runfinq G5 is runnable
startup-goroutines-noos|startup-goroutines-noos|GOMAXPROCS=1 GOTRACEBACK=system|exact|10|goroutines at main start without os: only G2-G4, parked
gosched-local-vs-global|gosched-local-vs-global|GOMAXPROCS=1|exact|10|main creates G1..G3 then Gosched: local queue (G3 G1 G2) before main
chan-handoff|chan-handoff|GOMAXPROCS=1|exact|10|unbuffered ping-pong main<->G, 3 rounds: sender keeps running after a direct handoff
buffered-chan-order|buffered-chan-order|GOMAXPROCS=1|exact|10|cap-3 chan full, senders S6 S4 S5 blocked; receiver drains: FIFO buffer then sendq order
sleep-wake-order|sleep-wake-order|GOMAXPROCS=1|exact|10|sleeps 3ms,1ms,2ms wake in timer order
sleep-equal|sleep-equal|GOMAXPROCS=1|exact|10|three equal 1ms sleeps: wake/run order
numgoroutine|numgoroutine|GOMAXPROCS=1|exact|10|runtime.NumGoroutine excludes system goroutines
e3-async-preempt|e3-async-preempt|GOMAXPROCS=1|exact|10|E3: call-free loop is preempted by sysmon+signal after ~10ms
e3-asyncpreemptoff|e3-async-preempt|GOMAXPROCS=1 GODEBUG=asyncpreemptoff=1|timed|1|E3 with asyncpreemptoff=1: hangs (killed by timeout -> exit 124)
e4-deadlock-chan-recv|e4-deadlock-chan-recv|GOMAXPROCS=1|exact|10|E4: main blocked on <-ch
e4-deadlock-chan-recv-p2|e4-deadlock-chan-recv|GOMAXPROCS=2|exact|10|E4 at GOMAXPROCS=2 (same text?)
e4-deadlock-wg-wait|e4-deadlock-wg-wait|GOMAXPROCS=1|exact|10|E4: main in wg.Wait (wait reason in 1.23)
e4-deadlock-nil-recv|e4-deadlock-nil-recv|GOMAXPROCS=1|exact|10|E4: receive from nil chan
e4-deadlock-nil-send|e4-deadlock-nil-send|GOMAXPROCS=1|exact|10|E4: send to nil chan
e4-deadlock-select-empty|e4-deadlock-select-empty|GOMAXPROCS=1|exact|10|E4: select {}
e4-deadlock-select|e4-deadlock-select|GOMAXPROCS=1|exact|10|E4: select with two blocked cases
e4-deadlock-mutex|e4-deadlock-mutex|GOMAXPROCS=1|exact|10|E4: sync.Mutex locked twice (wait reason in 1.23)
mutex-woken-bit|mutex-woken-bit|GOMAXPROCS=1|exact|10|Mutex rule 1: while a woken waiter is pending (mutexWoken), Unlock wakes nobody; the first waiter locks first
mutex-sema-count|mutex-sema-count|GOMAXPROCS=1|exact|10|Mutex rule 3: a late Lock takes the count Unlock left for the woken waiter and queues LIFO; the woken one requeues at the tail
mutex-starvation-handoff|mutex-starvation-handoff|GOMAXPROCS=1|exact|10|Mutex rule 2: after a 1ms+ wait, Unlock hands the lock over and goyields to the local queue tail (before a G in the global queue)
mutex-handoff-return|mutex-handoff-return|GOMAXPROCS=1|exact|10|Mutex rule 2 when the unlocker returns right after Unlock: it yields first, so it still exists (NumGoroutine) while the waiter runs
mutex-handoff-await|mutex-handoff-await|GOMAXPROCS=1|exact|10|Mutex rule 2 when the unlocker next sends on a channel: it yields first, so the waiter runs before the send readies the receiver
mutex-random-s1|mutex-random|GOMAXPROCS=1 SEED=1|exact|10|random Mutex program, seed 1 (differential test: Lock/Unlock/TryLock/Gosched and 2ms busy waits on 1-2 mutexes)
mutex-random-s2|mutex-random|GOMAXPROCS=1 SEED=2|exact|10|random Mutex program, seed 2 (differential test: Lock/Unlock/TryLock/Gosched and 2ms busy waits on 1-2 mutexes)
mutex-random-s3|mutex-random|GOMAXPROCS=1 SEED=3|exact|10|random Mutex program, seed 3 (differential test: Lock/Unlock/TryLock/Gosched and 2ms busy waits on 1-2 mutexes)
mutex-random-s4|mutex-random|GOMAXPROCS=1 SEED=4|exact|10|random Mutex program, seed 4 (differential test: Lock/Unlock/TryLock/Gosched and 2ms busy waits on 1-2 mutexes)
mutex-random-s5|mutex-random|GOMAXPROCS=1 SEED=5|exact|10|random Mutex program, seed 5 (differential test: Lock/Unlock/TryLock/Gosched and 2ms busy waits on 1-2 mutexes)
mutex-random-s6|mutex-random|GOMAXPROCS=1 SEED=6|exact|10|random Mutex program, seed 6 (differential test: Lock/Unlock/TryLock/Gosched and 2ms busy waits on 1-2 mutexes)
mutex-random-s7|mutex-random|GOMAXPROCS=1 SEED=7|exact|10|random Mutex program, seed 7 (differential test: Lock/Unlock/TryLock/Gosched and 2ms busy waits on 1-2 mutexes)
mutex-random-s8|mutex-random|GOMAXPROCS=1 SEED=8|exact|10|random Mutex program, seed 8 (differential test: Lock/Unlock/TryLock/Gosched and 2ms busy waits on 1-2 mutexes)
mutex-random-s9|mutex-random|GOMAXPROCS=1 SEED=9|exact|10|random Mutex program, seed 9 (differential test: Lock/Unlock/TryLock/Gosched and 2ms busy waits on 1-2 mutexes)
mutex-random-s10|mutex-random|GOMAXPROCS=1 SEED=10|exact|10|random Mutex program, seed 10 (differential test: Lock/Unlock/TryLock/Gosched and 2ms busy waits on 1-2 mutexes)
mutex-random-s11|mutex-random|GOMAXPROCS=1 SEED=11|exact|10|random Mutex program, seed 11 (differential test: Lock/Unlock/TryLock/Gosched and 2ms busy waits on 1-2 mutexes)
mutex-random-s12|mutex-random|GOMAXPROCS=1 SEED=12|exact|10|random Mutex program, seed 12 (differential test: Lock/Unlock/TryLock/Gosched and 2ms busy waits on 1-2 mutexes)
mutex-random-s13|mutex-random|GOMAXPROCS=1 SEED=13|exact|10|random Mutex program, seed 13 (differential test: Lock/Unlock/TryLock/Gosched and 2ms busy waits on 1-2 mutexes)
mutex-random-s14|mutex-random|GOMAXPROCS=1 SEED=14|exact|10|random Mutex program, seed 14 (differential test: Lock/Unlock/TryLock/Gosched and 2ms busy waits on 1-2 mutexes)
mutex-random-s15|mutex-random|GOMAXPROCS=1 SEED=15|exact|10|random Mutex program, seed 15 (differential test: Lock/Unlock/TryLock/Gosched and 2ms busy waits on 1-2 mutexes)
mutex-random-s16|mutex-random|GOMAXPROCS=1 SEED=16|exact|10|random Mutex program, seed 16 (differential test: Lock/Unlock/TryLock/Gosched and 2ms busy waits on 1-2 mutexes)
mutex-random-s17|mutex-random|GOMAXPROCS=1 SEED=17|exact|10|random Mutex program, seed 17 (differential test: Lock/Unlock/TryLock/Gosched and 2ms busy waits on 1-2 mutexes)
mutex-random-s18|mutex-random|GOMAXPROCS=1 SEED=18|exact|10|random Mutex program, seed 18 (differential test: Lock/Unlock/TryLock/Gosched and 2ms busy waits on 1-2 mutexes)
mutex-random-s19|mutex-random|GOMAXPROCS=1 SEED=19|exact|10|random Mutex program, seed 19 (differential test: Lock/Unlock/TryLock/Gosched and 2ms busy waits on 1-2 mutexes)
mutex-random-s20|mutex-random|GOMAXPROCS=1 SEED=20|exact|10|random Mutex program, seed 20 (differential test: Lock/Unlock/TryLock/Gosched and 2ms busy waits on 1-2 mutexes)
mutex-random-s21|mutex-random|GOMAXPROCS=1 SEED=21|exact|10|random Mutex program, seed 21 (differential test: Lock/Unlock/TryLock/Gosched and 2ms busy waits on 1-2 mutexes)
mutex-random-s22|mutex-random|GOMAXPROCS=1 SEED=22|exact|10|random Mutex program, seed 22 (differential test: Lock/Unlock/TryLock/Gosched and 2ms busy waits on 1-2 mutexes)
mutex-random-s23|mutex-random|GOMAXPROCS=1 SEED=23|exact|10|random Mutex program, seed 23 (differential test: Lock/Unlock/TryLock/Gosched and 2ms busy waits on 1-2 mutexes)
mutex-random-s24|mutex-random|GOMAXPROCS=1 SEED=24|exact|10|random Mutex program, seed 24 (differential test: Lock/Unlock/TryLock/Gosched and 2ms busy waits on 1-2 mutexes)
e4-deadlock-rwmutex|e4-deadlock-rwmutex|GOMAXPROCS=1|exact|10|E4: RWMutex RLock then Lock
e4-deadlock-cond|e4-deadlock-cond|GOMAXPROCS=1|exact|10|E4: sync.Cond.Wait with no signaller
e4-deadlock-chan-send|e4-deadlock-chan-send|GOMAXPROCS=1|exact|10|E4: another G blocked on send, main on receive; created-by trailer
e4-deadlock-mixed|e4-deadlock-mixed|GOMAXPROCS=1|exact|10|E4: five user Gs blocked in different ways; listing order and goids
e4-deadlock-after-sleep|e4-deadlock-after-sleep|GOMAXPROCS=1|timed|10|E4: a pending 200ms timer postpones the deadlock report
e4-goexit-deadlock|e4-goexit-deadlock|GOMAXPROCS=1|exact|10|runtime.Goexit in main: others run, then "no goroutines" fatal
e7-panic-goroutine|e7-panic-goroutine|GOMAXPROCS=1|exact|10|E7: panic in a goroutine kills the process; main's defer does not run
e7-panic-goroutine-tball|e7-panic-goroutine|GOMAXPROCS=1 GOTRACEBACK=all|exact|10|E7 with GOTRACEBACK=all: other user goroutines listed too
e7-panic-main|e7-panic-main|GOMAXPROCS=1|exact|10|panic("test") in main
e7-send-closed|e7-send-closed|GOMAXPROCS=1|exact|10|send on closed channel
e7-close-closed|e7-close-closed|GOMAXPROCS=1|exact|10|close of closed channel
e7-close-nil|e7-close-nil|GOMAXPROCS=1|exact|10|close of nil channel
e7-negative-waitgroup|e7-negative-waitgroup|GOMAXPROCS=1|exact|10|wg.Done below zero
e7-unlock-unlocked|e7-unlock-unlocked|GOMAXPROCS=1|exact|10|Unlock of an unlocked Mutex: fatal error, not panic
e7-unlock-unlocked-recover|e7-unlock-unlocked-recover|GOMAXPROCS=1|exact|10|same under a deferred recover(): cannot be recovered
e7-unlock-unlocked-others|e7-unlock-unlocked-others|GOMAXPROCS=1|exact|10|sync fatal error with another G blocked: are all goroutines listed?
e7-panic-main-others|e7-panic-main-others|GOMAXPROCS=1|exact|10|panic in main with another G blocked: only the panicking G is listed
e7-runlock-unlocked|e7-runlock-unlocked|GOMAXPROCS=1|exact|10|RUnlock of an unlocked RWMutex
e7-repanic|e7-repanic|GOMAXPROCS=1|exact|10|a deferred func panics during a panic
e7-recovered-repanic|e7-recovered-repanic|GOMAXPROCS=1|exact|10|recover() then panic again
e7-panic-error|e7-panic-error|GOMAXPROCS=1|exact|10|panic(errors.New(...)) prints Error()
e7-panic-int|e7-panic-int|GOMAXPROCS=1|exact|10|panic(42)
e7-index-out-of-range|e7-index-out-of-range|GOMAXPROCS=1|exact|10|runtime error text
e7-main-returns|e7-main-returns|GOMAXPROCS=1|exact|10|E7: G created just before main returns never runs
e7-main-returns-p2|e7-main-returns|GOMAXPROCS=2|exact|10|same at GOMAXPROCS=2
e8-pingpong-starve|e8-pingpong-starve|GOMAXPROCS=1 WORK=0|exact|10|E8: a third G in the ring waits while a pure ping-pong pair hands off via runnext; it runs only when a sysmon preemption lands
e8-pingpong-starve-work|e8-pingpong-starve|GOMAXPROCS=1 WORK=100000|exact|10|E8 with ~100k iterations of work per turn: sysmon's preemption lands, third G runs after ~10ms
select-fairness|select-fairness|GOMAXPROCS=1|exact|10|B.32: uniform choice among ready select cases, 10000 trials
e8-pingpong|e8-pingpong|GOMAXPROCS=1 GODEBUG=schedtrace=10,scheddetail=1|sample|10|E8: ping-pong pair shares a time slice; P0 schedtick barely moves
schedtrace|schedtrace|GODEBUG=schedtrace=10|sample|10|GODEBUG=schedtrace=10 sample lines (default GOMAXPROCS)
schedtrace-detail|schedtrace|GODEBUG=schedtrace=10,scheddetail=1|sample|10|GODEBUG=schedtrace=10,scheddetail=1 sample lines
schedtrace-p1|schedtrace|GOMAXPROCS=1 GODEBUG=schedtrace=10|sample|10|schedtrace at GOMAXPROCS=1
gmp-threads|gmp-threads|GOMAXPROCS=1|exact|10|Lesson 03: 8 goroutines sit 50 ms in blocking syscalls at once, GOMAXPROCS=1: threads grow past GOMAXPROCS and the calls overlap (the P moves on)
gmp-threads-p2|gmp-threads|GOMAXPROCS=2|exact|10|Lesson 03: the same at GOMAXPROCS=2
newproc-child-runnext-k4p0|newproc-child-runnext|GOMAXPROCS=1 K=4 PARENT=0|exact|10|lesson 02: 4 goroutines, goroutine 0 creates c: c goes to the empty runnext and runs right after its parent
newproc-child-runnext-k5p2|newproc-child-runnext|GOMAXPROCS=1 K=5 PARENT=2|exact|10|lesson 02: 5 goroutines, goroutine 2 creates c: c goes to the empty runnext and runs right after its parent
newproc-child-runnext-k3p2|newproc-child-runnext|GOMAXPROCS=1 K=3 PARENT=2|exact|10|lesson 02: 3 goroutines, goroutine 2 creates c: c goes to the empty runnext and runs right after its parent
newproc-child-runnext-k6p1|newproc-child-runnext|GOMAXPROCS=1 K=6 PARENT=1|exact|10|lesson 02: 6 goroutines, goroutine 1 creates c: c goes to the empty runnext and runs right after its parent
newproc-child-runnext-k5p4|newproc-child-runnext|GOMAXPROCS=1 K=5 PARENT=4|exact|10|lesson 02: 5 goroutines, goroutine 4 creates c: c goes to the empty runnext and runs right after its parent
newproc-child-runnext-k4p3|newproc-child-runnext|GOMAXPROCS=1 K=4 PARENT=3|exact|10|lesson 02: 4 goroutines, goroutine 3 creates c: c goes to the empty runnext and runs right after its parent
newproc-goid|newproc-goid|GOMAXPROCS=1|exact|10|lesson 02: a goroutine made after another exited reuses its G and stack (gfget) but gets a fresh goid
goroutine-cost|goroutine-cost|GOMAXPROCS=1|exact|10|lesson 02: 10000 parked goroutines: NumGoroutine, 2 KiB of stack each; creation time measured (fresh Gs, then reused ones)
runq-child-runnext|runq-child-runnext|GOMAXPROCS=1|exact|10|Lesson 04: goroutine 1 of 4 starts a child; newproc puts it in runnext, so it runs right after its parent, ahead of the ring
runq-child-runnext-5-2|runq-child-runnext|GOMAXPROCS=1 N=5 PARENT=2|exact|10|Lesson 04 (04.child-runs-next variant 0): 5 goroutines, goroutine 2 starts the child
runq-fairness-gosched|runq-fairness-gosched|GOMAXPROCS=1|exact@100|10|Lesson 04 (04.fairness-main variant 0): main Goscheds behind 100 goroutines; the 1-in-61 schedtick check brings it back from the global queue
runq-fairness-gosched-n40|runq-fairness-gosched|GOMAXPROCS=1 N=40|exact|10|Lesson 04: with 40 goroutines the ring runs dry before tick 61, so main comes back after all 40
runq-fairness-gosched-w2|runq-fairness-gosched|GOMAXPROCS=1 WARMUP=2|exact@100|10|Lesson 04: two Goscheds before the loop move the 1-in-61 phase by one
gomaxprocs-threads-syscall-p1|gomaxprocs-threads|GOMAXPROCS=1 WORK=syscall|exact|10|Lesson 05: 8 goroutines in a 200 ms blocking nanosleep at GOMAXPROCS=1: threads grow past GOMAXPROCS, one per blocked syscall
gomaxprocs-threads-syscall-p2|gomaxprocs-threads|GOMAXPROCS=2 WORK=syscall|exact|10|Lesson 05: the same at GOMAXPROCS=2
gomaxprocs-threads-cpu-p1|gomaxprocs-threads|GOMAXPROCS=1 WORK=cpu|exact|10|Lesson 05: 8 goroutines of 200 ms CPU work at GOMAXPROCS=1: no threads beyond GOMAXPROCS and a few runtime ones
gomaxprocs-threads-cpu-p2|gomaxprocs-threads|GOMAXPROCS=2 WORK=cpu|exact|10|Lesson 05: the same at GOMAXPROCS=2
gomaxprocs-threads-pipe-p1|gomaxprocs-threads|GOMAXPROCS=1 WORK=pipe|exact|10|Lesson 05: 8 goroutines waiting ~100 ms to read from a pipe (os.Pipe, non-blocking: parked in the netpoller) at GOMAXPROCS=1: no thread per goroutine
gomaxprocs-resize|gomaxprocs-resize|GOMAXPROCS=2|exact|10|Lesson 05: runtime.GOMAXPROCS(n) returns the previous value, may exceed the cores, and a shrink while goroutines run loses none
blocking-threads-syscall|blocking-threads|GOMAXPROCS=1 MODE=syscall|exact|10|four goroutines in a 20 ms blocking syscall (Nanosleep) at GOMAXPROCS=1: sysmon hands the P off and new threads start
blocking-threads-netpoll|blocking-threads|GOMAXPROCS=1 MODE=netpoll|exact|10|four goroutines waiting 20 ms on pipes (netpoll, IO wait) at GOMAXPROCS=1: no new thread
blocking-recv-parks|blocking-recv-parks|GOMAXPROCS=1|exact|10|a receiver parks on an empty unbuffered channel; the sender hands the value over, readies it into runnext and keeps running
blocking-sleep-order|blocking-sleep-order|GOMAXPROCS=1|exact|10|sleeps of 30, 10 and 20 ms (started in that order) wake in timer order
preempt-hog-loop|preempt-hog|GOMAXPROCS=1 HOG=loop|exact|10|Lesson 07: a 60 ms call-free loop on the only P; a goroutine whose 1 ms sleep is over runs when sysmon's signal preempts the loop (~10-20 ms)
preempt-hog-loop-asyncoff|preempt-hog|GOMAXPROCS=1 HOG=loop GODEBUG=asyncpreemptoff=1|exact|10|Lesson 07: the same with asyncpreemptoff=1: nothing stops the loop, the sleeper runs only after it
preempt-hog-calls|preempt-hog|GOMAXPROCS=1 HOG=calls|exact|10|Lesson 07: the hog's loop calls a non-leaf function each round (a safe point)
preempt-hog-calls-asyncoff|preempt-hog|GOMAXPROCS=1 HOG=calls GODEBUG=asyncpreemptoff=1|exact|10|Lesson 07: with asyncpreemptoff=1 the loop with calls is still preempted, cooperatively, at a call (Go before 1.14)
preempt-hog-leaf-asyncoff|preempt-hog|GOMAXPROCS=1 HOG=leaf GODEBUG=asyncpreemptoff=1|exact|10|Lesson 07: a loop that calls only a small leaf function (compiled NOSPLIT: no stack check, no safe point) is not preempted with asyncpreemptoff=1
preempt-hog-gosched-asyncoff|preempt-hog|GOMAXPROCS=1 HOG=gosched GODEBUG=asyncpreemptoff=1|exact|10|Lesson 07: runtime.Gosched() after every 1 ms chunk of the loop: the sleeper runs at ~1-2 ms, no preemption needed
preempt-hog-gosched-after-asyncoff|preempt-hog|GOMAXPROCS=1 HOG=gosched-after GODEBUG=asyncpreemptoff=1|exact|10|Lesson 07: runtime.Gosched() only after the whole loop: the sleeper still waits for the loop
preempt-stw-gomaxprocs|preempt-stw|GOMAXPROCS=2 MODE=gomaxprocs|exact|10|Lesson 07: runtime.GOMAXPROCS(3) stops the world while a call-free loop spins on the other P: the signal stops the loop, the call returns at once
preempt-stw-gomaxprocs-asyncoff|preempt-stw|GOMAXPROCS=2 MODE=gomaxprocs GODEBUG=asyncpreemptoff=1|exact|10|Lesson 07: the same with asyncpreemptoff=1: the stop-the-world waits for the loop to end
preempt-stw-gc|preempt-stw|GOMAXPROCS=2 MODE=gc|exact|10|Lesson 07: runtime.GC() while a call-free loop spins on the other P
preempt-stw-gc-asyncoff|preempt-stw|GOMAXPROCS=2 MODE=gc GODEBUG=asyncpreemptoff=1|exact|10|Lesson 07: runtime.GC() with asyncpreemptoff=1 waits for the loop to end
concpar-io-sleep-p1|concpar-io-bound|GOMAXPROCS=1 WAIT=sleep|exact|10|Lesson 08: 1000 goroutines each Sleep 20 ms at GOMAXPROCS=1: the waits overlap on one P, done in about one wait
concpar-io-sleep-p2|concpar-io-bound|GOMAXPROCS=2 WAIT=sleep|exact|10|Lesson 08: the same at GOMAXPROCS=2 (no faster: there is nothing to run in parallel)
concpar-io-netpoll-p1|concpar-io-bound|GOMAXPROCS=1 WAIT=pipe|exact|10|Lesson 08: 1000 goroutines each wait 20 ms to read a pipe (netpoll, IO wait) at GOMAXPROCS=1: done in about one wait
concpar-io-chan-p1|concpar-io-bound|GOMAXPROCS=1 WAIT=chan|exact|10|Lesson 08: 1000 goroutines wait on a channel closed after 20 ms at GOMAXPROCS=1: done in about one wait
concpar-cpu-serial0|concpar-cpu-bound|SERIAL=0|exact@5|60|Lesson 08: CPU-bound job (8 goroutines of real computation) at GOMAXPROCS 1, 2, 4, 8 in one process: it never keeps more cores busy than min(Ps, cores)
concpar-cpu-serial25|concpar-cpu-bound|SERIAL=25|exact@5|60|Lesson 08: the same with a 25% serial part: never more cores busy on average than Amdahl's law allows
pitfall-leak|pitfall-leak|GOMAXPROCS=1|exact|10|Lesson 09: first() keeps the first of three answers on an unbuffered channel; the two other senders block forever, NumGoroutine grows by 2 per call
pitfall-leak-fixed|pitfall-leak|GOMAXPROCS=1 MODE=fixed|exact|10|Lesson 09: the same with a buffer of 3: every sender exits, NumGoroutine stays 1
pitfall-deadlock|pitfall-deadlock|GOMAXPROCS=1|exact|10|Lesson 09: main waits in wg.Wait for senders that wait for a receiver: all goroutines are asleep, with the listing of every goroutine
pitfall-main-returns|pitfall-main-returns|GOMAXPROCS=1|exact|10|Lesson 09: main returns before its 5 goroutines run; none of them runs
pitfall-main-returns-wait|pitfall-main-returns|GOMAXPROCS=1 MODE=wait|exact|10|Lesson 09: the same with wg.Wait: all 5 run
pitfall-loopvar-121|pitfall-loopvar-121|GOMAXPROCS=1|exact|10|Lesson 09: loop-variable capture with the file at go1.21 (//go:build go1.21): one i shared by all iterations, goroutines see 3 3 3
pitfall-loopvar-122|pitfall-loopvar-122|GOMAXPROCS=1|exact|10|Lesson 09: the same program at go1.22: a variable per iteration, goroutines see 2 0 1
pitfall-loopvar-outside|pitfall-loopvar-outside|GOMAXPROCS=1|exact|10|Lesson 09: a variable declared outside the loop (the current batch) is still shared in Go 1.23: every goroutine sees its value after the loop
pitfall-unbounded|pitfall-unbounded|GOMAXPROCS=1|exact|10|Lesson 09: one goroutine per job for 1000 jobs of 1 ms: more than 100 goroutines alive at once (hundreds, up to 1001; measured)
pitfall-unbounded-pool|pitfall-unbounded|GOMAXPROCS=1 MODE=pool|exact|10|Lesson 09: the same jobs on a pool of 4 workers: at most 5 goroutines
pitfall-panic|pitfall-panic|GOMAXPROCS=1|exact|10|Lesson 09: a goroutine panics; the deferred recover in main does not stop it: panic report, created by main.main, exit 2
pitfall-panic-recover|pitfall-panic-recover|GOMAXPROCS=1|exact|10|Lesson 09: each goroutine recovers its own panic; the program completes with every result
pitfall-wg-add|pitfall-wg-add|GOMAXPROCS=1|exact|10|Lesson 09: wg.Add inside the goroutine: Wait returns before any of the 5 has run
pitfall-wg-add-before|pitfall-wg-add|GOMAXPROCS=1 MODE=before|exact|10|Lesson 09: wg.Add before each go statement: Wait returns after all 5
EOF
)

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
SUMMARY="$TMP/summary"
: > "$SUMMARY"
if [ "$README_ONLY" = 0 ]; then
mkdir -p bin

# Build every program directory once.
for d in */; do
  d=${d%/}
  [ -f "$d/main.go" ] || continue
  go build -trimpath -o "bin/$d" "./$d" || { echo "build failed: $d" >&2; exit 1; }
done

while IFS='|' read -r name dir envs mode tmo desc; do
  [ -n "$name" ] || continue
  echo "$name" | grep -Eq -- "$FILTER" || continue
  runs=$N
  case "$mode" in *@*) runs=${mode#*@}; mode=${mode%@*} ;; esac
  echo "== $name ($envs) x$runs" >&2
  rm -f "$dir/$name".*.txt
  rdir="$TMP/$name"; mkdir -p "$rdir"
  : > "$rdir/measured"
  for i in $(seq 1 "$runs"); do
    t0=$(date +%s%N)
    # shellcheck disable=SC2086
    env $envs timeout "$tmo" "bin/$dir" > "$rdir/out.$i" 2> "$rdir/err.$i"
    rc=$?
    t1=$(date +%s%N)
    grep '^measured: ' "$rdir/out.$i" | sed "s/^/run $i: /" >> "$rdir/measured"
    [ "$mode" = timed ] && echo "run $i: wall=$(( (t1 - t0) / 1000000 ))ms" >> "$rdir/measured"
    grep -v '^measured: ' "$rdir/out.$i" > "$rdir/o.$i"
    # One canonical text per run, used to compare runs.
    {
      echo "exit: $rc"
      echo "--- stdout"
      cat "$rdir/o.$i"
      if [ "$mode" != sample ]; then echo "--- stderr"; cat "$rdir/err.$i"; fi
    } > "$rdir/c.$i"
    echo "$rc" > "$rdir/rc.$i"
  done
  # Group identical runs.
  for i in $(seq 1 "$runs"); do echo "$(sha1sum < "$rdir/c.$i" | cut -c1-16) $i"; done > "$rdir/hashes"
  distinct=$(cut -d' ' -f1 "$rdir/hashes" | sort -u | wc -l)
  best=$(cut -d' ' -f1 "$rdir/hashes" | sort | uniq -c | sort -k1,1nr -k2 | head -1 | awk '{print $2}')
  bi=$(awk -v h="$best" '$1==h{print $2; exit}' "$rdir/hashes")
  bcount=$(awk -v h="$best" '$1==h' "$rdir/hashes" | wc -l)
  cp "$rdir/o.$bi" "$dir/$name.expected.txt"
  rc=$(cat "$rdir/rc.$bi")
  [ "$rc" != 0 ] && echo "$rc" > "$dir/$name.expected.exit.txt"
  if [ "$mode" != sample ] && [ -s "$rdir/err.$bi" ]; then cp "$rdir/err.$bi" "$dir/$name.expected.stderr.txt"; fi
  [ "$mode" = sample ] && cp "$rdir/err.1" "$dir/$name.sample.txt"
  [ -s "$rdir/measured" ] && cp "$rdir/measured" "$dir/$name.measured.txt"
  if [ "$distinct" -gt 1 ]; then
    {
      echo "# $name: $runs runs, $distinct distinct outcomes (count, then the outcome)"
      cut -d' ' -f1 "$rdir/hashes" | sort | uniq -c | sort -k1,1nr | while read -r cnt h; do
        j=$(awk -v h="$h" '$1==h{print $2; exit}' "$rdir/hashes")
        echo
        echo "## $cnt x"
        cat "$rdir/c.$j"
      done
    } > "$dir/$name.runs.txt"
    det="no: $distinct distinct outcomes, most common $bcount/$runs (see $name.runs.txt)"
  else
    det="yes ($runs/$runs)"
  fi
  gmp=$(echo "$envs" | tr ' ' '\n' | sed -n 's/^GOMAXPROCS=//p'); [ -n "$gmp" ] || gmp="default ($(nproc))"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$dir" "$envs" "$gmp" "$desc" "$rc" "$det" "$mode" >> "$SUMMARY"
done <<< "$CASES"

# Merge into results.tsv: keep the rows of cases not re-run, in CASES order.
{
  if [ "$FILTER" = . ] || [ ! -f results.tsv ]; then
    echo "# $GOVERSION; $(nproc) CPUs; $N runs per case unless noted; recorded $(date -u +%Y-%m-%dT%H:%MZ); load average at start: $LOAD"
  else
    grep '^#' results.tsv
  fi
  while IFS='|' read -r name _; do
    [ -n "$name" ] || continue
    if grep -q "^$name	" "$SUMMARY"; then grep "^$name	" "$SUMMARY"
    elif [ -f results.tsv ]; then grep "^$name	" results.tsv || true
    fi
  done <<< "$CASES"
} > "$TMP/results.tsv"
mv "$TMP/results.tsv" results.tsv
fi # README_ONLY

grep -v '^#' results.tsv > "$SUMMARY"
HEADER=$(grep '^#' results.tsv | sed 's/^# //')

{
cat <<EOF
# Go reference programs for the scheduler's fidelity tests

Recorded by \`./run.sh\` with Debian bookworm-backports \`golang-go\`: $HEADER.
The machine was shared with other jobs, so timing-dependent cases are noisier than on an idle
machine. Do not edit this file by hand: \`run.sh\` regenerates it (\`./run.sh --readme\` from
\`results.tsv\` without re-running).

What these results mean for the model, and where they differ from \`/work/shared/GO-RUNTIME.md\`:
see [FINDINGS.md](FINDINGS.md) (hand-written; this README is generated).

Each folder is one \`package main\` program (std library only) in the module \`goreference\`.
Programs record their lines in memory and print them at the end, because a goroutine that
prints with a write syscall can lose its P to another M (sysmon hands off a P whose syscall
takes more than ~20 µs), which changes the order at GOMAXPROCS=1. Crash programs write
nothing themselves; the runtime's stderr is the output.

Build: \`GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local go build -trimpath\`. Because of
\`-trimpath\` the file names in tracebacks are \`goreference/<folder>/main.go\`; the \`+0x..\`
offsets are those of Go 1.23.5's compiler for amd64.

Files written next to each program, per case (a case is a program plus an environment):

| file | content |
|---|---|
| \`<case>.expected.txt\` | stdout of the most common run, without \`measured:\` lines |
| \`<case>.expected.stderr.txt\` | stderr of that run (only when there was any) |
| \`<case>.expected.exit.txt\` | exit code, only when not 0 (124 = killed by \`timeout\`) |
| \`<case>.runs.txt\` | only when the runs differed: every distinct outcome with its count |
| \`<case>.measured.txt\` | timing/count lines of every run (not compared) |
| \`<case>.sample.txt\` | schedtrace cases: the stderr of the first run (not compared) |

"Identical" compares exit code, stdout (without \`measured:\` lines) and, except for schedtrace
cases, stderr.

## Summary

| case | program | GOMAXPROCS | env | what it shows | output (first lines; full text below) | exit | identical on every run |
|---|---|---|---|---|---|---|---|
EOF
while IFS=$'\t' read -r name dir envs gmp desc rc det mode; do
  other=$(echo "$envs" | tr ' ' '\n' | grep -v '^GOMAXPROCS=' | tr '\n' ' ' | sed 's/ *$//')
  if [ "$mode" != sample ] && [ -s "$dir/$name.expected.stderr.txt" ]; then src="$dir/$name.expected.stderr.txt"; else src="$dir/$name.expected.txt"; fi
  short=$(sed '/^$/d' "$src" | head -3 | awk 'length($0) > 70 { $0 = substr($0, 1, 70) "…" } { print }' | sed 's/|/\\|/g; s/`//g' | awk 'NR > 1 { printf "` ⏎ `" } { printf "%s", $0 }')
  printf '| %s | `%s/` | %s | %s | %s | %s | %s | %s |\n' "$name" "$dir" "$gmp" "${other:+\`$other\`}" "$desc" "${short:+\`$short\`}" "$rc" "$det"
done < "$SUMMARY"
echo
echo "## Outputs"
while IFS=$'\t' read -r name dir envs gmp desc rc det mode; do
  echo
  echo "### $name"
  echo
  echo "\`$envs bin/$dir\` — $desc. Exit code $rc. Identical on every run: $det."
  if [ -s "$dir/$name.expected.txt" ]; then
    echo; echo "stdout:"; echo; echo '```'; cat "$dir/$name.expected.txt"; echo '```'
  fi
  if [ -s "$dir/$name.expected.stderr.txt" ]; then
    echo; echo "stderr:"; echo; echo '```'; cat "$dir/$name.expected.stderr.txt"; echo '```'
  fi
  if [ -f "$dir/$name.runs.txt" ]; then
    echo; echo "Distribution (\`$name.runs.txt\`; each outcome starts with its count):"; echo; echo '```'
    grep -v '^# ' "$dir/$name.runs.txt" | sed '/^$/d' | awk 'length($0) > 160 { $0 = substr($0, 1, 160) " …" } { print }'
    echo '```'
  fi
  if [ -s "$dir/$name.measured.txt" ]; then
    echo; echo "Measured (first runs, \`$name.measured.txt\`):"; echo; echo '```'; head -5 "$dir/$name.measured.txt"; echo '```'
  fi
  if [ -s "$dir/$name.sample.txt" ]; then
    echo; echo "stderr sample (first 12 lines of \`$name.sample.txt\`):"; echo; echo '```'; head -12 "$dir/$name.sample.txt"; echo '```'
  fi
done < "$SUMMARY"
} > README.md
echo "wrote README.md" >&2
