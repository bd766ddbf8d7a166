/** Errors and notices that concern the whole session (e.g. a link that cannot be opened, a restored session), with their buttons. */
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
      {banner.actions?.map((act) => (
        <button
          key={act.testid}
          type="button"
          className="banner-action"
          data-testid={act.testid}
          onClick={() => {
            a.dismissBanner();
            act.run();
          }}
        >
          {act.label}
        </button>
      ))}
      <button type="button" onClick={a.dismissBanner} aria-label="Dismiss">
        ×
      </button>
    </div>
  );
}
