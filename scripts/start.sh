#!/usr/bin/env bash
# The main job: build the Dendrolab IDE and its documentation site and serve them locally.
# It prints the addresses to open; the IDE opens on the user's tutorial network, already
# simulated, and the documentation is at /docs/ on the same server.
#   PORT=8080 bash scripts/start.sh   # choose the port (default: 5173, or the next free one)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1
echo "start: building the core (packages/core), the IDE (apps/ide) and the documentation (apps/docs)..."
# turbo builds @dendrolab/core's dist first: the IDE uses the core's built package. The IDE's
# server serves the documentation's build (apps/docs/dist) at /docs/ (apps/ide/build/docs-site.ts).
pnpm exec turbo run build --filter=@dendrolab/ide --filter=@dendrolab/docs >/tmp/dendrolab-ide-build.log 2>&1 || { cat /tmp/dendrolab-ide-build.log; exit 1; }
if [ -z "${PORT:-}" ]; then
  PORT=$(node -e '
    const net = require("net");
    const tryPort = (p) => { const s = net.createServer(); s.once("error", () => tryPort(p + 1)); s.listen(p, "127.0.0.1", () => { s.close(() => console.log(p)); }); };
    tryPort(5173);')
fi
echo
echo "  Dendrolab IDE: http://localhost:${PORT}/"
echo "  Documentation: http://localhost:${PORT}/docs/"
echo "  (also http://127.0.0.1:${PORT}/; stop with Ctrl+C)"
echo
exec pnpm --filter @dendrolab/ide exec vite preview --port "$PORT" --strictPort --host 127.0.0.1
