#!/usr/bin/env bash
# Builds everything incrementally: native (build/native: core, tests, tools) and wasm
# (build/wasm via emcmake), then copies the wasm module to web/dist/ and builds the static folder
# web/site/ (the bundled page). Run bootstrap.sh first.
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

# npm run puts node_modules/.bin first on PATH, and there binaryen 132's tools (a devDependency,
# used below by path) shadow Debian's binaryen 108, which emcc 3.1.6 needs: with them emcc
# minified the wasm's import names but not the glue's, and no module could be instantiated.
PATH=$(printf '%s' "$PATH" | tr ':' '\n' | grep -v '/node_modules/\.bin$' | paste -sd: -)
export PATH

# Debian's emcc runs its JS optimizer with Node, which needs Debian's node modules (acorn);
# EM_CONFIG points at the writable cache that bootstrap.sh prepared.
export NODE_PATH=/usr/share/nodejs
export EM_CONFIG="$root/build/emscripten.config"
# Closure for the page modules' glue (wasm/wasm.cmake): the npm package's native compiler.
closure="$root/node_modules/google-closure-compiler-linux/compiler"
[ -x "$closure" ] && export EM_CLOSURE_COMPILER="$closure"
if [ ! -f build/wasm/Makefile ]; then
  say "configuring wasm build"
  emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build build/wasm -j"$jobs"

mkdir -p web/dist
# The core's modules (wasm/wasm.cmake): esptool-device (the page's device sessions), esptool-tools
# (the offline tools), esptool-core (all of it plus the CLI layer: web/cli/'s device commands),
# esptool-cli-offline (the offline tools plus the CLI layer: web/cli/'s offline commands). hw-sim.js/.wasm: the
# virtual device (wasm/sim/, loaded by web/src/virtual/ in its Worker).
for f in esptool-device.js esptool-tools.js esptool-tools.wasm \
  esptool-core.js esptool-core.wasm esptool-cli-offline.js esptool-cli-offline.wasm hw-sim.js hw-sim.wasm; do
  cmp -s "build/wasm/$f" "web/dist/$f" || cp "build/wasm/$f" "web/dist/$f"
done

# Flasher stubs are not ours to vendor (design.md principle 5): the JSON files of the installed
# esptool-js package, converted by the core (just built) into the form the device engine reads
# without a JSON parser, next to the wasm modules, with an index the page and CLI read.
stub_src=node_modules/esptool-js/lib/targets/stub_flasher
if [ -d "$stub_src" ]; then
  node web/tools/convert-stubs.mjs "$stub_src" web/dist/stubs
else
  say "no esptool-js stubs in node_modules (run web/tools/bootstrap.sh); device commands will run ROM-only"
fi

# The device module in two halves (issue 10): esptool-device.wasm, what a flash runs (profiled on
# the virtual device, so after the stubs and hw-sim), and esptool-device.deferred.wasm, the rest,
# loaded when first called. Redone only when the module or the profile's flows change.
# Before the split, binaryen 132's wasm-opt (npm devDependency) goes over it again: emcc 3.1.6 runs
# Debian's binaryen 108, and the newer optimiser takes 9.5 KB raw / 2.3 KB gzip more off. Neither
# inlines large functions that have one caller: the split moves whole functions (wasm.cmake).
device_wasm=build/wasm/esptool-device.wasm
optimized=build/wasm/esptool-device.opt.wasm
if [ ! -f "$optimized" ] || [ "$device_wasm" -nt "$optimized" ]; then
  node node_modules/binaryen/bin/wasm-opt --enable-tail-call --enable-mutable-globals \
    --enable-sign-ext --enable-bulk-memory -Os --one-caller-inline-max-function-size=20 --converge \
    "$device_wasm" -o "$optimized"
fi
node web/tools/split-device-wasm.mjs "$optimized" web/dist/esptool-device.js web/dist

# --- The static folder web/site/ (what `npm start` serves and a static host is given) ---------
# The page's JS and CSS bundled and minified by esbuild (a devDependency), its Workers as entries
# of their own, sw.js, and the wasm modules and stubs of web/dist/; sources stay plain modules.
[ -d node_modules/esbuild ] || { say "esbuild is missing from node_modules: run web/tools/bootstrap.sh"; exit 1; }
node web/tools/bundle-page.mjs
# The page's offline cache list (sw.js precaches it; its version changes with any byte).
node web/tools/precache-list.mjs

# The install button's example pages (web/examples/) need firmware to install: built from our
# own fixtures, never committed.
node web/tools/example-firmware.mjs
