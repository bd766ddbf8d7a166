/**
 * The landing card and the tour, mounted by App: this file is all of them in the first
 * paint; the card's and the tour's code load only when one is shown (onboarding-store.ts
 * says when).
 */
import { lazy, Suspense, useEffect, useSyncExternalStore } from "react";
import { useSessionState } from "../session-context.js";
import { onboarding } from "./onboarding-store.js";

const LandingCard = lazy(() => import("./LandingCard.js"));
const Tour = lazy(() => import("./Tour.js"));

export function Onboarding() {
  const opened = useSessionState((s) => s.opened ?? null);
  const view = useSyncExternalStore(onboarding.subscribe, onboarding.get);
  useEffect(() => onboarding.offer(opened), [opened]);
  if (!view.card && !view.tour) return null;
  return (
    <Suspense fallback={null}>
      {view.card && <LandingCard />}
      {view.tour && <Tour />}
    </Suspense>
  );
}
