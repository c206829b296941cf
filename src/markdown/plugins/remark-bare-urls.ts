/**
 * Bare URLs and emails in prose ("… (2019), https://example.org/report.") become links, the cheap
 * way, or stay text as Jekyll prints them (`dossier.link_bare_urls: false`).
 *
 * remark-gfm finds these "literal autolinks" twice: micromark attempts a construct at the start of
 * every word of every paragraph (on essay prose about a fifth of the whole chain's time, mostly in
 * the tokens and garbage those attempts make), and a from-markdown transform then searches every
 * text node, four regular expressions in four tree walks, for what the syntax missed. kramdown has
 * neither. This plugin takes the micromark constructs out, so words are read as plain data, and
 * runs remark-gfm's own transform only on the top-level blocks whose source holds an `@`, `http://`,
 * `https://` or `www.`: the same HTML as full GFM on the demo site, the seed chapters and the
 * 1,000-page benchmark site (tests/markdown/bare-urls.test.ts pins the cases). With `link: false`
 * the transform never runs.
 *
 * Must be used right after remark-gfm, whose extensions it edits, and before any other transformer.
 */
import type { Root, RootContent } from 'mdast';
import type { Extension as FromMarkdownExtension, Transform } from 'mdast-util-from-markdown';
import type { Extension as SyntaxExtension } from 'micromark-util-types';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';

/** The names micromark-extension-gfm-autolink-literal gives its three text constructs. */
const LITERAL_AUTOLINKS = new Set(['wwwAutolink', 'protocolAutolink', 'emailAutolink']);

/** What every URL, `www.` link and email the transform can find contains (its patterns are case-insensitive). */
const CANDIDATE = /@|https?:\/\/|www\./gi;

export default function remarkBareUrls(this: Processor, options?: { link?: boolean }) {
  const data = this.data();
  data.micromarkExtensions = (data.micromarkExtensions ?? []).map(withoutLiteralAutolinks);
  // remark-gfm's transform leaves the parse and runs below, on the blocks that need it.
  const transforms: Transform[] = [];
  const takeTransforms = (extension: FromMarkdownExtension): FromMarkdownExtension => {
    if (!linksLiterals(extension)) return extension;
    transforms.push(...(extension.transforms ?? []));
    return { ...extension, transforms: [] };
  };
  data.fromMarkdownExtensions = (data.fromMarkdownExtensions ?? []).map((extension) =>
    Array.isArray(extension) ? extension.map(takeTransforms) : takeTransforms(extension),
  );
  if (options?.link === false) return undefined;
  return (tree: Root, file: VFile) => {
    const blocks = blocksWithCandidates(tree, String(file.value));
    if (blocks.length === 0) return;
    // The blocks are the same objects as the tree's, so links made inside them land in the tree.
    for (const transform of transforms) transform({ type: 'root', children: blocks });
  };
}

/**
 * The extension without the literal-autolink constructs. Dropping them up front, rather than
 * listing them in micromark's `disable`, matters: a disabled construct is still attempted (and
 * still splits the text) at every word before micromark sees it is disabled.
 */
function withoutLiteralAutolinks(extension: SyntaxExtension): SyntaxExtension {
  if (extension.text === undefined) return extension;
  const text: NonNullable<SyntaxExtension['text']> = {};
  for (const [code, constructs] of Object.entries(extension.text)) {
    if (constructs === undefined) continue;
    const kept = (Array.isArray(constructs) ? constructs : [constructs]).filter(
      (construct) => construct.name === undefined || !LITERAL_AUTOLINKS.has(construct.name),
    );
    if (kept.length > 0) text[code] = kept;
  }
  return { ...extension, text };
}

/** The from-markdown extension that turns literal autolinks into links (its transform finds them in text). */
function linksLiterals(extension: FromMarkdownExtension): boolean {
  return extension.enter !== undefined && extension.enter !== null && 'literalAutolink' in extension.enter;
}

/** Top-level blocks whose source span holds a candidate (blocks without a position are kept, to be safe). */
function blocksWithCandidates(tree: Root, source: string): RootContent[] {
  const offsets: number[] = [];
  CANDIDATE.lastIndex = 0;
  for (let match = CANDIDATE.exec(source); match !== null; match = CANDIDATE.exec(source)) offsets.push(match.index);
  if (offsets.length === 0) return [];
  const blocks: RootContent[] = [];
  let next = 0;
  for (const block of tree.children) {
    const start = block.position?.start.offset;
    const end = block.position?.end.offset;
    if (start === undefined || end === undefined) {
      blocks.push(block);
      continue;
    }
    while (next < offsets.length && (offsets[next] ?? 0) < start) next++;
    if (next < offsets.length && (offsets[next] ?? 0) < end) blocks.push(block);
  }
  return blocks;
}
