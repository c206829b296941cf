/** The Markdown chain, declared once in order; build it once per site and reuse it for every page. */
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { NotePlacement, SiteConfig } from '../config/site-config.js';
import { JEKYLL_KRAMDOWN_DEFAULTS, type KramdownOptions } from '../config/kramdown-options.js';
import remarkAttributeListSyntax from './attribute-list-syntax.js';
import type { TrailingIal } from './preprocess-kramdown.js';
import type { Heading, NoteDef, NoteRef, PageLink, PageSection } from './page-data.js';
import rehypeCodeHighlight from './plugins/rehype-code-highlight.js';
import rehypeCollectIds from './plugins/rehype-collect-ids.js';
import rehypeHeadingAnchors from './plugins/rehype-heading-anchors.js';
import rehypeNoteTexts from './plugins/rehype-note-texts.js';
import rehypePageSections from './plugins/rehype-page-sections.js';
import rehypeScrollTables from './plugins/rehype-scroll-tables.js';
import remarkBareUrls from './plugins/remark-bare-urls.js';
import remarkCollectLinks from './plugins/remark-collect-links.js';
import remarkDefinitionLists from './plugins/remark-definition-lists.js';
import remarkHandNumberedNotes from './plugins/remark-hand-numbered-notes.js';
import remarkHeadingIds from './plugins/remark-heading-ids.js';
import remarkKramdownIal from './plugins/remark-kramdown-ial.js';
import remarkKramdownMath from './plugins/remark-kramdown-math.js';
import remarkKramdownToc from './plugins/remark-kramdown-toc.js';
import remarkTypography from './plugins/remark-typography.js';

declare module 'vfile' {
  interface DataMap {
    headings: Heading[];
    notes: { refs: NoteRef[]; defs: NoteDef[] };
    links: PageLink[];
    ids: string[];
    sections: PageSection[];
    /** Preprocessed line ranges inside `markdown="1"` HTML blocks (see preprocess-kramdown.ts). */
    markdownBlocks: Array<[number, number]>;
    /** Block IALs the preprocessor took out of the text (see preprocess-kramdown.ts). */
    trailingIals: TrailingIal[];
  }
}

export interface ProcessorOptions {
  /** Add a `#` link to each heading (`heading_anchors` in `_config.yml`). */
  headingAnchors: boolean;
  /** Keep note blocks where the author put them, or gather them at the end of the page. */
  notePlacement: NotePlacement;
  /** Jekyll's `kramdown:` settings from `_config.yml`; Jekyll's defaults when left out. */
  kramdown?: KramdownOptions;
  /** Link bare URLs and emails in prose (`dossier.link_bare_urls`); Jekyll leaves them as text. Default true. */
  linkBareUrls?: boolean;
  /** Typeset kramdown `$$…$$` math with KaTeX (`kramdown.math_engine` is set). Default false. */
  math?: boolean;
}

/** Creates the frozen unified processor that turns preprocessed kramdown-flavoured Markdown into HTML. */
export function createProcessor(options: ProcessorOptions) {
  const kramdown = options.kramdown ?? JEKYLL_KRAMDOWN_DEFAULTS;
  return (
    unified()
      // CommonMark parse of the text preprocess-kramdown.ts already made CommonMark-friendly.
      .use(remarkParse)
      // The attribute-list lines the preprocessor left in the text become nodes of their own.
      .use(remarkAttributeListSyntax)
      // Tables, strikethrough, autolinks and `[^n]` footnotes, as GitHub-style sites write them.
      .use(remarkGfm)
      // Right after remark-gfm, whose extensions it edits: bare URLs are found in text, not per word.
      .use(remarkBareUrls, { link: options.linkBareUrls ?? true })
      // Attribute lists first: they decide classes and explicit ids that every later step reads.
      .use(remarkKramdownIal)
      // kramdown's `Term` / `: definition` lists, before ids and typography read the text.
      .use(remarkDefinitionLists)
      // kramdown auto ids, after IALs (an explicit `{#id}` wins) and before the TOC that links to them.
      .use(remarkHeadingIds, { input: kramdown.input, autoIds: kramdown.autoIds })
      // `{:toc}` lists need every heading's final id and `.no_toc` class.
      .use(remarkKramdownToc, { tocLevels: kramdown.tocLevels })
      // Math before typography, which would turn TeX's `--` and quotes into dashes and curly quotes.
      .use(remarkKramdownMath, { enabled: options.math ?? false })
      // Notes are recognised on the raw `<sup>` nodes before typography touches their text.
      .use(remarkHandNumberedNotes, { placement: options.notePlacement })
      // Smart quotes and dashes as kramdown prints them, after ids were taken from the raw text.
      .use(remarkTypography)
      // Links are recorded with their Markdown positions for `dossier check`.
      .use(remarkCollectLinks)
      // Raw HTML (style blocks, iframes, sup tags) passes through untouched.
      .use(remarkRehype, { allowDangerousHtml: true })
      .use(rehypeHeadingAnchors, { enabled: options.headingAnchors })
      // Note texts for previews on other pages, read from the tree as the page prints them.
      .use(rehypeNoteTexts)
      // Code colouring works on hast `<code>` elements; after anchors, which never touch code.
      .use(rehypeCodeHighlight)
      // Wide tables scroll in their own region instead of breaking words or widening the page.
      .use(rehypeScrollTables)
      // Search excerpts read the page as readers do, after every step that changes its text.
      .use(rehypePageSections)
      // Last tree step, so ids added by any plugin are seen.
      .use(rehypeCollectIds)
      .use(rehypeStringify, { allowDangerousHtml: true })
      .freeze()
  );
}

export type MarkdownProcessor = ReturnType<typeof createProcessor>;

/** The Markdown chain's options for a site: what every page of it is rendered with. */
export function processorOptions(config: SiteConfig): ProcessorOptions {
  return {
    headingAnchors: config.headingAnchors,
    notePlacement: config.footnotes.placement,
    kramdown: config.kramdown,
    linkBareUrls: config.linkBareUrls,
    math: config.kramdownMath,
  };
}
