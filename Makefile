# The front door. `make run` runs the pipeline on the samples; `make test` runs every test.
# Both install what they need on a fresh Debian machine first.

SWIFT ?= swift
APT_PACKAGES := libxml2-dev libcsv-dev libssl-dev libsqlite3-dev libzstd-dev libgoogle-perftools-dev pkg-config
# Only the tests need these: a browser (they render report.html in headless Chromium), python3
# (the exec importer's example taps, the report check) and zstd (they read checkpoints as stored).
APT_TEST_PACKAGES := chromium python3 zstd

.PHONY: deps test-deps build run test release bench offices format lint clean

# System libraries: the importers' (libxml2, libcsv), SHA-256 (OpenSSL), SQLite, checkpoint compression (zstd), tcmalloc; installed only when missing.
deps:
	@if ! dpkg -s $(APT_PACKAGES) >/dev/null 2>&1; then \
		echo "installing $(APT_PACKAGES)"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq $(APT_PACKAGES); \
	fi

test-deps: deps
	@if ! dpkg -s $(APT_TEST_PACKAGES) >/dev/null 2>&1; then \
		echo "installing $(APT_TEST_PACKAGES)"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(APT_TEST_PACKAGES); \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

# The main job on the samples: pipeline.json → .muster/registry.sqlite (SQLite).
run: build
	$(SWIFT) run muster run --pipeline pipeline.json

# Every test (Swift Testing), including the end-to-end runs of the built binary on samples/.
test: test-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --disable-xctest

# Every speed, memory and accuracy figure, release build (minutes: it generates and runs 1M records).
bench: deps
	scripts/bench.sh

# Office files muster's generator does not make, judged by their own truth (python3).
offices: build
	scripts/offices/run.sh

# Formatting is the formatter's (.swift-format), never a review topic: `make format` rewrites,
# `make lint` (run by CI) fails on any difference or rule finding.
SWIFT_SOURCES := Package.swift Sources Plugins Tests

format:
	$(SWIFT) format format --in-place --recursive --parallel $(SWIFT_SOURCES)

lint:
	$(SWIFT) format lint --strict --recursive --parallel $(SWIFT_SOURCES)

clean:
	rm -rf .build .muster
