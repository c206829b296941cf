/**
 * The plain-text classifier: decides for each block of a scrape whether it is article text, in the
 * spirit of jusText. Context-free chrome patterns first, then jusText's length / stop-word / link
 * density classes, the article's cluster of prose, its title and head, and last the classes of short
 * blocks from their neighbours. Thresholds: text-thresholds.ts.
 */
import { STOP_WORDS } from './stop-words.js';
import type { TextBlock } from './segment-text.js';
import { chromeReason, isDateLine, normalizeText } from './text-patterns.js';
import { TEXT_THRESHOLDS as T } from './text-thresholds.js';
import { isHeadingLike, isTitleLike } from './infer-headings.js';

/** jusText's classes: good (prose), near-good, short (undecided), bad. */
type Quality = 'good' | 'neargood' | 'short' | 'bad';

/** What the classifier made of one block. */
export type BlockRole = 'title' | 'subtitle' | 'byline' | 'date' | 'heading' | 'paragraph' | 'dropped';

/** One block with its role and, when dropped, why. */
export interface ClassifiedBlock extends TextBlock {
  role: BlockRole;
  reason: string | undefined;
}

interface Work extends TextBlock {
  quality: Quality;
  reason: string | undefined;
  role: BlockRole | undefined;
}

/** Classifies a scrape's blocks; `title` (from --title) pins the article title when given. */
export function classifyText(blocks: readonly TextBlock[], title?: string): ClassifiedBlock[] {
  const work: Work[] = blocks.map((b) => ({ ...b, quality: initialQuality(b), reason: chromeReason(b.text, b.bullet), role: undefined }));
  for (const w of work) if (w.reason !== undefined) w.quality = 'bad';
  markRepeats(work);
  const cluster = mainCluster(work);
  if (cluster === undefined) return work.map((w) => ({ ...w, role: 'dropped', reason: w.reason ?? 'not article text' }));
  const titleAt = findTitle(work, cluster.first, title);
  markHead(work, titleAt);
  markMetadata(work, titleAt, cluster.first);
  const end = lastGood(work, cluster);
  markHeadings(work, titleAt, end);
  settleByContext(work);
  return work.map((w, i) => ({ ...w, ...decide(w, i, titleAt, end) }));
}

