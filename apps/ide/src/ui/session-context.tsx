/** The session, for components: actions and selected slices of state. */
import { createContext, useContext } from "react";
import { useStore } from "zustand";
import type { SessionState } from "../session/state.js";
import type { Session } from "../session/store.js";

const SessionCtx = createContext<Session | null>(null);

export const SessionProvider = SessionCtx.Provider;

export function useSession(): Session {
  const s = useContext(SessionCtx);
  if (!s) throw new Error("useSession outside SessionProvider");
  return s;
}

/** A slice of the session state; re-renders when the selected value changes (by identity). */
export function useSessionState<T>(selector: (s: SessionState) => T): T {
  return useStore(useSession().store, selector);
}

export function useActions(): Session["actions"] {
  return useSession().actions;
}

/** A stable empty list for selectors (a new [] each time would re-render forever). */
export const NO_GROUPS: ReadonlyArray<{ name: string; nodes: number[] }> = Object.freeze([]);
