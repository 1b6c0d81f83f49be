#!/usr/bin/env bash
# `make bench`: every benchmark of test/bench, one after the other (the machine has 2 cores):
#   test/bench/*_bench.py   with the project's Python; each starts its own throw-away
#                           cluster (test/e2e/cluster.py) and prints ratios against
#                           baselines it measures in the same run;
#   test/bench/*_bench.cpp  Google Benchmark executables of the core, built in build/cmake.
# Arguments narrow the run to benchmarks whose name contains one of them:
#   scripts/bench.sh scan          # only test/bench/scan_bench.py
# Expects the extension to be installed (`make bench` installs it first). Exits non-zero
# when a benchmark fails (a correctness check, a crash); bars missed on timing alone are
# printed as FAIL but do not fail the run, because timings on a shared machine are noisy.
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
bench="$top/test/bench"
build="$top/build/cmake"
export PYTHONPATH="$top/test/e2e:$bench${PYTHONPATH:+:$PYTHONPATH}"
filters=("$@")

wanted() {
  [ ${#filters[@]} -eq 0 ] && return 0
  for pattern in "${filters[@]}"; do
    [[ $1 == *"$pattern"* ]] && return 0
  done
  return 1
}

status=0
ran=0
run() {  # run NAME COMMAND...
  local name=$1; shift
  echo
  echo "==== $name ($(date '+%H:%M:%S'))"
  ran=$((ran + 1))
  "$@"
  local rc=$?
  if [ $rc -ne 0 ]; then
    echo "bench.sh: $name failed (exit $rc)" >&2
    status=1
  fi
}

for script in "$bench"/*_bench.py; do
  [ -f "$script" ] || continue
  wanted "$(basename "$script" .py)" || continue
  run "$(basename "$script")" "$top/.venv/bin/python" "$script"
done

if compgen -G "$bench/*_bench.cpp" >/dev/null; then
  cmake -S "$top" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null &&
    cmake --build "$build" >/dev/null || { echo "bench.sh: building the C++ benchmarks failed" >&2; exit 1; }
fi
for exe in "$build"/*_bench; do
  [ -x "$exe" ] || continue
  wanted "$(basename "$exe")" || continue
  run "$(basename "$exe")" "$exe"
done

if [ $ran -eq 0 ]; then
  echo "bench.sh: no benchmark matched${filters[*]:+ '${filters[*]}'}" >&2
  exit 1
fi
exit $status
