#!/usr/bin/env bash
# Seeds Emscripten 3.1.6's zlib port (-sUSE_ZLIB=1) in CACHE_DIR from Debian's zlib source,
# because the port's own download host is unreachable (shared toolchain.md).
# Usage: seed-zlib-port.sh CACHE_DIR WORK_DIR
# The source comes through fetch-debian-source.sh (every version apt knows, newest first). The port
# counts as seeded only once its marker file is written, last, so a run that fails or is cut off
# leaves nothing that a build would use, and the next run tries again.
set -euo pipefail
cache=$1
work=$2

# What Emscripten 3.1.6's tools/ports/zlib.py expects: this directory name, this URL in the
# marker, and these sources (it compiles them itself). Debian's 1.2.13 source builds fine.
port_dir="$cache/ports/zlib"
tree_name=zlib-1.2.11
port_url="https://storage.googleapis.com/webassembly/emscripten-ports/zlib-1.2.11.zip"
required_files=(zlib.h zconf.h adler32.c compress.c crc32.c deflate.c gzclose.c gzlib.c gzread.c
  gzwrite.c infback.c inffast.c inflate.c inftrees.c trees.c uncompr.c zutil.c)

# An unseeded port must not look seeded to emcc while we work on it.
rm -f "$port_dir/.emscripten_url"
printf 'bootstrap: %s\n' "seeding the Emscripten zlib port from Debian's zlib source"
tree="$work/zlib-tree"
bash "$(dirname "$0")/fetch-debian-source.sh" zlib "$work" "$tree" "${required_files[@]}"
version=$(cat "$tree/.debian-version")
rm -rf "$port_dir"
mkdir -p "$port_dir"
mv "$tree" "$port_dir/$tree_name"
mv "$port_dir/$tree_name/.debian-version" "$port_dir/.debian-version"
# A libz.a built from an earlier seed would be used as it is: make emcc rebuild it.
rm -rf "$cache/sysroot/lib/wasm32-emscripten/libz.a" "$cache/ports-builds/zlib"
printf '%s' "$port_url" >"$port_dir/.emscripten_url"
printf 'bootstrap: %s\n' "seeded the zlib port with Debian's zlib source $version"
