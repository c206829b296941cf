/** What the Markdown stage asks of kept renderings; the build's incremental layer supplies it (incremental/render-cache.ts). */
import type { RenderedPage } from './page-data.js';
import type { MarkdownInput } from './render-markdown.js';

/** Renderings kept from earlier builds, found by each page's input. */
export interface RenderCache {
  /** The kept rendering of `input`, or undefined: the page must be rendered, then handed to `keep`. */
  find(input: MarkdownInput): RenderedPage | undefined;
  /** Keeps a fresh rendering of the page at `path`; returns the page to hand on (it may read its HTML back from the store). */
  keep(path: string, page: RenderedPage): RenderedPage;
  /**
   * Set when renderings are kept as page files (page-file.ts): a render worker then writes the page's
   * file itself, so its HTML never crosses to the main thread, and the cache adopts it.
   */
  readonly pageFiles: PageFiles | undefined;
  /** True when nothing is kept yet, so every page will be rendered (the build then starts its workers early). */
  isCold(): boolean;
  /** Ends a build: keeps what this build asked for, forgets the rest. */
  finish(): void;
}

/** Renderings kept as page files, which render workers write themselves. */
export interface PageFiles {
  /** The file the page at `path` is to be written to. */
  fileFor(path: string): string;
  /** Takes the page a worker wrote to fileFor(path), whose HTML starts at byte `htmlAt`. */
  adopt(path: string, data: Omit<RenderedPage, 'html'>, htmlAt: number): RenderedPage;
}
