#!/usr/bin/env node
// Builds one source site with Debian's Jekyll and with Dossier and compares what readers and deep links see.
// Usage: node scripts/parity/compare.mjs [siteDir] [--generate N] [--no-compile] [--verbose] [--time RUNS]
// Needs `jekyll` (apt-get install jekyll) on PATH; run from the repository root.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? undefined : args[i + 1];
};
const has = (name) => args.includes(`--${name}`);
const optionValues = new Set(['--generate', '--time'].flatMap((name) => (args.includes(name) ? [args[args.indexOf(name) + 1]] : [])));
const siteDir = path.resolve(args.find((a) => !a.startsWith('--') && !optionValues.has(a)) ?? '/tmp/parity-site');
const work = `${siteDir}-out`;
const jekyllOut = path.join(work, 'jekyll');
const dossierOut = path.join(work, 'dossier');
const repo = path.resolve(new URL('../..', import.meta.url).pathname);
const verbose = has('verbose');

if (option('generate') !== undefined) {
  execFileSync('node', [path.join(repo, 'scripts/parity/generate.mjs'), siteDir, '--pages', option('generate')], { stdio: 'inherit' });
}
if (!has('no-compile')) execFileSync('npx', ['tsc', '-p', '.'], { cwd: repo, stdio: 'inherit' });
mkdirSync(work, { recursive: true });

