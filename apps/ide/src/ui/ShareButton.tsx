/** Share: makes the session link, shows it and copies it. */
import { useRef, useState } from "react";
import { useDismiss } from "./use-dismiss.js";
import { useActions } from "./session-context.js";

export function ShareButton() {
  const a = useActions();
  const [url, setUrl] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [omitted, setOmitted] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const open = url !== null || problem !== null;
  // The popup closes on Escape and on a click elsewhere, so that it never hides the page.
  useDismiss(root, open, () => {
    setUrl(null);
    setProblem(null);
  });
  const share = async () => {
    const { hash, omittedFiles, problem } = await a.shareLink();
    setOmitted(omittedFiles);
    setProblem(problem ?? null);
    if (problem) {
      setUrl(null);
      return;
    }
    const link = `${location.origin}${location.pathname}${hash}`;
    history.replaceState(null, "", hash);
    setUrl(link);
    setCopied(false);
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      // Clipboard access may be refused; the link is shown to copy by hand.
    }
  };
  return (
    <div className="share" ref={root}>
      <button
        type="button"
        data-testid="share"
        onClick={() => void share()}
        title="A link that restores this whole session"
      >
        ⇪ Share
      </button>
      {problem && (
        <div className="share-pop" role="dialog" aria-label="Share link">
          <p className="share-warning" role="alert" data-testid="share-too-large">
            {problem}
          </p>
          <button type="button" onClick={() => setProblem(null)} aria-label="Close">
            ×
          </button>
        </div>
      )}
      {url && (
        <div className="share-pop" role="dialog" aria-label="Share link">
          <input readOnly value={url} data-testid="share-url" onFocus={(e) => e.currentTarget.select()} />
          <span className="muted">
            {copied ? "Copied." : ""} {url.length.toLocaleString("en")} characters
          </span>
          <button type="button" onClick={() => setUrl(null)} aria-label="Close">
            ×
          </button>
          {omitted.length > 0 && (
            <p className="share-warning" role="alert" data-testid="share-omitted">
              Imported {omitted.length === 1 ? "file" : "files"} {omitted.map((n) => `"${n}"`).join(", ")}{" "}
              {omitted.length === 1 ? "is" : "are"} too large for a link and {omitted.length === 1 ? "is" : "are"} not
              included: whoever opens this link is told to import {omitted.length === 1 ? "it" : "them"} (drop{" "}
              {omitted.length === 1 ? "it" : "them"} on the page) before the script runs.
            </p>
          )}
        </div>
      )}
    </div>
  );
}
