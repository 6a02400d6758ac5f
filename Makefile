# The two commands of the README:
#   make run    install what is missing, build, and start a live run against the embedded server
#   make test   install what is missing, build, run every test, the sanitizer pass and the lint
SWIFT ?= swift
# A lively first run: 40 agents thinking 250 ms to 1 s for five minutes (q stops it earlier).
ARGS ?= --agents 40 --think 250ms..1s --duration 5m

.PHONY: setup build run test test-unit test-tsan lint bench format

setup:
	@scripts/setup

build: setup
	$(SWIFT) build -c release --product sartor-load

run: build
	.build/release/sartor-load run $(ARGS)

test: setup test-unit test-tsan lint

# Tests run one at a time: several tests wait on processes, servers and timers, and on two cores
# running them together starves Swift's cooperative thread pool and turns timing into flakes.
test-unit:
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --no-parallel

# The metrics core is shared by every thread of the engine: its tests also run under TSan.
test-tsan:
	$(SWIFT) test --sanitize=thread --scratch-path .build-tsan --filter SartorMetricsTests

lint:
	$(SWIFT) format lint --strict --recursive Package.swift Sources Tests bench/Sources

format:
	$(SWIFT) format --in-place --recursive Package.swift Sources Tests bench/Sources

bench:
	@scripts/setup --bench
	bench/run-all
