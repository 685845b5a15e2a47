# Entry points of the project. Each target calls a script, which does the work:
# local/ runs the stack on this machine, tests/ holds the test suites.

SHELL := /bin/bash
CXX_SOURCES = find api \( -name '*.h' -o -name '*.cc' \) -print0

.PHONY: build build-asan run up down status test test-unit test-api test-browser \
	test-restore test-swarm format format-check lint bench clean

build:
	local/build release

build-asan:
	local/build asan

run:
	local/stack run

up:
	local/stack up

down:
	local/stack down

status:
	local/stack status

test:
	tests/run-all

test-unit: build build-asan
	ctest --test-dir build --output-on-failure
	ctest --test-dir build-asan --output-on-failure

test-api:
	tests/api/run

test-browser:
	tests/browser/run

test-restore:
	tests/restore/run

test-swarm:
	tests/swarm/run

# Not part of make test: the figures need an otherwise idle machine.
bench:
	bench/run

format:
	$(CXX_SOURCES) | xargs -0 -r clang-format -i

format-check:
	$(CXX_SOURCES) | xargs -0 -r clang-format --dry-run --Werror

# clang-tidy reads the compiler flags from build/compile_commands.json.
lint: build
	find api -name '*.cc' -print0 | \
		xargs -0 -r -n 1 -P "$$(nproc)" clang-tidy -p build --quiet --warnings-as-errors='*'

# .local/ keeps the database and secrets of the local stack, so clean leaves it alone.
clean:
	rm -rf build build-asan
