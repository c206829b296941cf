/**
 * Formats many citations on a worker thread while the build goes on: citeproc takes a few
 * milliseconds per item and style, seconds on a big site, and the main thread is the one laying
 * pages out. The main thread takes each item's citations when a page asks for them, sleeping only if
 * the worker has not got there yet. A build may start the worker early (expectCitations), so it
 * loads citation-js and builds its engines (a second or more) while front matter is read.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { CitationJob, CitationWorkerData } from './citation-worker.js';
import { citationStyleSources, stylesDigest, type CitationStyleSources } from './csl-item.js';
import type { Citations } from './format-citations.js';

/** Fewer items than this are formatted in-thread: a worker's start costs more than it saves. */
export const OFFLOAD_MIN_ITEMS = 64;

/** The longest wait for the worker's next item: one that died (out of memory) never posts again. */
const STALL_MS = 120_000;

/** The citations of the items the worker was sent, as it posts them. */
export interface OffloadedCitations {
  /** Whether the worker has posted the item's citations, so `take` would not wait. */
  has(key: string): boolean;
  /** Takes an item's citations, waiting for the worker if it has not got there yet; throws what formatting it threw there. */
  take(key: string): Citations;
}

interface StartedWorker {
  digest: string;
  worker: Worker;
  port: MessagePort;
  posted: SharedArrayBuffer;
}

/** The worker started ahead of the scholar stage, until that stage takes it or lets it go. */
let early: StartedWorker | undefined;

/**
 * Starts the citation worker ahead of the scholar stage when the site has many pages and `cache`
 * keeps no citation yet (a cold build), so it is likely to have many citations to format. Does
 * nothing without a compiled worker (running from TypeScript sources, as tests do).
 */
export function expectCitations(pageCount: number, siteTemplatesDir: string | undefined, cache: { startsCold?(): boolean } | undefined): void {
  releaseEarlyWorker();
  if (pageCount >= OFFLOAD_MIN_ITEMS && cache?.startsCold?.() !== false) early = startWorker(citationStyleSources(siteTemplatesDir));
}

/** Stops an early worker the scholar stage did not need (every citation was kept, or too few to format). */
export function releaseEarlyWorker(): void {
  void early?.worker.terminate();
  early = undefined;
}

/**
 * Sends `jobs` to the early worker when it has the same styles, else to a new one; undefined when
 * there is no compiled worker, so the caller formats in-thread.
 */
export function formatOnWorker(sources: CitationStyleSources, jobs: readonly CitationJob[]): OffloadedCitations | undefined {
  const digest = stylesDigest(sources);
  let started = early?.digest === digest ? early : undefined;
  if (started === undefined) releaseEarlyWorker();
  early = undefined;
  started ??= startWorker(sources);
  if (started === undefined) return undefined;
  started.port.postMessage(jobs);
  return receiver(started, jobs.length);
}

function startWorker(sources: CitationStyleSources): StartedWorker | undefined {
  const file = workerFile();
  if (file === undefined) return undefined;
  const { port1, port2 } = new MessageChannel();
  const posted = new SharedArrayBuffer(4);
  const data: CitationWorkerData = { sources, port: port2, posted };
  const worker = new Worker(file, { workerData: data, transferList: [port2] });
  // The build never waits for the worker to exit: it ends by itself once every item is posted.
  worker.unref();
  port1.unref();
  worker.on('error', () => undefined);
  return { digest: stylesDigest(sources), worker, port: port1, posted };
}

/** Takes items off the worker's port as they are asked for, sleeping on its counter while one is still to come. */
function receiver({ port, posted }: StartedWorker, total: number): OffloadedCitations {
  const count = new Int32Array(posted);
  const received = new Map<string, Citations | string>();
  let taken = 0;
  const drain = (): void => {
    for (let message = receiveMessageOnPort(port); message !== undefined; message = receiveMessageOnPort(port)) {
      const { key, citations, error } = message.message as { key: string; citations?: Citations; error?: string };
      received.set(key, citations ?? error ?? 'no citations');
      taken++;
    }
  };
  const has = (key: string): boolean => {
    drain();
    return received.has(key);
  };
  const take = (key: string): Citations => {
    drain();
    // Asks for this item next; the worker reads such requests between items.
    if (!received.has(key)) port.postMessage({ want: key });
    while (!received.has(key)) {
      if (Atomics.wait(count, 0, taken, STALL_MS) === 'timed-out' && Atomics.load(count, 0) === taken) {
        throw new Error(`the citation worker stopped after ${taken} of ${total} items`);
      }
      drain();
    }
    const citations = received.get(key);
    received.delete(key);
    if (typeof citations === 'string') throw new Error(`formatting a citation failed: ${citations}`);
    return citations as Citations;
  };
  return { has, take };
}

/** The compiled worker beside this module, or undefined under TypeScript sources. */
function workerFile(): string | undefined {
  const here = fileURLToPath(import.meta.url);
  if (!here.endsWith('.js')) return undefined;
  const file = here.replace(/citation-offload\.js$/, 'citation-worker.js');
  return existsSync(file) ? file : undefined;
}
