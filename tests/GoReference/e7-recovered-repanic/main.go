// The first panic is recovered, then the deferred function panics again.
package main

func main() {
	defer func() {
		recover()
		panic("second")
	}()
	panic("first")
}
