#!/usr/bin/env bash
# Builds src/core with CMake and runs its GoogleTest suites through ctest.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build="$top/build/cmake"
cmake -S "$top" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build"
ctest --test-dir "$build" --output-on-failure
