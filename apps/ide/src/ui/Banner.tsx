/** Errors and notices that concern the whole session (e.g. a link that cannot be opened). */
import { useActions, useSessionState } from "./session-context.js";

export function Banner() {
  const banner = useSessionState((s) => s.banner);
  const a = useActions();
  if (!banner) return null;
  return (
    <div
      className={`banner banner-${banner.kind}`}
      role={banner.kind === "error" ? "alert" : "status"}
      data-testid="banner"
    >
      <span>{banner.text}</span>
      <button type="button" onClick={a.dismissBanner} aria-label="Dismiss">
        ×
      </button>
    </div>
  );
}
