# The front door. `make run` runs the pipeline on the samples; `make test` runs every test.
# Both install what they need on a fresh Debian machine first.

SWIFT ?= swift
APT_PACKAGES := libxml2-dev libcsv-dev pkg-config

.PHONY: deps build run test release clean

# System libraries the importers wrap (libxml2, libcsv); installed only when missing.
deps:
	@if ! dpkg -s $(APT_PACKAGES) >/dev/null 2>&1; then \
		echo "installing $(APT_PACKAGES)"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq $(APT_PACKAGES); \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

# The main job on the samples: pipeline.json → .muster/registry.sqlite (SQLite).
run: build
	$(SWIFT) run muster run --pipeline pipeline.json

# Every test (Swift Testing), including the end-to-end runs of the built binary on samples/.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --disable-xctest

clean:
	rm -rf .build .muster
