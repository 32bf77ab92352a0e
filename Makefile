# nap: the two promises of the README are `make demo` and `make test`.
SWIFT ?= swift
SWIFT_FLAGS ?=

.PHONY: deps build test test-browser demo bench bench-data template web release man clean

deps:
	@bash scripts/install-deps.sh

build: deps
	$(SWIFT) build $(SWIFT_FLAGS)

## The Swift runtime and Foundation linked in: a third less start-up time for every command (docs/PERFORMANCE.md).
RELEASE_FLAGS ?= -c release --static-swift-stdlib

release: deps
	$(SWIFT) build $(RELEASE_FLAGS) $(SWIFT_FLAGS)

## Every test: unit tests of each layer, end-to-end tests of the nap binary against stock git, then the
## website in a real browser (tests/browser: Playwright + axe on Debian's chromium, the demo's site).
test: deps
	$(SWIFT) build --build-tests $(SWIFT_FLAGS)
	$(SWIFT) test --skip-build $(SWIFT_FLAGS)
	@$(MAKE) --no-print-directory test-browser

## The browser tests alone (builds nap first; pytest's "no tests collected" counts as a failure).
test-browser: deps
	@bash scripts/install-deps.sh --browser
	$(SWIFT) build $(SWIFT_FLAGS)
	NAP="$$($(SWIFT) build $(SWIFT_FLAGS) --show-bin-path)/nap" python3 -m pytest -q -p no:cacheprovider tests/browser

## A scripted co-drafting session in a temporary folder, in Traditional Chinese and English.
demo: build
	@bash scripts/demo.sh "$$($(SWIFT) build $(SWIFT_FLAGS) --show-bin-path)/nap"

## Regenerates the copy of plan-template/ that the binary carries.
template:
	python3 scripts/embed-template.py

## Regenerates the copy of the website's templates and style sheet (Sources/NapWeb/Resources/) that the binary carries.
web:
	python3 scripts/embed-web.py

## Times the everyday commands on a plan at national-consultation size, against stock git (docs/PERFORMANCE.md).
bench: deps
	@bash scripts/install-deps.sh --bench
	$(SWIFT) build $(RELEASE_FLAGS) $(SWIFT_FLAGS)
	@bash scripts/bench.sh "$$($(SWIFT) build $(RELEASE_FLAGS) $(SWIFT_FLAGS) --show-bin-path)"

## Builds only the benchmark plan (BENCH_DATA, default .build/bench/data; BENCH_SIZE, e.g. "--proposals 100").
BENCH_DATA ?= .build/bench/data
BENCH_SIZE ?=
bench-data: deps
	$(SWIFT) build $(RELEASE_FLAGS) --product nap-bench $(SWIFT_FLAGS)
	"$$($(SWIFT) build $(RELEASE_FLAGS) $(SWIFT_FLAGS) --show-bin-path)/nap-bench" --out $(BENCH_DATA) $(BENCH_SIZE)

## Man pages of every command (English only: docs/CLI.md says why) into .build/man/.
man: build
	$(SWIFT) package --allow-writing-to-package-directory generate-manual --multi-page --configuration debug $(SWIFT_FLAGS)
	@rm -rf .build/man && cp -R .build/plugins/GenerateManual/outputs/nap .build/man && echo "nap: man pages in .build/man (man -l .build/man/nap.1)"

clean:
	rm -rf .build
