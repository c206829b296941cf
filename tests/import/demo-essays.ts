/**
 * Test inputs made from the demo site's essays: each essay read from content/ into its parts, then
 * written out again the way a browser "save as text" or "save page" would give it, wrapped in page
 * chrome (menus, cookie banner, related list with dates, share buttons, footer).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { mergeSupTags } from '../../src/import/note-refs.js';

export interface DemoBlock {
  kind: 'paragraph' | 'list' | 'quote' | 'table';
  node: RootContent;
}
export interface DemoChapter {
  title: string;
  /** The chapter's blocks in order; headings inside the chapter as `heading` entries. */
  blocks: (DemoBlock | { kind: 'heading'; text: string })[];
}
export interface DemoEssay {
  title: string;
  /** The standfirst under the essay's title. */
  subtitle: string | undefined;
  byline: string | undefined;
  intro: DemoBlock[];
  chapters: DemoChapter[];
  notes: { number: number; node: RootContent }[];
}

const CONTENT = path.resolve(import.meta.dirname, '../../content');
const parser = unified().use(remarkParse).use(remarkGfm);
const toHtml = unified().use(remarkRehype, { allowDangerousHtml: true }).use(rehypeStringify, { allowDangerousHtml: true });

/** The demo's multi-chapter essays and its single-page one, read from content/docs. */
export function demoEssays(): DemoEssay[] {
  const pages = readdirSync(path.join(CONTENT, 'docs'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md'))
    .map((f) => ({ file: f, ...matter(readFileSync(path.join(CONTENT, 'docs', f), 'utf8')) }));
  return pages
    .filter((p) => typeof p.data['title'] === 'string' && p.data['title'].startsWith('§ '))
    .map((essay) => {
      const chapters = pages
        .filter((p) => p.data['parent'] === essay.data['title'])
        .sort((a, b) => Number(a.data['nav_order']) - Number(b.data['nav_order']));
      const result: DemoEssay = { title: essay.data['title'].replace(/^§ /, ''), subtitle: undefined, byline: undefined, intro: [], chapters: [], notes: [] };
      readBody(essay.content, result, undefined);
      for (const c of chapters) {
        const chapter: DemoChapter = { title: String(c.data['title']), blocks: [] };
        result.chapters.push(chapter);
        readBody(c.content, result, chapter);
      }
      return result;
    });
}

/** Kramdown attribute lines end a paragraph; CommonMark would glue them on, so they become blank lines. */
function parse(body: string): Root {
  const text = body.replace(/^\{:[^\n]*\}[ \t]*$/gm, '').replace(/^[*1]\.? TOC\s*$/gm, '');
  const tree = parser.runSync(parser.parse(text)) as Root;
  mergeSupTags(tree);
  return tree;
}

function readBody(body: string, essay: DemoEssay, chapter: DemoChapter | undefined): void {
  let skipping = false;
  let afterTitle = false;
  for (const node of parse(body).children) {
    const text = toString(node).trim();
    const standfirst = afterTitle && chapter === undefined && node.type === 'paragraph' && node.children.length === 1 && node.children[0]?.type === 'text';
    afterTitle = node.type === 'heading' && node.depth === 1;
    if (standfirst) {
      essay.subtitle = text;
      continue;
    }
    if (node.type === 'heading') {
      skipping = /^(table of )?contents$/i.test(text) || /^notes$/i.test(text);
      if (skipping || node.depth === 1 || (chapter !== undefined && text === chapter.title)) continue;
      (chapter?.blocks ?? essay.intro as DemoChapter['blocks']).push({ kind: 'heading', text });
      continue;
    }
    if (node.type === 'paragraph') {
      const first = node.children[0];
      const note = first?.type === 'html' ? /^<sup>(\d+)\.?<\/sup>/.exec(first.value) : null;
      if (note !== null) {
        essay.notes.push({ number: Number(note[1]), node: { ...node, children: [{ type: 'text', value: toString({ ...node, children: node.children.slice(1) }).replace(/^\.?\s*/, '') }] } });
        continue;
      }
      if (chapter === undefined && node.children.length === 1 && first?.type === 'strong') {
        essay.byline ??= text;
        continue;
      }
    }
    if (skipping) continue;
    const kind = node.type === 'paragraph' ? 'paragraph' : node.type === 'list' ? 'list' : node.type === 'blockquote' ? 'quote' : node.type === 'table' ? 'table' : undefined;
    if (kind === undefined || text === '') continue;
    // The subtitle line under an essay's title is the page's standfirst, kept as a paragraph.
    (chapter?.blocks ?? (essay.intro as DemoChapter['blocks'])).push({ kind, node });
  }
}

/** A block as a text scrape shows it: note references lose their superscript and stick to the word. */
export function blockText(node: RootContent): string {
  const flat = (n: RootContent): string =>
    n.type === 'html' ? (/^<sup>(\d+)<\/sup>$/.exec(n.value)?.[1] ?? '') : 'children' in n ? (n.children as RootContent[]).map(flat).join('') : 'value' in n ? String(n.value) : '';
  return flat(node).replace(/\s+/g, ' ').trim();
}

/** Paragraph identity for scoring: its letters only, so markup and reference numbers do not matter. */
export function paragraphKey(text: string): string {
  return text.toLowerCase().replace(/<sup>\d+<\/sup>/g, '').replace(/[^\p{L}]+/gu, '').slice(0, 160);
}

/** The texts an import should keep from this essay; a text scrape has list items and table rows as lines. */
export function expectedTexts(essay: DemoEssay, html: boolean): string[] {
  const blocks = [...essay.intro, ...essay.chapters.flatMap((c) => c.blocks)];
  return [...(essay.subtitle === undefined ? [] : [essay.subtitle])].concat(blocks.flatMap((b) => {
    if (b.kind === 'heading') return [];
    if (!html && b.node.type === 'list') return b.node.children.map((item) => blockText(item as unknown as RootContent));
    if (!html && b.node.type === 'table') return b.node.children.map((row) => row.children.map((cell) => toString(cell)).join(' '));
    return [blockText(b.node)];
  }));
}

/** The essay's chapter titles in reading order. */
export function chapterTitles(essay: DemoEssay): string[] {
  return essay.chapters.map((c) => c.title);
}

const MENU = ['Home', 'Essays', 'Letters', 'Authors', 'Podcasts', 'Events', 'Subscribe', 'Donate'];
const RELATED = [
  ['Harbour Dues and the Price of Bread', 'March 3, 2024'],
  ['Why Port Cities Keep Their Own Tugboats', 'February 27, 2024'],
  ['The Quiet Politics of Cold Storage', 'February 20, 2024'],
  ['Five Charts on River Freight', 'February 14, 2024'],
];
const COOKIE = 'We use cookies on this website to remember your preferences and measure visits. By clicking “Accept all”, you consent to the use of all cookies. You can change your choice at any time under Cookie settings.';
const FOOTER_ABOUT = 'The Review is published by the Harbour Institute, an independent foundation. Opinions expressed are the authors’ own. Reproduction of articles without written permission is prohibited.';

/** The essay as a plain-text scrape of a news-site page. */
export function asScrapedText(essay: DemoEssay): string {
  const lines: string[] = [...MENU.map((m) => `  • ${m}`), '', 'The Harbour Review', '', 'Independent analysis since 1998.', '', 'Search', ''];
  lines.push(essay.title, '', ...(essay.subtitle === undefined ? [] : [essay.subtitle, '']), 'March 12, 2024', '', ...(essay.byline === undefined ? [] : [`By ${essay.byline}`, '']), 'Share on Facebook', 'Share on X', 'Email this', '');
  const push = (b: DemoChapter['blocks'][number]) => {
    if (b.kind === 'heading') lines.push(b.text, '');
    else if (b.kind === 'list' && b.node.type === 'list') lines.push(...b.node.children.map((item) => `• ${blockText(item as unknown as RootContent)}`), '');
    else if (b.kind === 'table' && b.node.type === 'table') lines.push(...b.node.children.map((row) => row.children.map((cell) => toString(cell)).join('\t')), '');
    else lines.push(blockText(b.node), '');
  };
  essay.intro.forEach(push);
  for (const chapter of essay.chapters) {
    lines.push(chapter.title, '');
    chapter.blocks.forEach(push);
  }
  if (essay.notes.length > 0) lines.push('Notes', '', ...essay.notes.map((n) => `${n.number}. ${toString(n.node)}`), '');
  lines.push('Share this article', '', 'Related articles', '');
  for (const [title, date] of RELATED) lines.push(title!, date!, '');
  lines.push('Back to top', '', ...MENU.map((m) => `  • ${m}`), '', FOOTER_ABOUT, '', '© 2024 The Harbour Review. All rights reserved.', '', COOKIE, '', 'Accept all', 'Reject all', 'Cookie settings');
  return lines.join('\n');
}

/** The essay as a saved HTML page with the same chrome. */
export function asSavedHtml(essay: DemoEssay): string {
  const html = (node: RootContent) => toHtml.stringify(toHtml.runSync({ type: 'root', children: [node] }) as never);
  const refs = (s: string) => s.replace(/<sup>(\d+)<\/sup>/g, '<sup><a href="#fn$1" id="ref$1">$1</a></sup>');
  const block = (b: DemoChapter['blocks'][number]) => (b.kind === 'heading' ? `<h3>${b.text}</h3>` : refs(html(b.node)));
  const nav = `<nav><ul>${MENU.map((m) => `<li><a href="/${m.toLowerCase()}">${m}</a></li>`).join('')}</ul></nav>`;
  const body = [
    ...essay.intro.map(block),
    ...essay.chapters.flatMap((c) => [`<h2>${c.title}</h2>`, ...c.blocks.map(block)]),
    ...(essay.notes.length === 0 ? [] : ['<h2>Notes</h2><ol>', ...essay.notes.map((n) => `<li id="fn${n.number}">${toString(n.node)} <a href="#ref${n.number}">↩</a></li>`), '</ol>']),
  ].join('\n');
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${essay.title} | The Harbour Review</title></head><body>
<div class="cookie-banner"><p>${COOKIE}</p><button>Accept all</button></div>
<header><a class="logo" href="/">The Harbour Review</a>${nav}<form><input type="search" placeholder="Search"></form></header>
<main><article><h1>${essay.title}</h1>${essay.subtitle === undefined ? '' : `<p class="standfirst">${essay.subtitle}</p>`}<p class="byline">By ${essay.byline ?? 'Staff'}</p><time datetime="2024-03-12">March 12, 2024</time>
<div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
<div class="body">${body}</div></article>
<aside class="related"><h3>Related articles</h3><ul>${RELATED.map(([t, d]) => `<li><a href="/x">${t}</a> <span>${d}</span></li>`).join('')}</ul></aside></main>
<footer>${nav}<p>${FOOTER_ABOUT}</p><p>© 2024 The Harbour Review. All rights reserved.</p></footer></body></html>`;
}
