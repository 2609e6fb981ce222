//go:build unix

// Package cputime reads the CPU time of the process, for benchmarks that
// report it beside wall time: on a shared machine it is the steadier figure.
package cputime

import (
	"syscall"
	"time"
)

// Process is the CPU time (user + system) the process has used so far,
// the collector's work included and other load on the machine excluded.
func Process() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