/** jusText's first pass: link density, then length and stop-word density. */
function initialQuality(block: TextBlock): Quality {
  // A table is judged by the prose around it: its cells hold numbers and names, not stop words.
  if (block.rows !== undefined) return 'neargood';
  const words = block.text.split(/\s+/).filter(Boolean);
  if (linkDensity(words) > T.maxLinkDensity) return 'bad';
  // A list item that is a sentence is prose-like even when short; a one-word menu item is not.
  if (block.bullet && words.length >= T.listItemMinWords && block.text.length < T.lengthLow) return 'neargood';
  if (block.text.length < T.lengthLow) return 'short';
  const stops = words.filter((w) => STOP_WORDS.has(w.toLowerCase().replace(/[^\p{L}']/gu, ''))).length / words.length;
  if (stops >= T.stopwordsHigh && block.text.length >= T.lengthHigh) return 'good';
  if (stops >= T.stopwordsLow) return 'neargood';
  return block.text.length >= T.lengthHigh && stops >= T.stopwordsLongMin ? 'neargood' : 'bad';
}

/** Share of words that are addresses, file names or buttons run together ("FacebookShare", "Share204"). */
function linkDensity(words: readonly string[]): number {
  const linky = words.filter((w) => /https?:|www\.|@\w|\.(com|org|net|png|jpe?g)\b/i.test(w) || /\p{Ll}\p{Lu}\p{Ll}/u.test(w) || /\p{L}\d{2,}\p{L}/u.test(w));
  return words.length === 0 ? 0 : linky.length / words.length;
}

/** Short text seen again elsewhere on the page is menus, related lists, captions; long text only after its first time. */
function markRepeats(work: Work[]): void {
  const counts = new Map<string, number>();
  for (const w of work) counts.set(normalizeText(w.text), (counts.get(normalizeText(w.text)) ?? 0) + 1);
  const seenSentences = new Set<string>();
  const seenLong = new Set<string>();
  work.forEach((w, i) => {
    const key = normalizeText(w.text);
    // A section heading may recur ("Findings" under each case study); chrome is not followed by prose.
    const next = work[i + 1];
    const heading = isHeadingLike(w.text) && next !== undefined && (next.quality === 'good' || next.quality === 'neargood');
    const sentences = splitSentences(key);
    const repeated = sentences.filter((s) => seenSentences.has(s)).length;
    if (w.text.length < T.lengthHigh && (counts.get(key) ?? 0) >= T.repeatedCount && !heading) setBad(w, 'repeated on the page (menus, related lists, captions)');
    else if (seenLong.has(key)) setBad(w, 'the same paragraph again');
    else if (sentences.length >= 2 && repeated / sentences.length >= T.repeatedSentences) setBad(w, 'repeats sentences of an earlier block');
    seenLong.add(key);
    for (const s of sentences) if (s.length > 30) seenSentences.add(s);
  });
}

function splitSentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+(?=\S)/).filter((s) => s.length > 0);
}

function setBad(w: Work, reason: string): void {
  w.quality = 'bad';
  w.reason ??= reason;
}

/** The run of prose with the most text: the article, not a teaser or an about-us blurb elsewhere. */
function mainCluster(work: readonly Work[]): { first: number; last: number } | undefined {
  let best: { first: number; last: number; chars: number } | undefined;
  let current: { first: number; last: number; chars: number } | undefined;
  let gap = 0;
  work.forEach((w, i) => {
    if (w.quality === 'good') {
      if (current === undefined || gap >= 4) current = { first: i, last: i, chars: 0 };
      current.last = i;
      current.chars += w.text.length;
      if (best === undefined || current.chars > best.chars) best = current;
      gap = 0;
    } else if (w.quality === 'bad' || w.quality === 'short') gap++;
  });
  return best === undefined ? undefined : { first: best.first, last: best.last };
}

/** The title: the given one, else the nearest title-like line before the prose (title case first). */
function findTitle(work: Work[], first: number, given: string | undefined): number | undefined {
  const from = Math.max(0, first - T.titleSearchBlocks);
  const window = work.slice(from, first).map((w, k) => ({ w, i: from + k }));
  // The nearest title-like line wins, but at its first place in the window: a caption repeating the
  // headline sits between the headline and the text, and the date under the headline belongs to it.
  const candidates = window.map((c) => window.find((o) => normalizeText(o.w.text) === normalizeText(c.w.text)) ?? c).reverse();
  const wanted = given === undefined ? undefined : normalizeText(given);
  const pick =
    wanted !== undefined
      ? (candidates.find(({ w }) => normalizeText(w.text) === wanted) ?? work.map((w, i) => ({ w, i })).find(({ w }) => normalizeText(w.text) === wanted))
      : pickTitle(work, candidates);
  if (pick === undefined) return undefined;
  pick.w.role = 'title';
  const key = normalizeText(pick.w.text);
  for (const w of work) if (w !== pick.w && normalizeText(w.text) === key) { w.quality = 'bad'; w.reason = 'the title, repeated'; }
  return pick.i;
}

/**
 * Title-case first, then any title-like line; among them, one with a date or byline under it beats a
 * nearer one, which is then the first section heading; a headline directly above that one wins.
 */
function pickTitle(work: readonly Work[], candidates: readonly { w: Work; i: number }[]): { w: Work; i: number } | undefined {
  const usable = (strict: boolean) => candidates.filter(({ w }) => chromeReason(w.text, w.bullet) === undefined && bylineName(w.text) === undefined && isTitleLike(w.text, strict));
  const titled = usable(true).length > 0 ? usable(true) : usable(false);
  const withMetadata = titled.find(({ i }) => work.slice(i + 1, i + 4).some((o) => isDateLine(o.text) || bylineName(o.text) !== undefined));
  if (withMetadata === undefined) return titled[0];
  // A title-like line right above it makes that one the headline and this one its standfirst.
  const above = titled.find(({ i }) => i === withMetadata.i - 1);
  return above ?? withMetadata;
}

/** Before the title is the page head; its masthead name and tagline are chrome wherever they recur. */
function markHead(work: Work[], titleAt: number | undefined): void {
  if (titleAt === undefined) return;
  const head = work.slice(0, titleAt);
  for (const w of head) setBad(w, 'page head, before the article title');
  const headTexts = head.map((w) => normalizeText(w.text)).filter((t) => t.length >= 20);
  const names = head.filter((w) => w.text.split(/\s+/).length <= 6 && /^\p{Lu}/u.test(w.text)).map((w) => normalizeText(w.text));
  for (const w of work.slice(titleAt + 1)) {
    const key = normalizeText(w.text);
    if (key.length >= 20 && headTexts.some((h) => h.startsWith(key.replace(/\.$/, '')))) setBad(w, 'tagline repeated from the page head');
    else if (names.some((n) => n.length >= 4 && key.startsWith(`${n} `)) && w.text.length > T.lengthLow) setBad(w, 'about the publishing site (its name is the page head)');
  }
}

/** Date, byline and standfirst between the title and the prose. */
function markMetadata(work: Work[], titleAt: number | undefined, first: number): void {
  if (titleAt === undefined) return;
  for (let i = titleAt + 1; i < work.length; i++) {
    const w = work[i]!;
    if (isDateLine(w.text) && i < first && !work.some((o) => o.role === 'date')) w.role = 'date';
    else if (bylineName(w.text) !== undefined && !work.some((o) => o.role === 'byline')) {
      w.role = 'byline';
      setBad(w, w.text === `By ${bylineName(w.text)}` ? 'byline (kept in front matter)' : 'byline and credit line (byline kept in front matter)');
    } else if (i < first && isSubtitle(w, i === titleAt + 1) && !work.some((o) => o.role === 'subtitle')) w.role = 'subtitle';
  }
}

/** A standfirst: a sentence or two under the title, or any short line right under it that is not chrome. */
function isSubtitle(w: Work, underTitle: boolean): boolean {
  if (w.reason !== undefined || w.role !== undefined || w.text.length > T.subtitleMaxChars || isDateLine(w.text)) return false;
  return underTitle || (/[.!?”"’]$/.test(w.text) && w.text.split(/\s+/).length >= 8);
}

/** The author's name from a "By Jane Doe" line, if the block opens with one. */
export function bylineName(text: string): string | undefined {
  return /^By\s+(\p{Lu}(?:\.|[\p{L}'’-]+)(?:\s+(?:and\s+|&\s+)?\p{Lu}(?:\.|[\p{L}'’-]+)){1,5})(?=$|[.,|;:])/u.exec(text)?.[1];
}

/** The cluster's last block still counted as prose once the head and metadata rules have run. */
function lastGood(work: readonly Work[], cluster: { first: number; last: number }): number {
  for (let i = cluster.last; i > cluster.first; i--) if (work[i]!.quality === 'good') return i;
  return cluster.first;
}

/** Short title-case lines followed by prose inside the article are its headings. */
function markHeadings(work: Work[], titleAt: number | undefined, end: number): void {
  const start = (titleAt ?? -1) + 1;
  for (let i = start; i < end; i++) {
    const w = work[i]!;
    const next = work[i + 1];
    if (w.reason !== undefined || w.role !== undefined || next === undefined) continue;
    if (isHeadingLike(w.text) && (next.quality === 'good' || next.quality === 'neargood')) {
      w.role = 'heading';
      w.quality = 'good';
    }
  }
}

/**
 * jusText's second pass: near-good blocks next to prose are prose; short ones between prose are too.
 * As in jusText, the neighbours looked at are the nearest good or bad blocks, so a run of near-good
 * list items after a paragraph is judged by that paragraph.
 */
function settleByContext(work: Work[]): void {
  const initial = work.map((w) => w.quality);
  const neighbour = (i: number, step: number): Quality => {
    for (let j = i + step; j >= 0 && j < work.length; j += step) if (initial[j] === 'good' || initial[j] === 'bad') return initial[j]!;
    return 'bad';
  };
  work.forEach((w, i) => {
    if (w.reason !== undefined || w.role === 'heading') return;
    const prev = neighbour(i, -1);
    const next = neighbour(i, 1);
    if (initial[i] === 'neargood') w.quality = prev === 'good' || next === 'good' ? 'good' : 'bad';
    if (initial[i] === 'short') w.quality = prev === 'good' && next === 'good' ? 'good' : 'bad';
  });
}

function decide(w: Work, i: number, titleAt: number | undefined, end: number): { role: BlockRole; reason: string | undefined } {
  if (w.role === 'title' || w.role === 'date' || w.role === 'subtitle') return { role: w.role, reason: undefined };
  if (w.role === 'byline') return { role: 'byline', reason: w.reason };
  if (w.reason !== undefined) return { role: 'dropped', reason: w.reason };
  if (titleAt !== undefined && i < titleAt) return { role: 'dropped', reason: 'page head, before the article title' };
  if (i > end) return { role: 'dropped', reason: 'after the end of the article' };
  if (w.role === 'heading') return { role: 'heading', reason: undefined };
  if (w.quality === 'good') return { role: 'paragraph', reason: undefined };
  return { role: 'dropped', reason: w.text.length < T.lengthLow ? 'short line outside the article text (label, caption, menu)' : 'not prose (few stop words)' };
}
