package main

import (
	"fmt"
	"os"
	"time"

	"github.com/aligncheck/aligncheck/align/lang"
	"github.com/aligncheck/aligncheck/align/lexicon"
)

func main() {
	t0 := time.Now()
	switch os.Args[1] {
	case "lex":
		lexicon.Default()
	case "lang":
		lang.Load()
	case "both":
		lexicon.Load()
	}
	fmt.Println(os.Args[1], time.Since(t0))
}
