/**
 * Markdown that a script's own text puts on screen (JSDoc in hovers, completion details,
 * parameter hints) is shown without reaching the network: remote images are dropped
 * before their element exists (so the browser never fetches them), and links do nothing
 * when clicked (no new tab, no navigation). A linked script is someone else's text.
 */
import * as monaco from "monaco-editor/editor/editor.api";
import { MarkdownRendererService } from "monaco-editor/platform/markdown/browser/markdownRenderer";

let installed = false;

/** Makes every Monaco markdown rendering refuse remote images and links (once; before the first editor). */
export function installSafeMarkdown(): void {
  if (installed) return;
  installed = true;
  const proto = MarkdownRendererService.prototype;
  const render = proto.render;
  proto.render = function (this: unknown, markdown, options, target) {
    return render.call(
      this,
      markdown,
      {
        ...options,
        // A link's click is prevented by the renderer and handed here: nothing is opened.
        actionHandler: () => undefined,
        // Images other than data: URIs lose their source in the sanitizer (an inert document).
        sanitizerConfig: { ...options?.sanitizerConfig, remoteImageIsAllowed: () => false },
      },
      target,
    );
  };
  // Any other way a link reaches the editor's opener (e.g. a command) counts as handled: nothing opens.
  monaco.editor.registerLinkOpener({ open: () => true });
}
