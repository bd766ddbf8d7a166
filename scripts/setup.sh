#!/usr/bin/env bash
# Installs what the project needs: pnpm (pinned) and the workspace's dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1
if [ "$(pnpm --version 2>/dev/null || true)" != "12.4.2" ]; then
  echo "setup: installing pnpm 12.4.2"
  npm install -g pnpm@12.4.2 >/dev/null 2>&1 || npm install -g pnpm@12.4.2
fi
pnpm install --frozen-lockfile
