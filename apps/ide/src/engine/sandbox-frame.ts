/**
 * The document of the sandboxed iframe (`sandbox="allow-scripts"`, no allow-same-origin:
 * an opaque origin with no storage and no access to the page). Its policy allows only
 * inline script, eval (for the script runner) and blob: workers, and no connections.
 * The inline script starts the script worker from the source the page sends and relays
 * messages both ways.
 */
const SANDBOX_CSP =
  "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval' blob:; worker-src blob:; connect-src 'none'; img-src 'none'; style-src 'none'; form-action 'none'; base-uri 'none'";

const RELAY = `(function () {
  var parentWin = window.parent;
  var worker = null;
  window.addEventListener("message", function (e) {
    if (e.source !== parentWin) return;
    var m = e.data;
    if (m && m.kind === "boot") {
      if (worker || typeof m.source !== "string") return;
      try {
        var url = URL.createObjectURL(new Blob([m.source], { type: "text/javascript" }));
        worker = new Worker(url);
        worker.onmessage = function (ev) { parentWin.postMessage(ev.data, "*"); };
        worker.onerror = function (ev) {
          ev.preventDefault();
          parentWin.postMessage({ kind: "crash", message: String(ev.message || "the script worker failed") }, "*");
        };
      } catch (err) {
        parentWin.postMessage({ kind: "crash", message: String(err && err.message || err) }, "*");
      }
      return;
    }
    if (worker) worker.postMessage(m);
  });
  parentWin.postMessage({ kind: "frame-ready" }, "*");
})();`;

export const SANDBOX_SRCDOC = `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${SANDBOX_CSP}"></head><body><script>${RELAY}</script></body></html>`;
