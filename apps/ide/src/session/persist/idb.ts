/**
 * A small key-value store in IndexedDB (database "dendrolab", object store "sessions").
 * Every call rejects when IndexedDB is missing or refused (private mode, storage off).
 */

const DB = "dendrolab";
const STORE = "sessions";

let opened: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  opened ??= new Promise<IDBDatabase>((resolve, reject) => {
    if (typeof indexedDB === "undefined" || !indexedDB) throw new Error("this browser has no IndexedDB");
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error("IndexedDB refused to open"));
    req.onblocked = () => reject(new Error("IndexedDB is blocked by another tab"));
  });
  opened.catch(() => (opened = null));
  return opened;
}

function request<T>(mode: IDBTransactionMode, run: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return open().then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        const tx = db.transaction(STORE, mode);
        const req = run(tx.objectStore(STORE));
        tx.oncomplete = () => resolve(req.result);
        tx.onerror = () => reject(tx.error ?? req.error ?? new Error("IndexedDB transaction failed"));
        tx.onabort = () => reject(tx.error ?? new Error("IndexedDB transaction aborted"));
      }),
  );
}

/** The value stored under `key`, or undefined. */
export function idbGet(key: string): Promise<unknown> {
  return request("readonly", (s) => s.get(key));
}

/** Stores `value` (structured-cloned) under `key`. */
export async function idbPut(key: string, value: unknown): Promise<void> {
  await request("readwrite", (s) => s.put(value, key));
}