function buildJekyll() {
  rmSync(jekyllOut, { recursive: true, force: true });
  execFileSync('jekyll', ['build', '-q', '--source', siteDir, '--destination', jekyllOut], { stdio: ['ignore', 'ignore', 'inherit'] });
}
function buildDossier() {
  rmSync(dossierOut, { recursive: true, force: true });
  try {
    execFileSync('node', [path.join(repo, 'bin/dossier.js'), 'build', '--source', siteDir, '--out', dossierOut, '--no-cache'], { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    // Content diagnostics make the exit code non-zero; the output is still complete.
    if (!existsSync(dossierOut)) throw error;
  }
}

const runs = Number(option('time') ?? 0);
if (runs > 0) {
  const time = (fn) => {
    const samples = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      fn();
      samples.push(performance.now() - start);
    }
    samples.sort((a, b) => a - b);
    return samples[Math.floor(samples.length / 2)];
  };
  const jekyllMs = time(buildJekyll);
  const dossierMs = time(buildDossier);
  console.log(`timing (median of ${runs}): jekyll ${(jekyllMs / 1000).toFixed(2)} s, dossier ${(dossierMs / 1000).toFixed(2)} s`);
} else {
  buildJekyll();
  buildDossier();
}

function listFiles(root, rel = '') {
  const files = [];
  for (const entry of readdirSync(path.join(root, rel), { withFileTypes: true })) {
    const childRel = rel === '' ? entry.name : `${rel}/${entry.name}`;
    if (entry.isDirectory()) files.push(...listFiles(root, childRel));
    else files.push(childRel);
  }
  return files;
}

// Files Dossier adds for its own features; not Jekyll parity concerns. Each is documented in docs/:
// the theme's scripts and styles (everything under public/assets, theme.md), the nav and search data
// (search.md), print editions (publishing.md), citation downloads beside each page (scholarly.md), the
// output-ownership marker (architecture.md), 404 page, sitemap and robots.txt (seo).
const DOSSIER_ASSETS = new Set(readdirSync(path.join(repo, 'public/assets')).map((name) => `assets/${name}`));
const DOSSIER_OWN = /^(assets\/(nav\.json|stemmer\.js)|pagefind\/|search|404\.html$|nav\.json$|sitemap|robots|\.dossier-site$)|\/print\/index\.html$|\.(bib|ris)$/;
const isDossierOwn = (file) => DOSSIER_ASSETS.has(file) || DOSSIER_OWN.test(file);
// nav-order.txt is the harness's own record of Jekyll's nav (see generate.mjs).
const jekyllFiles = new Set(listFiles(jekyllOut).filter((f) => f !== 'nav-order.txt'));
const dossierFiles = new Set(listFiles(dossierOut).filter((f) => !isDossierOwn(f)));
const missing = [...jekyllFiles].filter((f) => !dossierFiles.has(f)).sort();
const extra = [...dossierFiles].filter((f) => !jekyllFiles.has(f)).sort();

/** The page's own content: Dossier's layout adds a title, kicker, nav and lists around it. */
function dossierContent(html, jekyllHtml) {
  const start = html.indexOf('<article class="prose"');
  if (start === -1) return html;
  const open = html.indexOf('>', start) + 1;
  const end = html.lastIndexOf('</article>');
  let content = html.slice(open, end);
  for (const addition of READER_ADDITIONS) content = addition.undo(content, jekyllHtml);
  return content;
}

/**
 * What Dossier's reader adds inside the page content (docs/reader.md), taken out again so the comparison
 * sees only what the Markdown gave. Anything not listed here that differs from Jekyll is a real difference.
 */
const READER_ADDITIONS = [
  {
    // The layout's own "§ Essay · Chapter N of M · M min read" line above the title (page-title.eta).
    name: 'kicker',
    undo: (html) => html.replace(/<p class="page-kicker"[\s\S]*?<\/p>/, ''),
  },
  {
    // A scroll-driven reading-progress bar under the kicker (page-title.eta, reader.css): an empty div.
    name: 'reading progress bar',
    undo: (html) => html.replace(/<div class="reading-progress"[^>]*><\/div>\s*/g, ''),
  },
  {
    // The page title the layout prints as the one <h1> when the body does not open with it (page-title.eta).
    name: 'layout title',
    undo: (html) => html.replace(/<h1 class="page-title">[\s\S]*?<\/h1>/, ''),
  },
  {
    // Every Markdown table sits in a keyboard-scrollable region (rehype-scroll-tables.ts); the table itself is kramdown's.
    name: 'table scroll region',
    undo: (html) => html.replace(/<div class="table-scroll"[^>]*>(<table\b[\s\S]*?<\/table>)<\/div>/g, '$1'),
  },
  {
    // One <h1> per page: a body heading equal to the title becomes <h1 class="page-title"> with its id, and the
    // headings after it rise so the outline has no gap (layout/page-heading.ts). Put back at the source's levels.
    name: 'promoted title heading',
    undo: unpromoteHeading,
  },
];

/** Turns the promoted `<h1 class="page-title" id>` back into the heading Jekyll has with that id and lowers the later headings again. */
function unpromoteHeading(html, jekyllHtml) {
  const promoted = [...html.matchAll(/<h1\b([^>]*)>([\s\S]*?)<\/h1>/g)].find((m) => /\sclass="(?:[^"]* )?page-title[" ]/.test(m[1]) && /\sid="/.test(m[1]));
  if (!promoted) return html;
  const id = /\sid="([^"]*)"/.exec(promoted[1])[1];
  const attributes = promoted[1].replace(/\sclass="([^"]*)"/, (_, cls) => {
    const rest = cls.split(/\s+/).filter((c) => c !== '' && c !== 'page-title');
    return rest.length === 0 ? '' : ` class="${rest.join(' ')}"`;
  });
  const theirs = [...jekyllHtml.matchAll(/<h([1-6])\b([^>]*)>/g)].map((m) => ({ depth: Number(m[1]), id: /\sid="([^"]*)"/.exec(m[2])?.[1] }));
  const at = theirs.findIndex((h) => h.id === id);
  if (at === -1) return html;
  const depth = theirs[at].depth;
  // Dossier's rule (headingShift): later headings rise until the shallowest is an h2.
  const later = theirs.slice(at + 1).map((h) => h.depth);
  const shift = later.length === 0 ? 0 : Math.max(0, Math.min(...later) - 2);
  const before = html.slice(0, promoted.index);
  const heading = `<h${depth}${attributes}>${promoted[2]}</h${depth}>`;
  const after = html.slice(promoted.index + promoted[0].length).replace(/<(\/?)h([2-6])(?=[\s>])/g, (_, slash, level) => `<${slash}h${Math.min(6, Number(level) + shift)}`);
  return before + heading + after;
}

