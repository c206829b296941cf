/** Splits an article into an introduction and chapters at its top-level headings. */
import type { Heading } from 'mdast';
import type { ArticleBlock } from './article.js';

/** `auto`: at every top-level heading when the essay is long enough; `none`: one page; N: N parts. */
export type ChapterMode = 'auto' | 'none' | number;

/** One chapter: its title (the heading it starts at) and its blocks after that heading. */
export interface Chapter {
  title: string;
  blocks: ArticleBlock[];
}

/** The introduction (before the first split) and the chapters; no chapters means one page. */
export interface ChapterSplit {
  intro: ArticleBlock[];
  chapters: Chapter[];
}

/** Below this many words `auto` keeps the essay on one page: chapters of a short article are crumbs. */
export const AUTO_MIN_WORDS = 1500;

/** Words in some blocks, as readers and the dry run count them. */
export function wordCount(blocks: readonly ArticleBlock[]): number {
  return blocks.reduce((sum, b) => sum + (b.text.match(/\S+/g)?.length ?? 0), 0);
}

/** Splits `blocks` as `mode` asks, lifting headings so the split level becomes `##`. */
export function splitChapters(blocks: readonly ArticleBlock[], mode: ChapterMode): ChapterSplit {
  const lifted = liftHeadings(blocks);
  const top = lifted.filter((b) => b.node.type === 'heading' && b.node.depth === 2).length;
  if (mode === 'none' || top === 0 || (mode === 'auto' && (top < 2 || wordCount(lifted) < AUTO_MIN_WORDS))) return { intro: lifted, chapters: [] };
  const sections = sectionsAtTop(lifted);
  const chapters = mode === 'auto' ? sections.chapters : groupSections(sections.chapters, mode);
  return { intro: sections.intro, chapters };
}

/** The shallowest heading becomes `##` (the chapter level), deeper ones follow, never past `######`. */
function liftHeadings(blocks: readonly ArticleBlock[]): ArticleBlock[] {
  const depths = blocks.flatMap((b) => (b.node.type === 'heading' ? [b.node.depth] : []));
  const shift = depths.length === 0 ? 0 : 2 - Math.min(...depths);
  return blocks.map((b) => (b.node.type === 'heading' ? { ...b, node: { ...b.node, depth: Math.min(6, b.node.depth + shift) as Heading['depth'] } } : b));
}

function sectionsAtTop(blocks: readonly ArticleBlock[]): ChapterSplit {
  const split: ChapterSplit = { intro: [], chapters: [] };
  for (const block of blocks) {
    if (block.node.type === 'heading' && block.node.depth === 2) split.chapters.push({ title: block.text.trim(), blocks: [] });
    else (split.chapters.at(-1)?.blocks ?? split.intro).push(block);
  }
  return split;
}

/** N parts of similar length: cut at the section boundary nearest each multiple of total/N. */
function groupSections(sections: readonly Chapter[], parts: number): Chapter[] {
  const cumulative = [0];
  for (const s of sections) cumulative.push(cumulative.at(-1)! + wordCount(s.blocks) + 1);
  const total = cumulative.at(-1)!;
  const cuts = new Set<number>();
  for (let k = 1; k < parts; k++) {
    let best = 1;
    for (let i = 1; i < sections.length; i++) if (Math.abs(cumulative[i]! - (total * k) / parts) < Math.abs(cumulative[best]! - (total * k) / parts)) best = i;
    if (sections.length > 1) cuts.add(best);
  }
  const groups: Chapter[] = [];
  sections.forEach((section, i) => {
    if (i === 0 || cuts.has(i)) {
      groups.push({ title: section.title, blocks: [...section.blocks] });
      return;
    }
    // A section merged into the part before it keeps its heading, one level down.
    const heading: ArticleBlock = { node: { type: 'heading', depth: 3, children: [{ type: 'text', value: section.title }] }, text: section.title };
    const deeper = section.blocks.map((b) => (b.node.type === 'heading' ? { ...b, node: { ...b.node, depth: Math.min(6, b.node.depth + 1) as Heading['depth'] } } : b));
    groups.at(-1)!.blocks.push(heading, ...deeper);
  });
  return groups;
}
