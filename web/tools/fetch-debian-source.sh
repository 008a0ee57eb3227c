#!/usr/bin/env bash
# Unpacks the upstream source of a Debian source package into DEST, for the libraries the build
# compiles itself (the zlib port seed, libdeflate). Machine facts: shared toolchain.md.
# Usage: fetch-debian-source.sh PACKAGE WORK_DIR DEST REQUIRED_FILE...
# Tries every version apt knows, newest first, until one downloads and unpacks to a tree with the
# REQUIRED_FILEs: the archive may list a version (a security update, say) whose files it no longer
# serves. DEST counts as complete once DEST/.debian-version is written, last, so a run that fails
# or is cut off leaves nothing a build would use, and the next run tries again.
# apt-get and apt-cache are taken from PATH (the seed tests put stand-ins there).
set -euo pipefail
package=$1
work=$2
dest=$3
shift 3
required_files=("$@")

say() { printf 'bootstrap: %s\n' "$*"; }
fail() {
  printf 'bootstrap: error: %s\n' "$*" >&2
  exit 1
}

# deb-src copies of the system's sources, used only through -o options: /etc stays untouched.
write_source_lists() {
  local lists="$work/sources.list.d" f
  rm -rf "$lists"
  mkdir -p "$lists" "$work/lists/partial"
  : >"$work/sources.list"
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] && sed 's/^Types:.*/Types: deb-src/' "$f" >"$lists/$(basename "$f")"
  done
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$f" ] && sed -n 's/^[[:space:]]*deb\([[:space:]]\)/deb-src\1/p' "$f" >>"$work/sources.list"
  done
  apt_opts=(-o "Dir::Etc::SourceList=$work/sources.list" -o "Dir::Etc::SourceParts=$lists"
    -o "Dir::State::Lists=$work/lists" -o APT::Sandbox::User=root)
}

# Newest first, in dpkg's version order (epochs, ~ and + as apt compares them).
versions_newest_first() {
  local sorted=() v i
  while read -r v; do
    [ -n "$v" ] || continue
    for ((i = ${#sorted[@]}; i > 0; i--)); do
      dpkg --compare-versions "$v" gt "${sorted[i - 1]}" || break
      sorted[i]=${sorted[i - 1]}
    done
    sorted[i]=$v
  done
  printf '%s\n' "${sorted[@]}"
}

# Downloads one version and unpacks its upstream tarball to $work/unpack/$package-*; fails quietly
# (the reason is kept in $work/last-error) so the caller can try the next version.
fetch_version() {
  local version=$1 dl="$work/download" orig
  rm -rf "$dl" "$work/unpack"
  mkdir -p "$dl" "$work/unpack"
  if ! (cd "$dl" && apt-get "${apt_opts[@]}" source --download-only -qq "$package=$version") \
    >"$work/apt.log" 2>&1; then
    grep -m1 '^E:' "$work/apt.log" >"$work/last-error" || tail -n1 "$work/apt.log" >"$work/last-error"
    return 1
  fi
  orig=$(ls "$dl/${package}"_*.orig.tar.* 2>/dev/null | head -n1 || true)
  [ -n "$orig" ] || orig=$(ls "$dl/${package}"_*.tar.* 2>/dev/null | grep -v '\.debian\.tar' | head -n1 || true)
  if [ -z "$orig" ] || ! tar -xf "$orig" -C "$work/unpack" 2>"$work/last-error"; then
    [ -s "$work/last-error" ] || echo "no upstream tarball among the downloaded files" >"$work/last-error"
    return 1
  fi
  local tree f
  tree=$(ls -d "$work/unpack/$package"-* 2>/dev/null | head -n1 || true)
  for f in "${required_files[@]}"; do
    if [ -z "$tree" ] || [ ! -f "$tree/$f" ]; then
      echo "the unpacked source has no $f" >"$work/last-error"
      return 1
    fi
  done
}

install_tree() {
  local version=$1
  rm -rf "$dest"
  mkdir -p "$(dirname "$dest")"
  mv "$(ls -d "$work/unpack/$package"-* | head -n1)" "$dest"
  printf '%s\n' "$version" >"$dest/.debian-version"
}

mkdir -p "$work"
rm -f "$dest/.debian-version" # an incomplete tree must not look complete while we work on it
write_source_lists
if ! apt-get "${apt_opts[@]}" update -qq >"$work/update.log" 2>&1; then
  say "apt-get update of the source lists reported errors; trying what it could read ($(grep -m1 -E '^(E|W):' "$work/update.log" || true))"
fi
mapfile -t versions < <(apt-cache "${apt_opts[@]}" showsrc "$package" 2>/dev/null |
  sed -n 's/^Version: //p' | sort -u | versions_newest_first)
[ "${#versions[@]}" -gt 0 ] && [ -n "${versions[0]}" ] ||
  fail "apt knows no $package source package: this machine must reach Debian's source archive (deb-src of the suites in /etc/apt/sources.list.d/*.sources or /etc/apt/sources.list); see $work/update.log"

tried=()
for version in "${versions[@]}"; do
  if fetch_version "$version"; then
    install_tree "$version"
    exit 0
  fi
  tried+=("$version ($(head -c 200 "$work/last-error"))")
  say "$package source $version could not be used: $(head -c 200 "$work/last-error")"
done
fail "could not get any $package source from Debian's archive (tried: ${tried[*]}): this machine must reach Debian's source packages (pool/ of the deb-src suites); rerun npm test or npm start to try again"
