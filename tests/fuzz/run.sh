#!/usr/bin/env bash
# Builds the libFuzzer targets with clang + ASan/UBSan in build/fuzz and runs each for a short,
# fixed number of runs from its seed corpus (tests/fuzz/corpus/<target>, generated inputs too).
# Usage: tests/fuzz/run.sh [seconds-per-target]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
seconds=${1:-15}
build="$root/build/fuzz"
# Configured every time (a second or two): the targets are named below, and a fuzz_*.cpp added
# since the last configure would otherwise be unknown to make.
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -DESPT_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j2 --target fuzz_elf fuzz_image $(cd "$root/tests/fuzz" && ls fuzz_*.cpp | sed 's/\.cpp$//' | grep -v -e '^fuzz_elf$' -e '^fuzz_image$' | tr '\n' ' ') >/dev/null
# Seed corpora: the generated fixtures (ELFs for the ELF target, images for the image target).
seeds="$build/seeds"
if [ -x "$root/build/native/make_fixtures" ]; then
  "$root/build/native/make_fixtures" "$seeds/all" >/dev/null
  mkdir -p "$seeds/fuzz_elf" "$seeds/fuzz_image"
  cp "$seeds"/all/*.elf "$seeds/fuzz_elf/" 2>/dev/null || true
  cp "$seeds"/all/*.bin "$seeds/fuzz_image/" 2>/dev/null || true
fi
# The converted stubs the build made (web/dist/stubs/, from the esptool-js package).
mkdir -p "$seeds/fuzz_stub_binary"
cp "$root"/web/dist/stubs/*.bin "$seeds/fuzz_stub_binary/" 2>/dev/null || true
for src in "$root"/tests/fuzz/fuzz_*.cpp; do
  name=$(basename "$src" .cpp)
  corpus="$build/corpus/$name"
  mkdir -p "$corpus"
  seed_dir="$seeds/$name"
  [ -d "$seed_dir" ] || seed_dir=""
  echo "fuzz: $name for ${seconds}s"
  "$build/$name" -max_total_time="$seconds" -seed=1 -max_len=131072 -timeout=5 "$corpus" $seed_dir 2>&1 | tail -1
done
