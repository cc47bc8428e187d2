package main

import "os"

func main() {
	s := []int{1, 2, 3}
	i := len(os.Args) + 4
	_ = s[i]
}
