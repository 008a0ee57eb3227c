#!/usr/bin/env bash
# Makes a writable Emscripten cache and a config that points at it (Debian ships its cache
# frozen: shared toolchain.md). Usage: emscripten-cache.sh CACHE_DIR CONFIG_FILE
# Idempotent: an existing cache is kept, and the config is rewritten only when it names another
# cache (any change to the config makes emcc wipe the cache, seeded ports included).
set -euo pipefail
cache=$1
config=$2
system_cache=/usr/share/emscripten/cache
system_config=/usr/share/emscripten/.emscripten

say() { printf 'bootstrap: %s\n' "$*"; }

if [ ! -f "$cache/sysroot_install.stamp" ]; then
  say "copying the Emscripten cache to $cache"
  rm -rf "$cache"
  mkdir -p "$(dirname "$cache")"
  # A hard-link copy is instant and takes no space; another filesystem needs a real copy.
  cp -al "$system_cache" "$cache" 2>/dev/null || {
    rm -rf "$cache"
    cp -r "$system_cache" "$cache"
  }
fi
if [ ! -f "$config" ] || ! grep -qxF "CACHE = '$cache'" "$config"; then
  # The system file has no trailing newline: add one before our lines.
  { sed 's/^FROZEN_CACHE = True/FROZEN_CACHE = False/' "$system_config"
    printf "\nCACHE = '%s'\n" "$cache"; } >"$config.tmp"
  mv "$config.tmp" "$config"
fi
