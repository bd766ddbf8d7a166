#!/usr/bin/env bash
# The main job. Until the IDE lands: simulate the user's tutorial network in Node and
# print its tables and a voltage summary.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
pnpm --filter @dendrolab/examples run tutorial
