# nap: the two promises of the README are `make demo` and `make test`.
SWIFT ?= swift
SWIFT_FLAGS ?=

.PHONY: deps build test demo bench bench-data template release clean

deps:
	@bash scripts/install-deps.sh

build: deps
	$(SWIFT) build $(SWIFT_FLAGS)

release: deps
	$(SWIFT) build -c release $(SWIFT_FLAGS)

## Every test: unit tests of each layer and end-to-end tests of the nap binary against stock git.
test: deps
	$(SWIFT) build --build-tests $(SWIFT_FLAGS)
	$(SWIFT) test --skip-build $(SWIFT_FLAGS)

## A scripted co-drafting session in a temporary folder, in Traditional Chinese and English.
demo: build
	@bash scripts/demo.sh "$$($(SWIFT) build $(SWIFT_FLAGS) --show-bin-path)/nap"

## Regenerates the copy of plan-template/ that the binary carries.
template:
	python3 scripts/embed-template.py

bench: deps
	@bash scripts/install-deps.sh --bench
	$(SWIFT) build -c release $(SWIFT_FLAGS)
	@bash scripts/bench.sh "$$($(SWIFT) build -c release $(SWIFT_FLAGS) --show-bin-path)"

clean:
	rm -rf .build
