// Which goroutines exist when main.main starts? Run with GOTRACEBACK=system:
// the panic traceback then lists system goroutines too. This program imports
// os (as every program using fmt does): os's init calls runtime.SetFinalizer,
// which creates the finalizer goroutine runfinq (goid 5), still runnable (in
// runnext) when main.main starts.
package main

import "os"

func main() {
	_ = os.Args
	panic("startup")
}
