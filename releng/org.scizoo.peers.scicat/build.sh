#!/usr/bin/env bash
# Builds SciCat's backend from its read-only source into a folder of ours: build.sh SOURCE TARGET.
# A build is current when TARGET/dist/main.js exists and the source's package-lock.json is unchanged.
set -euo pipefail
src=$1 dst=$2
if [[ ! -f $src/package.json ]]; then
  echo "SciCat's source is not at $src (see ../shared/peers/README.md)" >&2
  exit 1
fi
stamp=$(sha256sum "$src/package-lock.json" | cut -d' ' -f1)
if [[ -f $dst/dist/main.js && -f $dst/.built-from && $(cat "$dst/.built-from") == "$stamp" ]]; then
  echo "SciCat backend: current build in $dst"
  exit 0
fi
command -v npm >/dev/null || { echo "SciCat backend: npm is needed (Node.js 20)" >&2; exit 1; }
rm -rf "$dst" && mkdir -p "$dst"
cp -r "$src/." "$dst/"
cd "$dst"
echo "SciCat backend: npm ci and build in $dst"
npm ci --no-audit --no-fund --loglevel=error
npm run build --silent
echo "$stamp" > .built-from
