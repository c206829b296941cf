/**
 * Writes the benchmark's second shape: a few dozen very long pages (0.3–1 MB of Markdown each), dense
 * with `markdown="1"` blocks, IALs, tables and hand-numbered notes, as long reports converted from PDF are.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createRandom, type GeneratedSite } from './generate-site.js';

const WORDS = (
  'reservoir allocation tribunal quota levy delegation harbour corridor ministry envoy accord charter ' +
  'census subsidy consortium estuary monsoon railway garrison frontier fiscal coastal agrarian civic ' +
  'ratified contested financed audited pledged surveyed drafted jointly narrowly quietly broadly'
).split(' ');

const MIN_BYTES = 300_000;
const MAX_BYTES = 1_000_000;

/** Writes `count` long pages under two sections into `dir`, replacing what was there; the same site for the same seed. */
export function generateLongSite(dir: string, count: number, seed = 11): GeneratedSite {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const random = createRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const sentence = (): string => {
    const words = Array.from({ length: 10 + Math.floor(random() * 14) }, () => pick(WORDS));
    const first = words[0] ?? 'the';
    words[0] = first.charAt(0).toUpperCase() + first.slice(1);
    if (random() < 0.15) words.push(`**${pick(WORDS)}**`);
    return `${words.join(' ')}.`;
  };
  writeFileSync(path.join(dir, '_config.yml'), 'title: Long Reports\ndescription: A generated benchmark site of very long pages\npermalink: pretty\nsearch_enabled: true\nheading_anchors: true\n');
  writeFileSync(path.join(dir, 'index.md'), '---\nlayout: home\ntitle: Home\nnav_order: 1\n---\n\n# Long Reports\n\nA generated site of very long pages for the benchmark.\n');
  const files = ['index.md'];
  const chapters: string[] = [];
  let bytes = 0;
  const write = (rel: string, text: string) => {
    files.push(rel);
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
    bytes += Buffer.byteLength(text);
  };
  const essay = '§ Reports on Shared Waters';
  write('reports/index.md', `---\nlayout: default\ntitle: ${essay}\nnav_order: 2\nhas_children: true\n---\n\n# ${essay}\n\n${sentence()}\n`);
  for (let i = 1; files.length < count; i++) {
    // Most long reports are nearer the short end: sizes skewed towards 0.3 MB, a few near 1 MB.
    const target = MIN_BYTES + Math.floor(random() ** 2 * (MAX_BYTES - MIN_BYTES));
    const rel = `reports/part-${String(i).padStart(2, '0')}.md`;
    write(rel, `---\nlayout: default\ntitle: Part ${i}\nparent: ${essay}\nnav_order: ${i}\n---\n${longBody(i, target, sentence, random)}`);
    chapters.push(rel);
  }
  return { dir, pages: files.length, chapters, files, bytes };
}

/** One page of about `target` bytes: sections of paragraphs in `markdown="1"` boxes, tables, IALs and note blocks. */
function longBody(part: number, target: number, sentence: () => string, random: () => number): string {
  const out: string[] = ['<div class="report" markdown="1">\n', '1. TOC\n{:toc}\n', `# Part ${part}\n`];
  let size = 0;
  let note = 1;
  for (let section = 1; size < target; section++) {
    const pending: number[] = [];
    const chunk: string[] = [`## Section ${part}.${section}\n{: #s-${part}-${section} .section-head}\n`];
    for (let p = 0; p < 4; p++) {
      const parts = Array.from({ length: 4 }, () => sentence());
      if (random() < 0.6) {
        parts[1] += `<sup>${note}</sup>`;
        pending.push(note++);
      }
      chunk.push(`${parts.join(' ')}\n${random() < 0.3 ? '{: .fs-3}\n' : ''}`);
    }
    chunk.push(`<div class="callout" markdown="1">\n**Finding ${section}.** ${sentence()} ${sentence()}\n{: .highlight}\n\n- ${sentence()}\n- ${sentence()}\n</div>\n`);
    if (section % 3 === 0) chunk.push(table(section, random));
    if (pending.length > 0) {
      const notes = pending.map((n) => `<sup>${n}</sup>. ${sentence()} (${1990 + (n % 30)}): ${n}–${n + 7}.\n{: .fs-2}`);
      chunk.push(`***\n${notes.join('\n')}\n***\n`);
    }
    const text = chunk.join('\n');
    out.push(text);
    size += text.length;
  }
  out.push('</div>\n');
  return out.join('\n');
}

function table(section: number, random: () => number): string {
  const rows = Array.from({ length: 6 }, (_, r) => `| Region ${r + 1} | ${(random() * 100).toFixed(1)} | ${Math.floor(random() * 9000)} | ${section % 2 === 0 ? 'ratified' : 'pending'} |`);
  return `| Region | Share (%) | Tonnes | Status |\n| --- | ---: | ---: | --- |\n${rows.join('\n')}\n{: .table-compact}\n`;
}
