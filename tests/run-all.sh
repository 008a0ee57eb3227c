#!/usr/bin/env bash
# Runs every test suite after a build (web/tools/build.sh): the set-up's own tests (the zlib
# port seed against Debian's archive, into a scratch cache), native unit tests through ctest,
# node tests of the wasm API and CLI, Playwright browser tests when there are any, then a short
# seeded libFuzzer run of every fuzz target (ASan/UBSan build in build/fuzz).
set -euo pipefail
cd "$(dirname "$0")/.."

node --test tests/setup/
(cd build/native && ctest --output-on-failure -j2)
node --test tests/node/
if compgen -G 'tests/browser/*.test.mjs' >/dev/null; then
  node --test tests/browser/
fi
bash tests/fuzz/run.sh "${ESPT_FUZZ_SECONDS:-10}"
