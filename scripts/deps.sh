#!/usr/bin/env bash
# Installs every Debian package sitrep needs to build, test and benchmark.
# Idempotent: packages already present are skipped; needs root (or sudo).
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config git
  libmodest-dev libicu-dev libutf8proc-dev libre2-dev
  libsimdjson-dev nlohmann-json3-dev libcli11-dev libfmt-dev libspdlog-dev
  libstemmer-dev libcld2-dev libsqlite3-dev libtbb-dev
  libzstd-dev zlib1g-dev libarchive-dev libxxhash-dev libexpected-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  clang-14 libclang-rt-14-dev
  python3-dev pybind11-dev python3-distributed python3-pytest python3-jsonschema
  libgeographiclib-dev iso-codes libxml2-dev
  ots python3-readability chromium
  nodejs
)

missing=()
# npm: only when no npm is on PATH (a NodeSource node ships its own).
command -v npm >/dev/null 2>&1 || PACKAGES+=(npm)
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "sitrep: installing ${#missing[@]} Debian packages: ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
