/**
 * A module of actions loaded on first use, or ahead of it by `preload` (after the first
 * run, see store.ts): once loaded, `use` calls into it at once, in the caller's task, so
 * that an action behaves as if the module had been there from the start.
 */
export interface LazyModule<M> {
  /** Calls `fn` with the module: at once when loaded, else once it has loaded. */
  use<R>(fn: (m: M) => R | Promise<R>): Promise<R>;
  /** The module if it has loaded, else null. */
  loaded(): M | null;
  /** Starts loading it (once). */
  preload(): Promise<M>;
}

export function lazyModule<M>(load: () => Promise<M>): LazyModule<M> {
  let mod: M | null = null;
  let loading: Promise<M> | null = null;
  const preload = () => {
    loading ??= load().then((m) => {
      mod = m;
      return m;
    });
    return loading;
  };
  return {
    preload,
    loaded: () => mod,
    use: async (fn) => (mod ? fn(mod) : fn(await preload())),
  };
}
