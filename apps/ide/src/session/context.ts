/** What every group of session actions works on. */
import type { StoreApi } from "zustand/vanilla";
import type { Services } from "./services.js";
import type { SessionState } from "./state.js";

export interface SessionContext {
  store: StoreApi<SessionState>;
  services: Services;
}

export const get = (c: SessionContext) => c.store.getState();
export const patch = (c: SessionContext, p: Partial<SessionState>) => c.store.setState(p);
