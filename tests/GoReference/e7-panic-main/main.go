package main

func main() {
	panic("test")
}
