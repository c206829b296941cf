/** The benchmark's yardstick: the mandated unified chain with no plugins of ours, on one thread. */
import { readFileSync } from 'node:fs';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

/** Result of one pass of the bare chain. */
export interface BareChainRun {
  ms: number;
  /** CPU time of the whole process meanwhile (user + system, every thread): V8 collects garbage on helper threads, so "one thread" keeps more than one core busy. */
  cpuMs: number;
  /** Markdown bytes processed (bodies, front matter removed). */
  bytes: number;
  /** HTML bytes produced, so the work cannot be optimised away. */
  htmlBytes: number;
}

/** Reads each file, drops its front matter and runs parse → gfm → rehype → stringify over the body. */
export function runBareChain(files: readonly string[]): BareChainRun {
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeStringify, { allowDangerousHtml: true })
    .freeze();
  const bodies = files.map((file) => stripFrontMatter(readFileSync(file, 'utf8')));
  let bytes = 0;
  let htmlBytes = 0;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  for (const body of bodies) {
    bytes += body.length;
    htmlBytes += String(processor.processSync(body)).length;
  }
  const cpu = process.cpuUsage(cpu0);
  return { ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000, bytes, htmlBytes };
}

/** The body of a Markdown file: the text after its front matter block, if it has one. */
export function stripFrontMatter(text: string): string {
  const match = /^---[ \t]*\r?\n[\s\S]*?\r?\n---[ \t]*\r?\n/.exec(text);
  return match === null ? text : text.slice(match[0].length);
}