const decode = (s) =>
  s
    .replace(/<[^>]+>/g, '')
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();

const headingIds = (html) => [...html.matchAll(/<h([1-6])\b[^>]*?\sid="([^"]*)"/g)].map((m) => `h${m[1]}#${m[2]}`);

/** The markdown-toc list as nested lines `depth href id text`, whitespace and markup ignored. */
function tocStructure(html) {
  const start = /<(ol|ul)\b[^>]*id="markdown-toc"[^>]*>/.exec(html);
  if (!start) return undefined;
  const lines = [];
  let depth = 0;
  const re = /<(\/?)(ol|ul)\b[^>]*>|<a\b([^>]*)>([\s\S]*?)<\/a>/g;
  re.lastIndex = start.index;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    if (m[2]) {
      depth += m[1] === '/' ? -1 : 1;
      if (depth === 0) break;
      continue;
    }
    const href = /href="([^"]*)"/.exec(m[3])?.[1];
    const id = /\sid="([^"]*)"/.exec(m[3])?.[1];
    lines.push(`${depth} ${href} ${id} ${decode(m[4])}`);
  }
  return lines;
}

/** Visible text outside code, style and script, where `{:` must never appear. */
const visibleText = (html) =>
  decode(html.replace(/<(code|pre|style|script)\b[\s\S]*?<\/\1>/g, ' ').replace(/<!--[\s\S]*?-->/g, ' '));

