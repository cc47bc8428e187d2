// Panic values: an error prints its Error() text.
package main

import "errors"

func main() {
	panic(errors.New("boom error"))
}
