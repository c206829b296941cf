/** Turns an article split into chapters into the site's files (front matter + Markdown) and writes them. */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Nodes, Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import type { SiteConfig } from '../config/site-config.js';
import { pageUrl } from '../front-matter/permalink.js';
import type { Article, ArticleBlock, ArticleNote } from './article.js';
import { ImportError } from './import-error.js';
import { supNode } from './note-refs.js';
import type { SiteTarget } from './site-target.js';
import { wordCount, type ChapterSplit } from './split-chapters.js';

/** One file the import writes. */
export interface PlannedFile {
  /** Relative to the site's source folder, forward slashes. */
  path: string;
  title: string;
  text: string;
  words: number;
}

/** Where the essay hangs in the nav, as given on the command line. */
export interface Placement {
  parent: string | undefined;
  grandParent: string | undefined;
}

const stringifier = unified().use(remarkGfm).use(remarkStringify, { bullet: '-', rule: '*', emphasis: '*', strong: '*', fences: true });

/** Markdown for some blocks, blank-line separated. */
function markdown(blocks: readonly RootContent[]): string {
  return blocks.length === 0 ? '' : stringifier.stringify({ type: 'root', children: [...blocks] } as Root).trim();
}

/** A file name from a title: ASCII words joined by hyphens, case kept as the site's own files do. */
export function slugify(title: string): string {
  const words = title.replace(/^§\s*/, '').normalize('NFKD').replace(/[\u0300-\u036f]/g, '').match(/[A-Za-z0-9]+/g) ?? [];
  let slug = '';
  for (const w of words) if ((slug + w).length <= 80) slug = slug === '' ? w : `${slug}-${w}`;
  return slug === '' ? 'essay' : slug;
}

/** Plans the essay's files: the essay page, then one page per chapter, with notes placed and chapter lists. */
export function planEssay(article: Article, split: ChapterSplit, target: SiteTarget, placement: Placement, config: SiteConfig): PlannedFile[] {
  const title = essayTitle(article, target);
  const essayPath = freePath(config.sourceDir, target.folder, slugify(title), '.md');
  const chapterDir = essayPath.replace(/\.md$/, '');
  const used = new Set<string>();
  const chapterPaths = split.chapters.map((c) => {
    let slug = slugify(c.title);
    for (let n = 2; used.has(slug); n++) slug = `${slugify(c.title)}-${n}`;
    used.add(slug);
    return `${chapterDir}/${slug}.md`;
  });
  const list = chapterList(split.chapters.map((c, i) => ({ title: c.title, path: chapterPaths[i]! })), config);
  const pages: { blocks: ArticleBlock[] }[] = [{ blocks: split.intro }, ...split.chapters];
  const notes = placeNotes(pages.map((p) => p.blocks), article.notes);
  const essayFm = { layout: 'default', title, parent: placement.parent, grand_parent: placement.grandParent, nav_order: target.navOrder, has_children: split.chapters.length > 0 ? true : undefined, description: article.subtitle };
  const files: PlannedFile[] = [
    { path: essayPath, title, words: wordCount(split.intro), text: page(essayFm, [essayHead(article, title), markdown(split.intro.map((b) => b.node)), notesBlock(notes[0]!), list]) },
  ];
  split.chapters.forEach((chapter, i) => {
    const fm = { layout: 'default', title: chapter.title, parent: title, grand_parent: placement.parent, nav_order: (i + 1) * 10 };
    const heading: RootContent = { type: 'heading', depth: 2, children: [{ type: 'text', value: chapter.title }] };
    files.push({ path: chapterPaths[i]!, title: chapter.title, words: wordCount(chapter.blocks), text: page(fm, [markdown([heading, ...chapter.blocks.map((b) => b.node)]), notesBlock(notes[i + 1]!), list]) });
  });
  return files;
}

function essayTitle(article: Article, target: SiteTarget): string {
  const base = (article.title ?? '').trim();
  const title = target.sectionMark && !base.startsWith('§ ') ? `§ ${base}` : base;
  if (target.titles.has(title)) {
    throw new ImportError(`the site already has a page titled "${title}".`, { hint: 'import it under another title with --title, or remove the earlier import first' });
  }
  return title;
}