/** Classes of block elements, as a sorted multiset (`p.fs-2 ×12`). */
function blockClasses(html) {
  const counts = new Map();
  for (const m of html.matchAll(/<(p|h[1-6]|ul|ol|li|blockquote|table|div|hr|dl|pre)\b([^>]*)>/g)) {
    const cls = /class="([^"]*)"/.exec(m[2])?.[1];
    if (!cls) continue;
    for (const name of cls.split(/\s+/).filter(Boolean)) {
      // Dossier's own decorations (note styling, anchors) are not kramdown's.
      if (/^(footnote|note|dossier|anchor|task-list)/.test(name)) continue;
      // Rouge's code-block wrappers come from Jekyll's highlighter, not from attribute lists.
      if (/^(highlight|highlighter-rouge|language-)/.test(name)) continue;
      const key = `${m[1]}.${name}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return [...counts].sort().map(([k, v]) => `${k}×${v}`);
}

/** Counts of block elements: a different count means the two parsers read the Markdown differently. */
function blockShape(html) {
  const counts = new Map();
  const cleaned = html.replace(/<(pre)\b[\s\S]*?<\/pre>/g, '<pre></pre>').replace(/<ol id="markdown-toc"[\s\S]*?<\/ol>|<ul id="markdown-toc"[\s\S]*?<\/ul>/, '');
  for (const m of cleaned.matchAll(/<(p|h[1-6]|ul|ol|li|blockquote|pre|table|hr|dl|br)\b/g)) counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
  return [...counts].sort().map(([k, v]) => `${k}×${v}`);
}

/** Markdown left as text outside code (`**`, `](`, a text line opening with `#`), one entry per line. */
function literalMarkdown(html) {
  const text = html.replace(/<(pre|code|style|script)\b[\s\S]*?<\/\1>/g, '').replace(/<[^>]+>/g, '\n');
  return text
    .split('\n')
    .map((line) => decode(line))
    .filter((line) => line.includes('**') || line.includes('](') || /^#{1,6}\s/.test(line));
}

/** Children of every nav entry in display order, by URL, from `dossier nav --format json`. */
function dossierNavChildren() {
  let out;
  try {
    out = execFileSync('node', [path.join(repo, 'bin/dossier.js'), 'nav', '--source', siteDir, '--format', 'json'], { stdio: ['ignore', 'pipe', 'ignore'] });
  } catch (error) {
    out = error.stdout;
  }
  const children = new Map();
  const visit = (nodes) => {
    for (const node of nodes) {
      children.set(node.url, node.children.map((child) => child.url));
      visit(node.children);
    }
  };
  visit(JSON.parse(out.toString()));
  return children;
}

/**
 * Sibling order against Jekyll: generate.mjs has Jekyll write each parent's children in the order
 * Liquid's sort gives them (`nav-order.txt`, one `parent: child child …` line per parent).
 */
function compareNavOrder(problems) {
  const file = path.join(jekyllOut, 'nav-order.txt');
  if (!existsSync(file)) return undefined;
  const ours = dossierNavChildren();
  const result = { entries: 0, samePlace: 0, parents: 0, sameParents: 0 };
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const match = /^(\S+):(.*)$/.exec(line.trim());
    if (!match) continue;
    const expected = match[2].split(/\s+/).filter(Boolean);
    const actual = ours.get(match[1]) ?? [];
    result.parents++;
    result.entries += expected.length;
    result.samePlace += expected.filter((url, i) => actual[i] === url).length;
    if (expected.join() === actual.join()) result.sameParents++;
    else problems.push(`nav ${match[1]}: children in another order\n    jekyll: ${expected.join(' ')}\n    ours:   ${actual.join(' ')}`);
  }
  return result;
}

/** Hand-numbered notes on a Dossier page: references linked to a present target, notes linking back. */
function footnoteLinks(html, idsOnSite) {
  const stats = { refs: 0, linkedRefs: 0, notes: 0, linkedNotes: 0 };
  const refNumber = /^\s*\[?\s*\d{1,4}(?:\s*[,;–—-]\s*\d{1,4})*\s*\]?\.?\s*$/;
  for (const m of html.matchAll(/<sup\b([^>]*)>([\s\S]*?)<\/sup>/g)) {
    const inner = decode(m[2]);
    if (!refNumber.test(inner)) continue;
    // The "↩²" of a note cited twice is a backlink label, not a reference.
    if (html.slice(Math.max(0, m.index - 2), m.index).includes("↩")) continue;
    const before = html.slice(Math.max(0, m.index - 160), m.index);
    // A note opens its paragraph (or Dossier's note element); everything else is a reference.
    // A number alone before a picture cites the picture (docs/footnotes.md), as jekyllNotes reads it too.
    const beforePicture = /^\s*<img\b/.test(html.slice(m.index + m[0].length, m.index + m[0].length + 20));
    const isNote = (/<(p|li|div|aside)\b[^>]*>\s*(<a\b[^>]*>\s*|<span\b[^>]*>\s*)?$/.test(before) && !beforePicture) || /footnote-number/.test(m[1] + before.slice(-120));
    const links = [...m[2].matchAll(/href="([^"]*)"/g)].map((x) => x[1]);
    // The number may sit in brackets inside its link: `[<sup>1</sup>]`.
    const wrapped = /<a\b[^>]*href="([^"]*)"[^>]*>\s*\[?$/.exec(before);
    if (wrapped) links.push(wrapped[1]);
    const ok = links.length > 0 && links.every((href) => targetExists(href, idsOnSite));
    if (isNote) {
      stats.notes++;
      if (ok) stats.linkedNotes++;
    } else {
      stats.refs++;
      if (ok) stats.linkedRefs++;
    }
  }
  return stats;
}

function targetExists(href, idsOnSite) {
  const [pathPart, hash] = href.split('#');
  if (hash === undefined) return false;
  const key = pathPart === '' ? currentPage : pathPart.replace(/^\/+/, '').replace(/\/?$/, '/index.html').replace(/\.html\/index\.html$/, '.html');
  return idsOnSite.get(key)?.has(decodeURIComponent(hash)) ?? false;
}
let currentPage = '';

// ---- Note parity (issue 19): references and notes as Jekyll shows them, and how many Dossier links both ways. ----

/** Numbers a plain `<sup>` shows when it names notes: `7`, `[7]`, `7, 8`, `7–9`, `7.`. */
const NOTE_SUP = /^\s*\[?\s*\d{1,4}(?:\s*[,;–—-]\s*\d{1,4})*\s*\]?\.?\s*$/;
const NOTES_HEADING = /<h[1-6]\b[^>]*>\s*(?:end\s*|foot\s*)?notes?\b|<h[1-6]\b[^>]*>\s*(?:references?|bibliography|works cited|sources|citations)\b/i;

