/** Writes a synthetic Jekyll + Just the Docs essay site of any size, deterministic for a given page count. */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** What the generator wrote, for the benchmark to pick pages to edit. */
export interface GeneratedSite {
  dir: string;
  pages: number;
  /** Source paths (relative) of every chapter, in nav order. */
  chapters: string[];
  /** Source paths (relative) of every page. */
  files: string[];
  /** Total bytes of Markdown written. */
  bytes: number;
}

const CHAPTERS_PER_ESSAY = 6;
/** An essay index by letter, A to Z, as the real sites file essays: a bigger site has more essays per letter, not more letters. */
const LETTERS = 26;
/** Target size of one chapter's Markdown, as in real PDF-converted essays. */
const CHAPTER_BYTES = 15_000;

const WORDS = (
  'harbour treaty ministry coalition tariff grain corridor delegation summit frontier garrison ' +
  'parliament budget levy convoy archipelago charter accord envoy doctrine reservoir pipeline ' +
  'census ballot tribunal embargo subsidy consortium outpost fishery monsoon estuary railway ' +
  'provincial maritime fiscal bilateral regional strategic municipal coastal agrarian civic ' +
  'negotiated ratified contested delayed financed surveyed drafted audited rerouted pledged ' +
  'quietly openly slowly abruptly jointly narrowly broadly partly rarely often'
).split(' ');

const TOPICS = [
  'Water Rights along the Upper Delta',
  'Grain Corridors and Coastal Ports',
  'Fishery Quotas in Shared Seas',
  'Rail Gauges and Border Customs',
  'Monsoon Insurance for Small Farms',
  'Tariff Ladders in Island Economies',
  'Municipal Bonds after the Flood',
  'Pipeline Diplomacy in Mountain States',
];

const CHAPTER_TITLES = ['Opening Moves', 'Common Ground', 'Points of Friction', 'Hidden Links', 'Costs and Gains', 'Closing Notes'];

/** A small linear congruential generator: the same site for the same seed on every machine. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 0x1_0000_0000;
  };
}

/** Writes `count` pages (letters → § essays → chapters) into `dir`, replacing what was there. */
export function generateSite(dir: string, count: number, seed = 7): GeneratedSite {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const random = createRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const sentence = (): string => {
    const n = 12 + Math.floor(random() * 14);
    const words: string[] = [];
    for (let i = 0; i < n; i++) words.push(pick(WORDS));
    const first = words[0] ?? 'the';
    words[0] = first.charAt(0).toUpperCase() + first.slice(1);
    if (random() < 0.2) words.splice(3, 0, '“' + pick(WORDS), pick(WORDS) + '”');
    if (random() < 0.15) words.splice(6, 0, '–');
    if (random() < 0.1) words.push(`*${pick(WORDS)}*`);
    return `${words.join(' ')}.`;
  };
  writeFileSync(
    path.join(dir, '_config.yml'),
    'title: Synthetic Essays\ndescription: A generated benchmark site\npermalink: pretty\nnav_sort: case_sensitive\nsearch_enabled: true\nheading_anchors: true\n',
  );
  let written = 0;
  let bytes = 0;
  const chapters: string[] = [];
  const files: string[] = ['index.md'];
  const write = (rel: string, text: string) => {
    files.push(rel);
    const abs = path.join(dir, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, text);
    written++;
    bytes += Buffer.byteLength(text);
  };
  writeFileSync(path.join(dir, 'index.md'), '---\nlayout: home\ntitle: Home\nnav_order: 1\n---\n\n# Synthetic Essays\n\nA generated site for the benchmark.\n');
  written++;

  // Letter pages, then essays (each an essay page and its chapters), spread evenly over the letters.
  const essaysPerLetter = Math.max(1, Math.ceil((count - 1 - LETTERS) / LETTERS / (CHAPTERS_PER_ESSAY + 1)));
  for (let letterIndex = 0; written < count; letterIndex++) {
    const letter = letterName(letterIndex);
    write(`docs/${letter}/index.md`, `---\nlayout: default\ntitle: ${letter}\nnav_order: ${letterIndex + 2}\nhas_children: true\n---\n\n# ${letter}\n\nEssays filed under ${letter}.\n`);
    for (let e = 0; e < essaysPerLetter && written < count; e++) {
      const topic = `${TOPICS[(letterIndex * 3 + e) % TOPICS.length]} ${letter}${e + 1}`;
      const essayTitle = `§ ${topic}`;
      const slug = topic.replace(/[^A-Za-z0-9]+/g, '-');
      write(
        `docs/${letter}/${slug}.md`,
        `---\nlayout: default\ntitle: ${essayTitle}\nparent: ${letter}\nnav_order: ${(e + 1) * 10}\nhas_children: true\n---\n\n# ${essayTitle}\n\n${sentence()} ${sentence()}\n`,
      );
      const chapterUrls = CHAPTER_TITLES.map((_, c) => `/docs/${letter}/${slug}-${c + 1}/`);
      let note = 1;
      for (let c = 0; c < CHAPTERS_PER_ESSAY && written < count; c++) {
        const rel = `docs/${letter}/${slug}-${c + 1}.md`;
        const body = chapterBody(CHAPTER_TITLES[c] ?? 'Chapter', note, sentence, random, chapterUrls);
        note = body.nextNote;
        write(rel, `---\nlayout: default\ntitle: ${CHAPTER_TITLES[c]} \nparent: ${essayTitle}\ngrand_parent: ${letter}\nnav_order: ${(c + 1) * 10} \n---\n${body.text}`);
        chapters.push(rel);
      }
    }
  }
  return { dir, pages: written, chapters, files, bytes };
}

