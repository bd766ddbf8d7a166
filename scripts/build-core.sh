#!/usr/bin/env bash
# Builds @dendrolab/core into packages/core/dist (turbo caches it: a no-op when the core is
# unchanged). The examples and benchmarks run on the core's built package.
set -euo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1
out=$(pnpm exec turbo run build --filter=@dendrolab/core --output-logs=errors-only 2>&1) || { echo "$out"; exit 1; }