/** `name.md`, else `name-2.md`, … : never a file (or chapter folder) that already exists. */
function freePath(sourceDir: string, folder: string, name: string, ext: string): string {
  const rel = (n: string) => (folder === '' ? `${n}${ext}` : `${folder}/${n}${ext}`);
  let candidate = name;
  for (let n = 2; existsSync(path.join(sourceDir, rel(candidate))) || existsSync(path.join(sourceDir, rel(candidate).slice(0, -ext.length))); n++) candidate = `${name}-${n}`;
  return rel(candidate);
}

function essayHead(article: Article, title: string): string {
  const lines = [`# ${escapeInline(title)}\n{: .no_toc }`];
  if (article.subtitle !== undefined) lines.push(`${escapeInline(article.subtitle)}\n{: .fs-6 .fw-300 }`);
  if (article.byline !== undefined) lines.push(`**${escapeInline(article.byline)}**`);
  if (article.date !== undefined) lines.push(`*${escapeInline(article.date)}*`);
  return lines.join('\n\n');
}

function escapeInline(text: string): string {
  return markdown([{ type: 'paragraph', children: [{ type: 'text', value: text }] }]);
}

/** Each note goes to the page that cites it first; notes nobody cites go to the last page. */
function placeNotes(pages: readonly (readonly ArticleBlock[])[], notes: readonly ArticleNote[]): ArticleNote[][] {
  const placed: ArticleNote[][] = pages.map(() => []);
  const cited = pages.map((blocks) => new Set(blocks.flatMap((b) => citedNumbers(b.node))));
  for (const note of notes) {
    const at = cited.findIndex((numbers) => numbers.has(note.number));
    placed[at === -1 ? pages.length - 1 : at]!.push(note);
  }
  return placed;
}

function citedNumbers(node: Nodes): number[] {
  if (node.type === 'html') return [...node.value.matchAll(/<sup>(\d+)<\/sup>/g)].map((m) => Number(m[1]));
  return 'children' in node ? node.children.flatMap((c) => citedNumbers(c)) : [];
}

/** The site's notes block: `***`, one `<sup>N</sup>. text` paragraph per note with `{: .fs-2}`, `***`. */
function notesBlock(notes: readonly ArticleNote[]): string {
  if (notes.length === 0) return '';
  const paragraphs = notes.map((note) => {
    const children = note.node.type === 'paragraph' ? note.node.children : [];
    return `${markdown([{ type: 'paragraph', children: [supNode(note.number), { type: 'text', value: '. ' }, ...children] }])}\n{: .fs-2}`;
  });
  return `***\n${paragraphs.join('\n')}\n***`;
}

/** The hand-written chapter list essays on these sites end each page with. */
function chapterList(chapters: readonly { title: string; path: string }[], config: SiteConfig): string {
  if (chapters.length === 0) return '';
  const items = chapters.map((c) => `<li> <a href="${config.baseurl}${pageUrl(c.path, config.permalink, undefined).url}">${escapeHtml(c.title)}</a></li>`);
  return `***\n\n#### Table of Contents\n{: .no_toc}\n\n<ul>${items.join('')}</ul>`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function page(frontMatter: Record<string, string | number | boolean | undefined>, parts: readonly string[]): string {
  const yaml = Object.entries(frontMatter).flatMap(([k, v]) => (v === undefined ? [] : [`${k}: ${typeof v === 'string' ? yamlString(v) : String(v)}`]));
  return `---\n${yaml.join('\n')}\n---\n\n${parts.filter((p) => p !== '').join('\n\n')}\n`;
}

/** A plain scalar when YAML reads it back unchanged, else a double-quoted (JSON) string. */
function yamlString(value: string): string {
  return /^[\p{L}§][^:#'"[\]{}&*!|>%@`,]*$/u.test(value) && !/\s$/.test(value) && !/^(true|false|yes|no|null|on|off)$/i.test(value) ? value : JSON.stringify(value);
}

/** Writes the files, each created fresh (never over an existing file); on any failure removes what it wrote. */
export function writeFiles(sourceDir: string, files: readonly PlannedFile[]): string[] {
  const written: string[] = [];
  try {
    for (const file of files) {
      const abs = path.join(sourceDir, file.path);
      mkdirSync(path.dirname(abs), { recursive: true });
      writeFileSync(abs, file.text, { flag: 'wx' });
      written.push(abs);
    }
  } catch (error) {
    for (const abs of written) rmSync(abs, { force: true });
    throw new ImportError(`could not write the essay: ${(error as Error).message}; nothing was kept.`, { cause: error });
  }
  return files.map((f) => f.path);
}
