/** The Markdown stage's RenderCache, over a store of renderings by key (render-store.ts) and keys of each page's inputs (render-key.ts). */
import type { RenderedPage } from '../markdown/page-data.js';
import type { ProcessorOptions } from '../markdown/processor.js';
import type { RenderCache } from '../markdown/render-cache.js';
import type { MarkdownInput } from '../markdown/render-markdown.js';
import { NO_REUSE, type Reuse } from '../reuse.js';
import { renderKey, renderSalt } from './render-key.js';
import type { RenderStore } from './render-store.js';

/** Finds and keeps each page's rendering under a key of everything it is made from; remembers each page's key for layout keys. */
export class KeyedRenderCache implements RenderCache {
  private readonly keys = new Map<string, string>();
  private readonly salt: string;
  readonly pageFiles: RenderCache['pageFiles'];

  /** `reuse` keeps each page's key while its body is unchanged: hashing every body is most of a warm render. */
  constructor(
    private readonly store: RenderStore,
    processor: ProcessorOptions,
    private readonly reuse: Reuse = NO_REUSE,
  ) {
    this.salt = renderSalt(processor);
    const { entryFile, adopt } = store;
    if (entryFile !== undefined && adopt !== undefined) {
      this.pageFiles = {
        fileFor: (path) => entryFile.call(store, this.keyFor(path)),
        adopt: (path, data, htmlAt) => adopt.call(store, this.keyFor(path), data, htmlAt),
      };
    }
  }

  find(input: MarkdownInput): RenderedPage | undefined {
    // A body held as bytes is hashed as bytes (the same key as its text): no decoding for a hit.
    const body = input.body;
    const salt = this.salt;
    const key = this.reuse.value(`render key:${input.path}`, () => [salt, input.kind, input.bodyLine, body], () => renderKey(salt, input, body));
    this.keys.set(input.path, key);
    return this.store.get(key);
  }

  keep(path: string, page: RenderedPage): RenderedPage {
    return this.store.set(this.keyFor(path), page);
  }

  isCold(): boolean {
    return this.store.startsCold();
  }

  finish(): void {
    this.store.finish();
  }

  /** The render key of the page at `path` (a digest of everything its rendering is made from), once `find` has seen it. */
  keyOf(path: string): string | undefined {
    return this.keys.get(path);
  }

  private keyFor(path: string): string {
    return this.keys.get(path) ?? '';
  }
}