/** The part of a page a reader sees as text: the {:toc} list (whose entries copy headings) and code left out. */
function noteScope(html) {
  return html.replace(/<pre\b[\s\S]*?<\/pre>/g, '').replace(/<a href="#[^"]*" id="markdown-toc-[^"]*">[\s\S]*?<\/a>/g, '');
}

/** Jekyll's page: each number a reader sees in a reference, and each note (a block opening with a number, or a numbered Notes list entry). */
function jekyllNotes(html, hasReferenceList) {
  const page = noteScope(html);
  let refs = 0;
  let notes = 0;
  for (const m of page.matchAll(/<sup>([^<]*)<\/sup>/g)) {
    if (!NOTE_SUP.test(m[1])) continue;
    const before = page.slice(Math.max(0, m.index - 40), m.index);
    const after = page.slice(m.index + m[0].length, m.index + m[0].length + 20);
    // kramdown's "↩²" back link of a note cited twice is not a reference.
    if (/(↩|&#8617;)$/.test(before)) continue;
    // A note opens its block or a line of it (kramdown prints stacked notes as one paragraph); a number alone before a picture cites it.
    if (/(<(p|li|div)\b[^>]*>|\n)\s*\[?$/.test(before) && !/^\s*<img\b/.test(after)) notes++;
    else refs += (m[1].match(/\d+/g) ?? []).length;
  }
  for (const m of page.matchAll(/<(h[1-6])\b[^>]*>[\s\S]*?<\/\1>\s*<ol\b[^>]*>([\s\S]*?)<\/ol>/g)) {
    if (NOTES_HEADING.test(m[0])) notes += (m[2].match(/<li\b/g) ?? []).length;
  }
  notes += (page.match(/<p>\[\d{1,4}\] /g) ?? []).length;
  if (hasReferenceList) {
    const text = page.replace(/<p>\[\d{1,4}\] /g, '<p>').replace(/<a\b[^>]*>[\s\S]*?<\/a>/g, '').replace(/<[^>]+>/g, '');
    for (const m of text.matchAll(/\[(\d{1,4}(?:\s*[,;–—-]\s*\d{1,4})*)\](?:\s*[–—-]\s*\[(\d{1,4})\])?/g)) refs += (m[0].match(/\d+/g) ?? []).length;
  }
  return { refs, notes };
}

/** Dossier's page: references linked to a note that exists, notes linking back to a reference that exists, links to nothing. */
function dossierNotes(html, idsOnSite) {
  const page = noteScope(html);
  const stats = { linkedRefs: 0, linkedNotes: 0, badLinks: 0 };
  for (const m of page.matchAll(/<a\b[^>]*class="footnote-ref[^"]*"[^>]*>/g)) {
    const href = /href="([^"]*)"/.exec(m[0])?.[1];
    if (href === undefined) continue;
    if (targetExists(href, idsOnSite)) stats.linkedRefs++;
    else stats.badLinks++;
  }
  for (const m of page.matchAll(/<(p|li|div)\b[^>]*class="[^"]*footnote-def[^"]*"[^>]*>([\s\S]*?)<\/\1>/g)) {
    const back = [...m[2].matchAll(/class="footnote-(?:number|backref)"[^>]*href="([^"]*)"|href="([^"]*)"[^>]*class="footnote-backref"/g)].map((x) => x[1] ?? x[2]);
    if (back.length > 0 && back.every((href) => targetExists(href, idsOnSite))) stats.linkedNotes++;
  }
  return stats;
}

/** Essays (a page and its `-N` chapters) whose Jekyll output has a `[N] …` reference list. */
function essaysWithReferenceLists(files) {
  const essays = new Set();
  for (const file of files) {
    if (/<p>\[\d{1,4}\] /.test(readFileSync(path.join(jekyllOut, file), 'utf8'))) essays.add(essayKey(file));
  }
  return essays;
}
const essayKey = (file) => file.replace(/(-\d+)?\/index\.html$/, '');

const pages = [...jekyllFiles].filter((f) => f.endsWith('.html') && dossierFiles.has(f)).sort();
const dossierIds = new Map();
for (const file of dossierFiles) {
  if (!file.endsWith('.html')) continue;
  const html = readFileSync(path.join(dossierOut, file), 'utf8');
  dossierIds.set(file, new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1])));
}

