/** The part of monaco-editor's (untyped) markdown renderer service that safe-markdown.ts wraps. */
declare module "monaco-editor/platform/markdown/browser/markdownRenderer" {
  export interface MarkdownRenderOptions {
    actionHandler?: (link: string, markdown: unknown) => void;
    sanitizerConfig?: { remoteImageIsAllowed?: (uri: unknown) => boolean; [key: string]: unknown };
    [key: string]: unknown;
  }
  export class MarkdownRendererService {
    render(markdown: unknown, options: MarkdownRenderOptions | undefined, target?: HTMLElement): unknown;
  }
}
