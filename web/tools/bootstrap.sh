#!/usr/bin/env bash
# Installs what the build and the tests need and is missing; does nothing else. Idempotent and
# quick when everything is present (a few dpkg/stat checks). Machine facts: shared toolchain.md.
#   1. Debian packages (apt-get update only when something must be installed)
#   2. a writable Emscripten cache + config under build/ with the zlib port seeded from Debian's
#      zlib source (the port's own download host is unreachable), and libdeflate's source
#   3. npm dependencies (only when node_modules is missing or package-lock.json changed)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
build="$root/build"
mkdir -p "$build"

say() { printf 'bootstrap: %s\n' "$*"; }
fail() {
  printf 'bootstrap: error: %s\n' "$*" >&2
  exit 1
}

# --- 1. Debian packages -----------------------------------------------------------------------
# Names only, no versions: whatever bookworm serves today works (shared toolchain.md).
# bzip2, xz-utils: unpack the zlib source (.orig.tar.bz2 today; .xz in other Debian versions).
# clang + libclang-rt-14-dev: the libFuzzer targets (tests/fuzz/run.sh, part of npm test).
# socat: the serial-port tests bridge a pseudo-terminal (a real local serial device path) to hw-sim.
packages=(cmake g++ libgtest-dev zlib1g-dev nlohmann-json3-dev emscripten chromium bzip2 xz-utils clang
  libclang-rt-14-dev socat)
missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing+=("$p")
done
apt_updated=0
apt_update_once() {
  if [ "$apt_updated" = 0 ]; then
    apt-get update -qq ||
      fail "apt-get update failed: this machine must reach the Debian archive named in /etc/apt/sources.list.d/ (binary packages)"
    apt_updated=1
  fi
}
if [ "${#missing[@]}" -gt 0 ]; then
  say "installing Debian packages: ${missing[*]}"
  apt_update_once
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" ||
    fail "apt-get install ${missing[*]} failed (see apt's lines above): run as root on Debian 12 with its archive reachable"
fi

# --- 2. Emscripten cache, config and zlib port seed -------------------------------------------
cache="$build/emcache"
bash web/tools/emscripten-cache.sh "$cache" "$build/emscripten.config"
zlib_port="$cache/ports/zlib"
if [ ! -f "$zlib_port/.emscripten_url" ] || [ ! -f "$zlib_port/zlib-1.2.11/zlib.h" ] ||
  [ ! -f "$zlib_port/zlib-1.2.11/deflate.c" ]; then
  bash web/tools/seed-zlib-port.sh "$cache" "$build/apt-src"
fi

# libdeflate (core/util/strong_deflate: the write path's compressor, fewer bytes than zlib -9) is
# compiled by the build itself, native and wasm alike, from Debian's source of it.
libdeflate="$build/third_party/libdeflate"
if [ ! -f "$libdeflate/.debian-version" ]; then
  say "fetching libdeflate's source from Debian"
  bash web/tools/fetch-debian-source.sh libdeflate "$build/apt-src" "$libdeflate" libdeflate.h \
    common_defs.h lib/deflate_compress.c lib/zlib_compress.c lib/adler32.c lib/utils.c lib/x86/cpu_features.c
fi

# --- 3. npm dependencies ----------------------------------------------------------------------
stamp="node_modules/.bootstrap-lock.sha256"
lock_sum=$(sha256sum package-lock.json 2>/dev/null | cut -d' ' -f1 || true)
if [ ! -d node_modules ] || [ "$(cat "$stamp" 2>/dev/null)" != "$lock_sum" ]; then
  say "installing npm dependencies"
  # package-lock.json pins every version; the registry is whatever npm's config names.
  npm ci --no-audit --no-fund --loglevel=error ||
    fail "npm ci failed (see npm's lines above): this machine must reach the npm registry ($(npm config get registry)) and it must still serve the versions package-lock.json pins"
  sha256sum package-lock.json | cut -d' ' -f1 >"$stamp"
fi
