// TestSelectFairness: select picks uniformly among ready cases.
// c1 and c2 are always ready, c3 and c4 never. 10000 trials; the count of c1
// must be within 10 sigma (sigma = 50) of 5000.
package main

import "fmt"

const trials = 10000

func main() {
	c1 := make(chan byte, trials+1)
	c2 := make(chan byte, trials+1)
	for i := 0; i < trials+1; i++ {
		c1 <- 1
		c2 <- 2
	}
	c3 := make(chan byte)
	c4 := make(chan byte)
	cnt1, cnt2 := 0, 0
	for i := 0; i < trials; i++ {
		var b byte
		select {
		case b = <-c3:
		case b = <-c4:
		case b = <-c1:
		case b = <-c2:
		}
		if b == 1 {
			cnt1++
		} else {
			cnt2++
		}
	}
	d := cnt1 - 5000
	if d < 0 {
		d = -d
	}
	fmt.Println("trials:", trials)
	fmt.Println("c1 within 10 sigma of 5000:", d <= 500)
	fmt.Println("c3/c4 never chosen:", cnt1+cnt2 == trials)
	fmt.Printf("measured: c1=%d c2=%d\n", cnt1, cnt2)
}
