// main calls runtime.Goexit: the other goroutines keep running; when none are
// left the runtime reports "no goroutines (main called runtime.Goexit)".
package main

import (
	"os"
	"runtime"
)

func main() {
	defer os.Stdout.WriteString("main deferred (Goexit runs defers)\n")
	go func() { os.Stdout.WriteString("G a ran\n") }()
	go func() { os.Stdout.WriteString("G b ran\n") }()
	runtime.Goexit()
}
