#!/usr/bin/env bash
# Runs every test: type checks and unit tests of every package (through turbo), then
# prints one summary line "tests: N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit 1
export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1
rm -rf packages/*/test-results apps/*/test-results e2e/test-results
pnpm exec turbo run typecheck test --concurrency=1 --output-logs=full --log-order=stream
status=$?
node scripts/summarise-tests.mjs || status=1
exit $status
