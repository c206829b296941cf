/**
 * The incremental layer of one build, composed by build.ts: what is kept between builds (the memo of
 * a long-lived process, the store of renderings) and the keys that tell a kept result is still
 * right (render keys, layout keys). The stages never see any of it: they get a Reuse, a RenderCache
 * and the keys of the files they write.
 */
import type { SiteConfig } from '../config/site-config.js';
import { processorOptions } from '../markdown/processor.js';
import { NO_REUSE, type Reuse } from '../reuse.js';
import type { Writer } from '../write/writer.js';
import type { BuildMemo } from './build-memo.js';
import { citationStoreFor, type CitationStore } from './citation-store.js';
import { layoutKeys, type SharedLayoutInputs } from './layout-key.js';
import { KeyedRenderCache } from './render-cache.js';
import type { RenderStore } from './render-store.js';

/** A file's key from its kind and source pages, or undefined when it must be made afresh. */
export type FileKeys = (kind: string, paths: readonly string[]) => string | undefined;

/** What one build reuses from earlier ones; with neither memo nor store, it reuses nothing. */
export class IncrementalBuild {
  readonly reuse: Reuse;
  /** The Markdown stage's cache, when there is a store of renderings. */
  readonly renderCache: KeyedRenderCache | undefined;
  /** The scholar stage's formatted citations, kept with the store of renderings. */
  readonly citations: CitationStore | undefined;

  constructor(
    config: SiteConfig,
    private readonly memo: BuildMemo | undefined,
    store: RenderStore | undefined,
  ) {
    this.reuse = memo ?? NO_REUSE;
    this.renderCache = store === undefined ? undefined : new KeyedRenderCache(store, processorOptions(config), this.reuse);
    this.citations = store === undefined ? undefined : citationStoreFor(store);
  }

  /**
   * Keys of laid-out files, for a writer that keeps a file the last build made from the same key.
   * A file made from a page without a render key (no render cache) has none: it is always made.
   */
  fileKeys(writer: Writer, shared: SharedLayoutInputs, noteLinks: (path: string) => string): FileKeys {
    if (writer.reuse === undefined) return () => undefined;
    return layoutKeys(shared, (path) => this.renderCache?.keyOf(path), noteLinks, this.reuse);
  }

  /** Ends the build: the memo and the citation store forget what this build did not use. */
  finish(): void {
    this.memo?.finish();
    this.citations?.finish();
  }
}