const totals = { pages: pages.length, literalPages: 0, headingIds: 0, missingIds: 0, idOrderPages: 0, tocs: 0, tocMismatch: 0, leakJekyll: 0, leakDossier: 0, classPages: 0, shapePages: 0 };
const notes = { refs: 0, linkedRefs: 0, notes: 0, linkedNotes: 0 };
const noteParity = { refs: 0, notes: 0, linkedRefs: 0, linkedNotes: 0, badLinks: 0 };
const referenceListEssays = essaysWithReferenceLists(pages);
const problems = [];
for (const file of pages) {
  const theirs = readFileSync(path.join(jekyllOut, file), 'utf8');
  const ours = dossierContent(readFileSync(path.join(dossierOut, file), 'utf8'), theirs);
  const expectedIds = headingIds(theirs);
  const actualIds = headingIds(ours);
  totals.headingIds += expectedIds.length;
  const actualSet = new Set(actualIds);
  const missingIds = expectedIds.filter((id) => !actualSet.has(id));
  totals.missingIds += missingIds.length;
  if (missingIds.length > 0) problems.push(`${file}: missing heading ids ${missingIds.join(' ')} (ours: ${actualIds.join(' ')})`);
  else if (expectedIds.join() !== actualIds.join()) {
    totals.idOrderPages++;
    problems.push(`${file}: heading ids differ in order/extra\n    jekyll: ${expectedIds.join(' ')}\n    ours:   ${actualIds.join(' ')}`);
  }
  const tocTheirs = tocStructure(theirs);
  const tocOurs = tocStructure(ours);
  if (tocTheirs !== undefined || tocOurs !== undefined) {
    totals.tocs++;
    if (JSON.stringify(tocTheirs) !== JSON.stringify(tocOurs)) {
      totals.tocMismatch++;
      const a = tocTheirs ?? [];
      const b = tocOurs ?? [];
      const i = a.findIndex((line, k) => line !== b[k]);
      problems.push(`${file}: {:toc} differs at entry ${i === -1 ? a.length : i}\n    jekyll: ${a[i === -1 ? a.length : i] ?? '(none)'}\n    ours:   ${b[i === -1 ? a.length : i] ?? '(none)'}`);
    }
  }
  if (visibleText(theirs).includes('{:')) totals.leakJekyll++;
  const ourText = visibleText(ours);
  if (ourText.includes('{:')) {
    totals.leakDossier++;
    const at = ourText.indexOf('{:');
    problems.push(`${file}: "{:" leaks into text: …${ourText.slice(Math.max(0, at - 40), at + 30)}…`);
  }
  const literalTheirs = literalMarkdown(theirs);
  const literalOurs = literalMarkdown(ours).filter((line) => !literalTheirs.includes(line));
  if (literalOurs.length > 0) {
    totals.literalPages++;
    problems.push(`${file}: Markdown printed as text where Jekyll renders it: ${literalOurs.slice(0, 3).map((l) => JSON.stringify(l.slice(0, 60))).join(', ')}`);
  }
  const classesTheirs = blockClasses(theirs);
  const classesOurs = blockClasses(ours);
  if (classesTheirs.join() !== classesOurs.join()) {
    totals.classPages++;
    const onlyTheirs = classesTheirs.filter((c) => !classesOurs.includes(c));
    const onlyOurs = classesOurs.filter((c) => !classesTheirs.includes(c));
    problems.push(`${file}: block classes differ: jekyll-only [${onlyTheirs.join(', ')}] ours-only [${onlyOurs.join(', ')}]`);
  }
  const shapeTheirs = blockShape(theirs);
  const shapeOurs = blockShape(ours);
  if (shapeTheirs.join() !== shapeOurs.join()) {
    totals.shapePages++;
    problems.push(`${file}: block structure differs: jekyll-only [${shapeTheirs.filter((c) => !shapeOurs.includes(c)).join(', ')}] ours-only [${shapeOurs.filter((c) => !shapeTheirs.includes(c)).join(', ')}]`);
  }
  currentPage = file;
  const stats = footnoteLinks(ours, dossierIds);
  for (const key of Object.keys(notes)) notes[key] += stats[key];
  const shown = jekyllNotes(theirs, referenceListEssays.has(essayKey(file)));
  const linked = dossierNotes(ours, dossierIds);
  noteParity.refs += shown.refs;
  noteParity.notes += shown.notes;
  for (const key of ['linkedRefs', 'linkedNotes', 'badLinks']) noteParity[key] += linked[key];
  if (verbose && (linked.linkedRefs !== shown.refs || linked.linkedNotes !== shown.notes || linked.badLinks > 0)) {
    problems.push(`${file}: jekyll shows ${shown.refs} references and ${shown.notes} notes; dossier links ${linked.linkedRefs} and ${linked.linkedNotes} back, ${linked.badLinks} to nothing`);
  }
  if (verbose && (stats.linkedRefs < stats.refs || stats.linkedNotes < stats.notes)) {
    problems.push(`${file}: notes linked ${stats.linkedRefs}/${stats.refs} refs, ${stats.linkedNotes}/${stats.notes} notes`);
  }
}

