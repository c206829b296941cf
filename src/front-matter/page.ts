/** The page model every stage after discovery works on. */

/** Where a front-matter key sits in the source file (1-based), for diagnostics. */
export interface Place {
  line: number;
  column: number;
}

/** Front matter, typed for the keys Dossier understands; everything else stays in `raw`. */
export interface FrontMatter {
  layout: string | undefined;
  title: string | undefined;
  parent: string | undefined;
  grandParent: string | undefined;
  ancestor: string | undefined;
  /** Numbers sort before strings among siblings, as in Just the Docs. */
  navOrder: number | string | undefined;
  navExclude: boolean;
  hasChildren: boolean;
  /** `false` hides the automatic list of child pages. */
  hasToc: boolean;
  permalink: string | undefined;
  description: string | undefined;
  lastModifiedDate: string | undefined;
  searchExclude: boolean;
  redirectFrom: string[];
  /** `child_nav_order: desc` (or `reversed`): list this page's children last-first, as modern Just the Docs does. */
  childNavOrder: 'asc' | 'desc';
  raw: Readonly<Record<string, unknown>>;
  /** Position of each top-level key's value, for pointing diagnostics at the right line. */
  places: Readonly<Record<string, Place>>;
}

/** A page with its front matter parsed and its output URL decided. */
export interface Page {
  /** Source path relative to the source folder, with forward slashes; the page's identity. */
  path: string;
  kind: 'markdown' | 'html';
  data: FrontMatter;
  /** The text after the front matter. */
  body: string;
  /** 1-based line in the source file where `body` starts. */
  bodyLine: number;
  /** Site URL without baseurl, unescaped, e.g. `/docs/G/essay-1/`. */
  url: string;
  /** File to write, relative to the output folder, e.g. `docs/G/essay-1/index.html`. */
  outputPath: string;
}
