// As startup-goroutines, without importing os: only forcegc (2), bgsweep (3)
// and bgscavenge (4) exist, all parked; no finalizer goroutine.
package main

func main() {
	panic("startup")
}
