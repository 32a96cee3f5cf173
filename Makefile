# Cabinet — the two commands a new user needs are `make run` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

# ccache hits across clones and checkouts: paths are hashed relative to the source tree.
export CCACHE_BASEDIR := $(CURDIR)
export CCACHE_NOHASHDIR := true
# Precompiled headers are cacheable only with these (ccache manual, "Precompiled headers").
export CCACHE_SLOPPINESS := pch_defines,time_macros,include_file_mtime,include_file_ctime
export CCACHE_MAXSIZE ?= 5G

DB ?= sqlite
FUZZ_TIME ?= 60
WEB_SOURCES := $(shell find web/src web/public web/index.html web/package.json web/vite.config.ts web/tsconfig.json -type f 2>/dev/null)

.PHONY: help deps run test bench fuzz lint format release dev web clean

help:
	@echo "make run     install what is missing, build, and serve http://localhost:8080 (DB=postgres for PostgreSQL)"
	@echo "make test    install what is missing, build, and run every test (unit, integration on SQLite and PostgreSQL, browser)"
	@echo "make bench   benchmarks against a baseline run in the same invocation (prints ratios)"
	@echo "make fuzz    libFuzzer targets under clang with ASan+UBSan, FUZZ_TIME seconds each (default 60)"
	@echo "make lint    clang-format, ESLint and Prettier, SQL and include-cycle checks, clang-tidy"
	@echo "make format  apply clang-format and Prettier"

deps:
	@scripts/install-deps

release: deps
	@cmake --preset release -DCABINET_BUILD_TESTS=OFF >/dev/null
	@cmake --build --preset release

dev: deps
	@cmake --preset dev >/dev/null
	@cmake --build --preset dev

web/dist/index.html: $(WEB_SOURCES) web/package-lock.json
	@cd web && npm run --silent build

web: deps web/dist/index.html

run: release web
	@DB=$(DB) scripts/run

test: dev web
	@scripts/test

bench: release web
	@bench/run

fuzz: deps
	@FUZZ_TIME=$(FUZZ_TIME) scripts/fuzz

lint: dev
	@scripts/lint

format:
	@scripts/lint --fix-format

clean:
	rm -rf build web/dist
