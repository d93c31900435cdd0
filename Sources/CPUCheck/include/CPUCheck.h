// The CPU check of a release binary built for x86-64-v3 (`make release` on a machine with AVX2
// and FMA): a constructor, run before any Swift code, that stops with a clear message and exit
// status 71 (ExitCode.unsupportedCPU) on a CPU that lacks those instructions, where the first
// vector instruction would otherwise kill the process with SIGILL. Compiled without the Swift
// targets' CPU flags, so it runs on any x86-64; a no-op elsewhere and in portable builds.
#ifndef SCALEPLAN_CPU_CHECK_H
#define SCALEPLAN_CPU_CHECK_H

/// The exit status of a binary started on a CPU it was not built for (ExitCode.unsupportedCPU).
#define SCALEPLAN_UNSUPPORTED_CPU_STATUS 71

#endif
