#!/bin/sh
# Runs before the commands that use dist/ (migrations, admin). In a development
# checkout (TypeScript installed) it builds when a source changed since the last
# build; in production (npm prune --omit=dev, no TypeScript) it only checks that
# dist/ is there, so nothing needs a development dependency.
set -eu
cd "$(dirname "$0")/.."
built=dist/apps/cli/src/main.js

if [ -x node_modules/.bin/tsc ]; then
  # Folders count too: a deleted or renamed file changes its folder's time.
  if [ ! -f "$built" ] ||
    [ -n "$(find apps libs migrations tsconfig.json tsconfig.build.json -newer "$built" -print | head -n 1)" ]; then
    npm run --silent build
  fi
elif [ ! -f "$built" ]; then
  echo "dist/ is missing: run npm ci && npm run build before pruning the development dependencies." >&2
  exit 1
fi
