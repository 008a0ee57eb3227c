#!/usr/bin/env bash
# Installs what the build and the tests need and is missing; does nothing else. Idempotent and
# quick when everything is present (a few dpkg/stat checks). Machine facts: shared toolchain.md.
#   1. Debian packages (apt-get update only when something must be installed)
#   2. a writable Emscripten cache + config under build/ with the zlib port seeded from Debian's
#      zlib source (the port's own download host is unreachable)
#   3. npm dependencies (only when node_modules is missing or package-lock.json changed)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
build="$root/build"
mkdir -p "$build"

say() { printf 'bootstrap: %s\n' "$*"; }

# --- 1. Debian packages -----------------------------------------------------------------------
# bzip2: unpacks the zlib source (.orig.tar.bz2) for the Emscripten port seed.
# clang + libclang-rt-14-dev: the libFuzzer targets (tests/fuzz/run.sh, part of npm test).
packages=(cmake g++ libgtest-dev zlib1g-dev nlohmann-json3-dev emscripten chromium bzip2 clang
  libclang-rt-14-dev)
missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing+=("$p")
done
apt_updated=0
apt_update_once() {
  if [ "$apt_updated" = 0 ]; then
    apt-get update -qq
    apt_updated=1
  fi
}
if [ "${#missing[@]}" -gt 0 ]; then
  say "installing Debian packages: ${missing[*]}"
  apt_update_once
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# --- 2. Emscripten cache, config and zlib port seed -------------------------------------------
cache="$build/emcache"
config="$build/emscripten.config"
if [ ! -f "$cache/sysroot_install.stamp" ]; then
  say "copying the Emscripten cache to $cache"
  rm -rf "$cache"
  cp -al /usr/share/emscripten/cache "$cache" 2>/dev/null || {
    rm -rf "$cache"
    cp -r /usr/share/emscripten/cache "$cache"
  }
fi
if [ ! -f "$config" ] || ! grep -q "^CACHE = '$cache'" "$config"; then
  # The system file has no trailing newline: add one before our lines.
  { sed 's/^FROZEN_CACHE = True/FROZEN_CACHE = False/' /usr/share/emscripten/.emscripten
    printf "\nCACHE = '%s'\n" "$cache"; } >"$config.tmp"
  mv "$config.tmp" "$config"
fi

zlib_port="$cache/ports/zlib"
zlib_url="https://storage.googleapis.com/webassembly/emscripten-ports/zlib-1.2.11.zip"
if [ ! -f "$zlib_port/zlib-1.2.11/zlib.h" ] || [ "$(cat "$zlib_port/.emscripten_url" 2>/dev/null)" != "$zlib_url" ]; then
  say "seeding the Emscripten zlib port from Debian's zlib source"
  src="$build/apt-src"
  mkdir -p "$src/lists/partial"
  # A deb-src copy of the system sources, used only through -o options: /etc stays untouched.
  sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources >"$src/deb-src.sources"
  apt_opts=(-o "Dir::Etc::SourceList=$src/deb-src.sources" -o Dir::Etc::SourceParts=/dev/null
    -o APT::Sandbox::User=root
    -o "Dir::State::Lists=$src/lists")
  apt-get "${apt_opts[@]}" update -qq
  (cd "$src" && apt-get "${apt_opts[@]}" source --download-only -qq zlib)
  orig=$(ls "$src"/zlib_*.orig.tar.* | head -n 1)
  rm -rf "$src/unpack" "$zlib_port"
  mkdir -p "$src/unpack" "$zlib_port"
  tar -xf "$orig" -C "$src/unpack"
  # Emscripten 3.1.6's port expects this directory name; Debian's 1.2.13 source builds fine.
  mv "$src/unpack"/zlib-* "$zlib_port/zlib-1.2.11"
  printf '%s' "$zlib_url" >"$zlib_port/.emscripten_url"
fi

# --- 3. npm dependencies ----------------------------------------------------------------------
stamp="node_modules/.bootstrap-lock.sha256"
lock_sum=$(sha256sum package-lock.json 2>/dev/null | cut -d' ' -f1 || true)
if [ ! -d node_modules ] || [ "$(cat "$stamp" 2>/dev/null)" != "$lock_sum" ]; then
  say "installing npm dependencies"
  if [ -f package-lock.json ]; then
    npm ci --no-audit --no-fund --loglevel=error
  else
    npm install --no-audit --no-fund --loglevel=error
  fi
  sha256sum package-lock.json | cut -d' ' -f1 >"$stamp"
fi
