/** Piscina worker: renders batches of pages with one frozen processor per worker thread. */
import { tickPageClock } from './page-clock.js';
import { writePageFile } from './page-file.js';
import type { RenderedPage } from './page-data.js';
import type { ProcessorOptions } from './processor.js';
import { rendererFor, type MarkdownInput } from './render-markdown.js';

/** One task: a batch of pages sharing the same renderer options. */
export interface RenderTask {
  options: ProcessorOptions;
  inputs: MarkdownInput[];
  /** Per input, the page file to write here (RenderCache.pageFiles), so the HTML stays off the main thread. */
  entries?: Array<string | undefined>;
  /** A page clock (page-clock.ts) to tick as each page starts, so the pool can time pages one by one. */
  clock?: SharedArrayBuffer;
}

/** A rendering whose HTML went into its page file, from byte `htmlAt`, instead of coming back. */
export type WrittenPage = Omit<RenderedPage, 'html'> & { htmlAt: number };

/** Renders every page of the batch; the processor is built on the first task and reused after. */
export default function renderBatch(task: RenderTask): Array<RenderedPage<string> | WrittenPage> {
  const render = rendererFor(task.options);
  const clock = task.clock === undefined ? undefined : tickPageClock(task.clock);
  const pages = task.inputs.map((input, i): RenderedPage<string> | WrittenPage => {
    clock?.starting(i);
    const page = render(input);
    const entry = task.entries?.[i];
    if (entry === undefined) return page;
    const { data, htmlAt } = writePageFile(entry, page);
    return { ...data, htmlAt };
  });
  clock?.done();
  return pages;
}