const navOrder = compareNavOrder(problems);

const pct = (a, b) => (b === 0 ? '100.0' : ((100 * a) / b).toFixed(1));
console.log(`\nParity report: ${siteDir}`);
console.log(`output files: jekyll ${jekyllFiles.size}, dossier ${dossierFiles.size} (Dossier's own assets left out)`);
console.log(`  missing in dossier (${missing.length}): ${missing.slice(0, 20).join(', ')}`);
console.log(`  extra in dossier (${extra.length}): ${extra.slice(0, 20).join(', ')}`);
console.log(`pages compared: ${totals.pages}`);
console.log(`heading ids: ${totals.headingIds - totals.missingIds}/${totals.headingIds} present (${pct(totals.headingIds - totals.missingIds, totals.headingIds)}%); pages with extra/reordered ids: ${totals.idOrderPages}`);
console.log(`{:toc} lists identical: ${totals.tocs - totals.tocMismatch}/${totals.tocs}`);
console.log(`"{:" leaking into text: dossier ${totals.leakDossier} pages (jekyll itself: ${totals.leakJekyll})`);
console.log(`pages with Markdown printed as text where Jekyll renders it: ${totals.literalPages}`);
if (navOrder !== undefined) {
  console.log(`nav order: ${navOrder.samePlace}/${navOrder.entries} entries in Jekyll's place (${pct(navOrder.samePlace, navOrder.entries)}%), ${navOrder.sameParents}/${navOrder.parents} parents identical`);
}
console.log(`pages with differing block classes: ${totals.classPages}`);
console.log(`pages with differing block structure (element counts): ${totals.shapePages}`);
console.log(`hand-numbered notes (dossier): refs linked ${notes.linkedRefs}/${notes.refs} (${pct(notes.linkedRefs, notes.refs)}%), notes linked back ${notes.linkedNotes}/${notes.notes} (${pct(notes.linkedNotes, notes.notes)}%)`);
console.log(`notes as Jekyll shows them: references linked ${noteParity.linkedRefs}/${noteParity.refs} (${pct(noteParity.linkedRefs, noteParity.refs)}%), notes linked back ${noteParity.linkedNotes}/${noteParity.notes} (${pct(noteParity.linkedNotes, noteParity.notes)}%), links to nothing: ${noteParity.badLinks}`);
if (problems.length > 0) {
  console.log(`\nDetails (${problems.length}):`);
  for (const line of problems.slice(0, verbose ? problems.length : 40)) console.log(`- ${line}`);
}
void statSync;
