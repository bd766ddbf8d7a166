/**
 * Entry point: paints the app shell first, then starts the workers and runs the session
 * (the session of a share link, else the autosaved one, else the tutorial).
 */
import { createRoot } from "react-dom/client";
import { createServices } from "./engine/services.js";
import { isHandInHash, isLessonHash, isShareHash } from "./session/link-hash.js";
import { createSession, preloadActions } from "./session/store.js";
import { TUTORIAL_SCRIPT } from "./session/tutorial.js";
import { App } from "./ui/App.js";
import { loadDeferredPanels } from "./ui/layout/deferred.js";
import { loadPlotly, preloadPlotly } from "./ui/plots/plotly.js";
import { SessionProvider } from "./ui/session-context.js";
import "./styles.css";

const services = createServices();
const session = createSession(services, TUTORIAL_SCRIPT);
// The session and the services, for tests and the console (the services: to reach the model worker's client).
(window as unknown as { dendrolab: unknown }).dendrolab = { ...session, services };

createRoot(document.getElementById("root")!).render(
  <SessionProvider value={session}>
    <App />
  </SessionProvider>,
);

async function start(): Promise<void> {
  // A link in the address wins over the autosaved session, which stays reachable (see persist/actions.ts).
  const hash = location.hash;
  const autosave = await session.actions.openOnStart(hash);
  // A lesson link opens its lesson over the restored session; a hand-in link opens the Compare view.
  if (isLessonHash(hash)) void session.actions.openLessonLink(hash);
  else if (isHandInHash(hash)) void session.actions.openHandInLink(hash);
  void preloadActions(); // the actions loaded on first use, now that the session is open
  window.addEventListener("beforeunload", (e) => {
    if (!autosave.unsaved()) return;
    e.preventDefault();
    e.returnValue = "";
  });
}

/** Starts once the shell has painted (so that first paint needs only this file), or after 300 ms. */
function afterFirstPaint(fn: () => void): void {
  let done = false;
  const go = () => {
    if (done) return;
    done = true;
    setTimeout(fn, 0);
  };
  try {
    new PerformanceObserver((list) => {
      if (list.getEntries().some((e) => e.name === "first-contentful-paint")) go();
    }).observe({ type: "paint", buffered: true });
  } catch {
    // No paint timing: fall back to the timer.
  }
  setTimeout(go, 300);
}

/** The sandbox's document gets this long to load before the rest is asked for anyway. */
const SANDBOX_FIRST_MS = 600;
/** The panels load at the latest this long after first paint. */
const PANELS_AT_LATEST_MS = 1500;
/** Without a link, the sandbox starts once the page is idle after the opening run is drawn, or this long after. */
const SANDBOX_IDLE_MS = 1000;

/**
 * The order of the files asked for after first paint matters: a browser fetches at most
 * six at a time from a server without HTTP/2, and on 2 cores the first run competes for
 * time with everything that starts with it.
 *
 * Without a link in the address the page opens on the autosaved session or on the
 * tutorial, whose model was built with the app (engine/prebuilt.ts): the model worker, the
 * session's files, plotly (about a megabyte, evaluated as soon as it has arrived: a long
 * task of this thread) and the panels come first, and the script sandbox (its document,
 * relay and worker) starts once the tutorial is on screen. A restored session that is
 * not the tutorial starts the sandbox with its first run.
 *
 * A link's script runs in the sandbox: its document and relay come first (the first
 * run's worker boots there), then the session, plotly, the traces panel once the sandbox
 * is ready, the other panels once plotly is there (layout/deferred.tsx).
 */
function openWithoutLink(): void {
  const rest = () => void loadDeferredPanels();
  const plotly = preloadPlotly().then(() => loadPlotly("basic"));
  // Once the opening run is in and plotly is there to draw it, at the page's next idle moment.
  void Promise.allSettled([start(), plotly]).then(() => whenIdle(() => void services.warm(), SANDBOX_IDLE_MS));
  void loadDeferredPanels("early").then(rest, rest);
  setTimeout(rest, PANELS_AT_LATEST_MS);
}

function openLink(): void {
  const rest = () => void loadDeferredPanels();
  let begun = false;
  const begin = () => {
    if (begun) return;
    begun = true;
    void start();
    void preloadPlotly().then(() => loadPlotly("basic").then(rest, rest));
    void services.warm().then(() => loadDeferredPanels("early"));
  };
  void services.startSandbox().then(begin);
  setTimeout(begin, SANDBOX_FIRST_MS);
  setTimeout(rest, PANELS_AT_LATEST_MS);
}

/** Calls `fn` when the page's thread is next idle, or after `timeoutMs`. */
function whenIdle(fn: () => void, timeoutMs: number): void {
  if (typeof requestIdleCallback === "function") requestIdleCallback(fn, { timeout: timeoutMs });
  else setTimeout(fn, timeoutMs);
}

afterFirstPaint(() => {
  // Every session's first run needs the model worker: it boots in its own thread meanwhile.
  services.modelClient();
  if (location.hash) openLink();
  else openWithoutLink();
});

// A link arriving in the address of the open page is only opened once the user says so.
window.addEventListener("hashchange", () => {
  if (isShareHash(location.hash)) session.actions.askToOpenLink(location.hash);
  else if (isLessonHash(location.hash)) void session.actions.openLessonLink(location.hash);
  else if (isHandInHash(location.hash)) void session.actions.openHandInLink(location.hash);
});
