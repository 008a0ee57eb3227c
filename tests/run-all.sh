#!/usr/bin/env bash
# Runs every test suite after a build (web/tools/build.sh): native unit tests through ctest,
# node tests of the wasm API and CLI, then Playwright browser tests when there are any.
set -euo pipefail
cd "$(dirname "$0")/.."

(cd build/native && ctest --output-on-failure -j2)
node --test tests/node/
if compgen -G 'tests/browser/*.test.mjs' >/dev/null; then
  node --test tests/browser/
fi
