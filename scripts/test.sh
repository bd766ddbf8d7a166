#!/usr/bin/env bash
# Runs every test: type checks and unit tests of every package (through turbo), the IDE's
# end-to-end tests in Debian's Chromium (after building the IDE), then prints one summary
# line "tests: N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit 1
export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
# The e2e tests drive Debian's Chromium (never a downloaded browser).
if [ -z "${CHROMIUM:-}" ] && [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "test: installing Debian's chromium for the end-to-end tests"
    (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium) >/tmp/dendrolab-apt.log 2>&1 \
      || { tail -20 /tmp/dendrolab-apt.log; echo "test: could not install chromium"; }
  else
    echo "test: /usr/bin/chromium is missing; install it (apt-get install -y chromium) or set CHROMIUM=/path/to/chromium"
  fi
fi
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] && echo "test: $("${CHROMIUM:-/usr/bin/chromium}" --version 2>/dev/null | head -1)"
rm -rf packages/*/test-results apps/*/test-results e2e/test-results
pnpm exec turbo run typecheck test --concurrency=1 --output-logs=full --log-order=stream
status=$?
node scripts/summarise-tests.mjs || status=1
exit $status
