# scaleplan — build, test, install. `make help` lists the targets.
PREFIX ?= /usr/local
SWIFT ?= swift
BINDIR = $(PREFIX)/bin
SHAREDIR = $(PREFIX)/share/scaleplan

.PHONY: help build test run release install uninstall lint schema bench clean

help:
	@echo "make build      debug build"
	@echo "make test       build, then run every test (what CI runs)"
	@echo "make run        simulate the bundled 'oviya' profile (ARGS='show sayar' runs another command)"
	@echo "make release    optimised, statically linked binary"
	@echo "make install    install to PREFIX (default /usr/local): binary, bundled profiles"
	@echo "make uninstall  remove what install put there"
	@echo "make bench      release-build benchmarks (medians of repeated runs)"
	@echo "make lint       swift format lint"
	@echo "make schema     rewrite profiles/schema/profile.schema.json from the built binary"
	@echo "make clean      remove build products"

build:
	$(SWIFT) build

# The end-to-end tests run the built binary, so build it first.
test: build
	$(SWIFT) test

ARGS ?= simulate oviya
run: build
	$(SWIFT) run scaleplan $(ARGS)

release:
	$(SWIFT) build -c release --static-swift-stdlib

install: release
	install -d "$(BINDIR)" "$(SHAREDIR)/profiles/schema"
	install -m 0755 "$$($(SWIFT) build -c release --show-bin-path)/scaleplan" "$(BINDIR)/scaleplan"
	install -m 0644 profiles/*.json "$(SHAREDIR)/profiles/"
	install -m 0644 profiles/schema/profile.schema.json "$(SHAREDIR)/profiles/schema/"

uninstall:
	rm -f "$(BINDIR)/scaleplan"
	rm -rf "$(SHAREDIR)"

BENCH_RUNS ?= 21
bench:
	$(SWIFT) build -c release --product scaleplan
	$(SWIFT) build -c release --product scaleplan-bench
	"$$($(SWIFT) build -c release --show-bin-path)/scaleplan-bench" "$$($(SWIFT) build -c release --show-bin-path)/scaleplan" profiles $(BENCH_RUNS)

lint:
	$(SWIFT) format lint -r Sources Tests

schema: build
	"$$($(SWIFT) build --show-bin-path)/scaleplan" schema > profiles/schema/profile.schema.json

clean:
	rm -rf .build