function letterName(index: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  return index < 26 ? (alphabet[index] ?? 'A') : `${alphabet[Math.floor(index / 26) - 1] ?? 'A'}${alphabet[index % 26] ?? 'A'}`;
}

function chapterBody(
  title: string,
  firstNote: number,
  sentence: () => string,
  random: () => number,
  chapterUrls: readonly string[],
): { text: string; nextNote: number } {
  const out: string[] = [
    '<style>\n.wrap-long { overflow-wrap: break-word; }\n</style>\n',
    '<div class="wrap-long" markdown="1">\n',
    '1. TOC\n{:toc}\n',
    `## ${title}`,
  ];
  let note = firstNote;
  let size = 200;
  let section = 0;
  while (size < CHAPTER_BYTES) {
    const pending: number[] = [];
    for (let p = 0; p < 3; p++) {
      const parts: string[] = [];
      for (let s = 0; s < 5; s++) {
        parts.push(sentence());
        if (random() < 0.35) {
          parts[parts.length - 1] += `<sup>${note}</sup>`;
          pending.push(note++);
        }
      }
      const para = parts.join(' ');
      out.push(para + '\n');
      size += para.length;
    }
    if (pending.length > 0) {
      // A quarter of the notes end in a bare web address, as converted essays' notes do (GFM links them).
      const address = (n: number) => (random() < 0.25 ? `, https://www.${sentence().split(' ')[1] ?? 'policy'}-review.org/${1990 + (n % 30)}/${n}/notes` : '');
      const notes = pending.map((n) => `<sup>${n}</sup>. ${sentence()} *${sentence().slice(0, 40).trim()}* (${1990 + (n % 30)}): ${n * 3}–${n * 3 + 9}${address(n)}.\n{: .fs-2}`);
      const block = `***\n${notes.join('\n')}\n***\n`;
      out.push(block);
      size += block.length;
    }
    section++;
    if (section % 3 === 0) {
      const heading = section % 6 === 0 ? `### ${sentence().slice(0, 30).trim()}` : `## ${sentence().slice(0, 40).trim()}`;
      out.push(heading);
    }
  }
  const links = chapterUrls.map((url, i) => `<li> <a href="${url}">${CHAPTER_TITLES[i] ?? ''}</a></li>`).join('');
  out.push('***\n', '#### Table of Contents\n{: .no_toc}\n', `<ul>${links}</ul>\n`, '***\n', '</div>\n');
  return { text: `${out.join('\n')}`, nextNote: note };
}
