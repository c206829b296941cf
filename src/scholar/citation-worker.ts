/**
 * The citation worker (citation-offload.ts starts it): loads citation-js and builds the styles'
 * engines at once, then formats the items it is sent, in order but the one the main thread says it
 * waits for first, posting each item's citations and counting them in a shared counter the main
 * thread may sleep on. An item that fails is posted with its error, which the main thread throws.
 */
import { parentPort, receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads';
import type { CitationStyleSources } from './csl-item.js';
import { formatCitations, loadCitationStyles, prepareEngines, type Citations, type CitationStyles } from './format-citations.js';

/** What the main thread hands the worker when starting it. */
export interface CitationWorkerData {
  sources: CitationStyleSources;
  port: MessagePort;
  /** One Int32: how many items have been posted so far. */
  posted: SharedArrayBuffer;
}

/** An item to format, by its cache key. */
export interface CitationJob {
  key: string;
  item: Record<string, unknown>;
}

if (parentPort !== null) {
  const { sources, port, posted } = workerData as CitationWorkerData;
  let styles: CitationStyles | undefined;
  // A style citeproc cannot read fails every item, as it would in the main thread.
  let failure: string | undefined;
  try {
    styles = loadCitationStyles(sources);
    prepareEngines(styles);
  } catch (error) {
    failure = String(error);
  }
  port.once('message', (jobs: CitationJob[]) => {
    const count = new Int32Array(posted);
    const todo = new Map(jobs.map((job) => [job.key, job.item]));
    while (todo.size > 0) {
      const [key, item] = next(port, todo);
      todo.delete(key);
      port.postMessage(styles === undefined ? { key, error: failure } : formatted(key, item, styles));
      Atomics.add(count, 0, 1);
      Atomics.notify(count, 0);
    }
    port.close();
  });
}

/** The item the main thread waits for, if it said so and it is still to do; else the next in order. */
function next(port: MessagePort, todo: Map<string, Record<string, unknown>>): [string, Record<string, unknown>] {
  for (let message = receiveMessageOnPort(port); message !== undefined; message = receiveMessageOnPort(port)) {
    const wanted = (message.message as { want: string }).want;
    const item = todo.get(wanted);
    if (item !== undefined) return [wanted, item];
  }
  return todo.entries().next().value as [string, Record<string, unknown>];
}

function formatted(key: string, item: Record<string, unknown>, styles: CitationStyles): { key: string; citations?: Citations; error?: string } {
  try {
    return { key, citations: formatCitations(item, styles) };
  } catch (error) {
    return { key, error: String(error) };
  }
}
