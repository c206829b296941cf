/**
 * The parts of a cold build's CPU the benchmark measures on their own, each in a fresh process on one
 * thread, so its report can say where a build's time goes beyond the bare chain: Dossier's whole
 * Markdown chain over the same files, and formatting every citable work's citations.
 */
import { readFileSync } from 'node:fs';
import { loadConfig } from '../config/load-config.js';
import { loadSite } from '../load-site.js';
import { processorOptions } from '../markdown/processor.js';
import { rendererFor } from '../markdown/render-markdown.js';
import { citableWorks } from '../scholar/citable-works.js';
import { citationStyleSources, cslItem } from '../scholar/csl-item.js';
import { stripFrontMatter } from './bare-chain.js';

/** Wall and CPU time (user + system, every thread) of one measured part. */
export interface PartRun {
  ms: number;
  cpuMs: number;
  /** Pages rendered or works formatted. */
  count: number;
}

/** Dossier's Markdown chain (every plugin of ours, as the workers run it) over the bodies of `files`, on this thread. */
export function runOwnChain(files: readonly string[], siteDir: string): PartRun {
  const render = rendererFor(processorOptions(loadConfig(siteDir)));
  const bodies = files.map((file) => stripFrontMatter(readFileSync(file, 'utf8')));
  return timed(() => {
    bodies.forEach((body, i) => render({ path: files[i] ?? '', kind: 'markdown', body, bodyLine: 1 }));
    return bodies.length;
  });
}

/** Every essay's and chapter's citations in every style, formatted on this thread, citation-js's loading and engines included (a cold build pays them). */
export async function runCitations(siteDir: string): Promise<PartRun> {
  const site = await loadSite(siteDir);
  const items = [...citableWorks(site.pages, site.nav, site.config).works.values()].map(cslItem);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const { formatCitations, loadCitationStyles } = await import('../scholar/format-citations.js');
  const styles = loadCitationStyles(citationStyleSources(site.config.templatesDir));
  for (const item of items) formatCitations(item, styles);
  return finished(t0, cpu0, items.length);
}

function timed(run: () => number): PartRun {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  return finished(t0, cpu0, run());
}

function finished(t0: number, cpu0: NodeJS.CpuUsage, count: number): PartRun {
  const cpu = process.cpuUsage(cpu0);
  return { ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000, count };
}
