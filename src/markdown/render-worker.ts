/** Piscina worker: renders batches of pages with one frozen processor per worker thread. */
import type { RenderedPage } from './page-data.js';
import type { ProcessorOptions } from './processor.js';
import { createMarkdownRenderer, type MarkdownInput, type RenderMarkdown } from './render-markdown.js';

/** One task: a batch of pages sharing the same renderer options. */
export interface RenderTask {
  options: ProcessorOptions;
  inputs: MarkdownInput[];
}

const renderers = new Map<string, RenderMarkdown>();

/** Renders every page of the batch; the processor is built on the first task and reused after. */
export default function renderBatch(task: RenderTask): RenderedPage[] {
  const key = JSON.stringify(task.options);
  let render = renderers.get(key);
  if (render === undefined) {
    render = createMarkdownRenderer(task.options);
    renderers.set(key, render);
  }
  return task.inputs.map((input) => render(input));
}
