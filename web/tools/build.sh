#!/usr/bin/env bash
# Builds everything incrementally: native (build/native: core, tests, tools) and wasm
# (build/wasm via emcmake), then copies the wasm module to web/dist/. Run bootstrap.sh first.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
jobs=${JOBS:-2}

say() { printf 'build: %s\n' "$*"; }

if [ ! -f build/native/Makefile ]; then
  say "configuring native build"
  cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build build/native -j"$jobs"

# Debian's emcc runs its JS optimizer with Node, which needs Debian's node modules (acorn);
# EM_CONFIG points at the writable cache that bootstrap.sh prepared.
export NODE_PATH=/usr/share/nodejs
export EM_CONFIG="$root/build/emscripten.config"
if [ ! -f build/wasm/Makefile ]; then
  say "configuring wasm build"
  emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build build/wasm -j"$jobs"

mkdir -p web/dist
for f in esptool-core.js esptool-core.wasm; do
  cmp -s "build/wasm/$f" "web/dist/$f" || cp "build/wasm/$f" "web/dist/$f"
done

# Flasher stubs are not ours to vendor (design.md principle 5): copy the JSON files of the
# installed esptool-js package next to the wasm module, with an index the page and CLI read.
stub_src=node_modules/esptool-js/lib/targets/stub_flasher
if [ -d "$stub_src" ]; then
  mkdir -p web/dist/stubs
  for f in "$stub_src"/*.json; do
    cmp -s "$f" "web/dist/stubs/$(basename "$f")" || cp "$f" web/dist/stubs/
  done
  (cd web/dist/stubs && ls stub_flasher_*.json | node -e \
    'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>process.stdout.write(JSON.stringify(s.trim().split("\n"))+"\n"))' \
    > index.json.new && (cmp -s index.json.new index.json || mv index.json.new index.json); rm -f index.json.new)
else
  say "no esptool-js stubs in node_modules (run web/tools/bootstrap.sh); device commands will run ROM-only"
fi
