# scaleplan — build, test, install. `make help` lists the targets.
PREFIX ?= /usr/local
SWIFT ?= swift
BINDIR = $(PREFIX)/bin
SHAREDIR = $(PREFIX)/share/scaleplan

.PHONY: help build test run release install uninstall lint schema bench fuzz clean

help:
	@echo "make build      debug build"
	@echo "make test       build, then run every test (what CI runs)"
	@echo "make run        simulate the bundled 'oviya' profile (ARGS='show sayar' runs another command)"
	@echo "make release    optimised, statically linked binary (for x86-64-v3 where the CPU has it; PORTABLE=1: any x86-64)"
	@echo "make install    install to PREFIX (default /usr/local): binary, profiles, man page, completions"
	@echo "make uninstall  remove what install put there"
	@echo "make bench      release-build benchmarks (medians of repeated runs)"
	@echo "make fuzz       libFuzzer targets, FUZZ_SECONDS each (default 600; needs swiftc -sanitize=fuzzer)"
	@echo "make lint       swift format lint --strict (the .swift-format style; CI runs it)"
	@echo "make schema     rewrite profiles/schema/profile.schema.json from the built binary"
	@echo "make clean      remove build products"

build:
	$(SWIFT) build

# The release binary: the Swift runtime linked in, and on Linux its debug information kept but
# compressed (zlib, which gdb, lldb and llvm-symbolizer read): 17.9 MB rather than 26.3 MB.
RELEASE_FLAGS = --static-swift-stdlib
ifeq ($(shell uname -s),Linux)
RELEASE_FLAGS += -Xlinker --compress-debug-sections=zlib
endif
# On an x86-64 machine with AVX2 and FMA (x86-64-v3), the Swift code is compiled for that level:
# the engine's column loops run four doubles wide instead of two, a fifth fewer instructions with
# the same results (Swift never fuses a multiply and an add by itself). Such a binary stops with
# exit status 71 and a message on an older CPU (Sources/CPUCheck); PORTABLE=1 builds one that runs
# on any x86-64.
ifeq ($(PORTABLE),)
ifeq ($(shell uname -m),x86_64)
ifeq ($(shell for f in avx2 fma bmi2 movbe f16c; do grep -qw $$f /proc/cpuinfo 2>/dev/null || echo no; done),)
RELEASE_FLAGS += -Xswiftc -target-cpu -Xswiftc haswell -Xswiftc -DSCALEPLAN_X86_64_V3 -Xcc -DSCALEPLAN_X86_64_V3
endif
endif
endif

# The end-to-end tests run the built binary, so build it first; the scale tests bound the time
# and memory of the optimised one, so build that too (as `make release` does).
test: build
	$(SWIFT) build -c release $(RELEASE_FLAGS) --product scaleplan
	$(SWIFT) test

ARGS ?= simulate oviya
run: build
	$(SWIFT) run scaleplan $(ARGS)

release:
	$(SWIFT) build -c release $(RELEASE_FLAGS)

BIN = $$($(SWIFT) build -c release --show-bin-path)/scaleplan

install: release
	install -d "$(BINDIR)" "$(SHAREDIR)/profiles/schema" "$(PREFIX)/share/man/man1" \
		"$(PREFIX)/share/bash-completion/completions" "$(PREFIX)/share/zsh/site-functions" \
		"$(PREFIX)/share/fish/vendor_completions.d"
	install -m 0755 "$(BIN)" "$(BINDIR)/scaleplan"
	install -m 0644 profiles/*.json "$(SHAREDIR)/profiles/"
	install -m 0644 profiles/schema/profile.schema.json "$(SHAREDIR)/profiles/schema/"
	"$(BIN)" __manpage > "$(PREFIX)/share/man/man1/scaleplan.1"
	"$(BIN)" completions bash > "$(PREFIX)/share/bash-completion/completions/scaleplan"
	"$(BIN)" completions zsh > "$(PREFIX)/share/zsh/site-functions/_scaleplan"
	"$(BIN)" completions fish > "$(PREFIX)/share/fish/vendor_completions.d/scaleplan.fish"

uninstall:
	rm -f "$(BINDIR)/scaleplan" "$(PREFIX)/share/man/man1/scaleplan.1" \
		"$(PREFIX)/share/bash-completion/completions/scaleplan" "$(PREFIX)/share/zsh/site-functions/_scaleplan" \
		"$(PREFIX)/share/fish/vendor_completions.d/scaleplan.fish"
	rm -rf "$(SHAREDIR)"

# The numpy peer the Monte Carlo runs race (skipped, saying so, without it or without numpy);
# BENCH_FLAGS=--no-callgrind skips the instruction counts (valgrind, about two minutes).
BENCH_RUNS ?= 21
PEER ?= ../shared/bench/numpy_peer.py
BENCH_FLAGS ?=
bench:
	$(SWIFT) build -c release $(RELEASE_FLAGS) --product scaleplan
	$(SWIFT) build -c release $(RELEASE_FLAGS) --product scaleplan-bench
	"$$($(SWIFT) build -c release --show-bin-path)/scaleplan-bench" "$$($(SWIFT) build -c release --show-bin-path)/scaleplan" \
		profiles $(BENCH_RUNS) --peer "$(PEER)" $(BENCH_FLAGS)

FUZZ_SECONDS ?= 600
fuzz:
	Tests/Fuzz/run.sh $(FUZZ_SECONDS)

# The style is .swift-format's; a warning fails (`swift format format -i -r Sources Tests` fixes
# most of them).
lint:
	$(SWIFT) format lint --strict -r Sources Tests

schema: build
	"$$($(SWIFT) build --show-bin-path)/scaleplan" schema > profiles/schema/profile.schema.json

clean:
	rm -rf .build
