#!/usr/bin/env bash
# Builds the libFuzzer targets with clang + ASan/UBSan in build/fuzz and runs each for a short,
# fixed number of runs from its seed corpus (tests/fuzz/corpus/<target>, generated inputs too).
# Usage: tests/fuzz/run.sh [seconds-per-target]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
seconds=${1:-15}
build="$root/build/fuzz"
if [ ! -f "$build/CMakeCache.txt" ]; then
  CC=clang CXX=clang++ cmake -S "$root" -B "$build" -DESPT_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build "$build" -j2 --target fuzz_elf fuzz_image $(cd "$root/tests/fuzz" && ls fuzz_*.cpp | sed 's/\.cpp$//' | grep -v -e '^fuzz_elf$' -e '^fuzz_image$' | tr '\n' ' ') >/dev/null
for src in "$root"/tests/fuzz/fuzz_*.cpp; do
  name=$(basename "$src" .cpp)
  corpus="$build/corpus/$name"
  mkdir -p "$corpus"
  seeds="$root/tests/fuzz/seeds/$name"
  [ -d "$seeds" ] || seeds=""
  echo "fuzz: $name for ${seconds}s"
  "$build/$name" -max_total_time="$seconds" -max_len=65536 -timeout=5 "$corpus" $seeds 2>&1 | tail -1
done
