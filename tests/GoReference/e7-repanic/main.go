// A deferred function panics while the first panic is unwinding.
package main

func main() {
	defer func() {
		panic("second")
	}()
	panic("first")
}
