#!/usr/bin/env bash
# `npm run fuzz [minutes]`: a longer libFuzzer campaign than CI's seeded 10 s per target, every
# target for MINUTES (default 10) each, the corpus kept in build/fuzz/corpus/<target> so a
# later campaign goes on from it. Prints libFuzzer's last line (runs, coverage) per target.
set -euo pipefail
minutes=${1:-10}
case "$minutes" in
  '' | *[!0-9]*) echo "fuzz: minutes must be a whole number, not '$minutes'" >&2; exit 2 ;;
esac
exec bash "$(dirname "$0")/run.sh" "$((minutes * 60))"
