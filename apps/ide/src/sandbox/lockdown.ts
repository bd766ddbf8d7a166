/**
 * Takes away, before user code runs, everything a script worker could use to reach the
 * network, storage or other contexts. Names are removed from the global object and
 * every prototype on its chain (methods such as `fetch` live on WorkerGlobalScope's
 * prototype). The iframe's Content-Security-Policy (connect-src 'none', no script
 * sources but blob:) blocks the same things a second time.
 */

const FORBIDDEN_GLOBALS = [
  "fetch",
  "XMLHttpRequest",
  "WebSocket",
  "WebSocketStream",
  "EventSource",
  "WebTransport",
  "importScripts",
  "indexedDB",
  "IDBFactory",
  "caches",
  "CacheStorage",
  "BroadcastChannel",
  "Worker",
  "SharedWorker",
  "RTCPeerConnection",
  "RTCDataChannel",
  "Request",
  "Response",
  "FileReaderSync",
  "navigator",
  "requestFileSystem",
  "webkitRequestFileSystem",
  "webkitResolveLocalFileSystemURL",
] as const;

/** Removes the forbidden names from `scope` and its prototypes; returns the names that remain reachable. */
export function lockDown(scope: object): string[] {
  for (let o: object | null = scope; o !== null && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
    for (const name of FORBIDDEN_GLOBALS) {
      if (!Object.hasOwn(o, name)) continue;
      try {
        Object.defineProperty(o, name, { value: undefined, writable: false, configurable: false, enumerable: false });
      } catch {
        try {
          delete (o as Record<string, unknown>)[name];
        } catch {
          // Reported below.
        }
      }
    }
  }
  return FORBIDDEN_GLOBALS.filter((n) => (scope as Record<string, unknown>)[n] !== undefined);
}
