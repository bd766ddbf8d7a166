#!/usr/bin/env bash
# Runs every check: Biome lint, type checks and unit tests of every package (through turbo),
# the IDE's end-to-end tests in Debian's Chromium (after building the IDE), then prints one
# summary line "tests: N passed, N failed, N skipped". Lint errors fail the run (one line
# before the summary says so); the tests still run.
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
# The NEURON export tests (packages/core/test/export) run Debian's NEURON and MPI; without them they skip, saying why.
if ! command -v nrnivmodl >/dev/null || ! /usr/bin/python3 -c "import neuron" >/dev/null 2>&1 || ! command -v mpiexec >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "test: installing Debian's NEURON and Open MPI for the export tests"
    (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y python3-neuron neuron-dev python3-numpy openmpi-bin) >/tmp/dendrolab-apt-neuron.log 2>&1 \
      || { tail -20 /tmp/dendrolab-apt-neuron.log; echo "test: could not install NEURON; the export tests will skip"; }
  else
    echo "test: NEURON is missing; the export tests will skip (install: apt-get install -y python3-neuron neuron-dev python3-numpy openmpi-bin)"
  fi
fi
rm -rf packages/*/test-results apps/*/test-results e2e/test-results
pnpm exec turbo run lint typecheck test --continue=dependencies-successful --concurrency=1 --output-logs=full --log-order=stream
status=$?
# The lint task's result (cached by turbo when it passed; run again, quietly, when it failed).
if ! pnpm exec turbo run lint --output-logs=none >/dev/null 2>&1; then
  echo "lint: FAILED, biome check . found errors (see its output above; pnpm lint shows them, pnpm format fixes formatting)"
  status=1
fi
node scripts/summarise-tests.mjs || status=1
exit $status
