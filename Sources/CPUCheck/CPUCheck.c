#include "CPUCheck.h"

// `make release` defines SCALEPLAN_X86_64_V3 (with -Xcc) when it compiles the Swift code for
// Haswell-class CPUs (-target-cpu haswell: AVX2, FMA, BMI1/2, F16C, LZCNT, MOVBE).
#if defined(__x86_64__) && defined(SCALEPLAN_X86_64_V3)
#include <cpuid.h>
#include <unistd.h>

/// Whether the CPU has, and the OS saves the state of, everything -target-cpu haswell may emit.
static int has_x86_64_v3(void) {
    unsigned int eax, ebx, ecx, edx;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return 0;
    const unsigned int leaf1 = bit_FMA | bit_MOVBE | bit_OSXSAVE | bit_AVX | bit_F16C | bit_POPCNT | bit_SSE4_2;
    if ((ecx & leaf1) != leaf1) return 0;
    // The OS must save the YMM registers on a context switch (XCR0 bits 1 and 2).
    unsigned int xcr0, xcr0High;
    __asm__ volatile("xgetbv" : "=a"(xcr0), "=d"(xcr0High) : "c"(0));
    if ((xcr0 & 6) != 6) return 0;
    if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return 0;
    const unsigned int leaf7 = bit_AVX2 | bit_BMI | bit_BMI2;
    if ((ebx & leaf7) != leaf7) return 0;
    if (!__get_cpuid(0x80000001, &eax, &ebx, &ecx, &edx)) return 0;
    return (ecx & bit_LZCNT) != 0;
}

__attribute__((constructor)) static void scaleplan_require_x86_64_v3(void) {
    if (has_x86_64_v3()) return;
    static const char message[] =
        "scaleplan: error: this binary was built for x86-64 CPUs with AVX2 and FMA (x86-64-v3: Intel "
        "Haswell, AMD Zen or later), and this CPU lacks them\n"
        "suggestion: build a portable binary here: make release PORTABLE=1\n";
    ssize_t ignored = write(2, message, sizeof message - 1);
    (void)ignored;
    _exit(SCALEPLAN_UNSUPPORTED_CPU_STATUS);
}
#endif
