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
import { loadPlotly } from "./ui/plots/plotly.js";
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
  // plotly is evaluated on this thread (a long task): once the sandbox has booted, so that
  // it does not hold up the messages of the first run.
  const plots = () => void loadPlotly("basic");
  void services.warm().then(plots);
  setTimeout(plots, 1500);

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

afterFirstPaint(() => {
  void loadDeferredPanels();
  void start();
});

// A link arriving in the address of the open page is only opened once the user says so.
window.addEventListener("hashchange", () => {
  if (isShareHash(location.hash)) session.actions.askToOpenLink(location.hash);
  else if (isLessonHash(location.hash)) void session.actions.openLessonLink(location.hash);
  else if (isHandInHash(location.hash)) void session.actions.openHandInLink(location.hash);
});
