/** The page model every stage after discovery works on. */

/** A page's body as held: its text, or its UTF-8 bytes. */
export type PageBody = string | Uint8Array;

const utf8 = new TextDecoder();
/** What a released page's body is replaced with; bodyText throws on it. */
const RELEASED: Uint8Array = new Uint8Array(0);
const releasedFor = new WeakMap<object, string>();

/** The page's body as text: decodes a body held as bytes (again on every call, so read it once). Throws for a released page. */
export function bodyText(page: Pick<Page, 'path' | 'body'>): string {
  if (page.body === RELEASED) throw new Error(`the body of ${page.path} was released: ${releasedFor.get(page) ?? 'the build let it go'}`);
  return typeof page.body === 'string' ? page.body : utf8.decode(page.body);
}

/** Lets go of a page's body once nothing will read it (a one-off build, after writing the page's essay); bodyText then throws with `reason`. */
export function releaseBody(page: Page, reason: string): void {
  page.body = RELEASED;
  releasedFor.set(page, reason);
}

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
  /** `essay: true`/`false` (Dossier's own key): say whether a page with children is an essay, where its shape leaves it open. */
  essay?: boolean | undefined;
  permalink: string | undefined;
  description: string | undefined;
  lastModifiedDate: string | undefined;
  searchExclude: boolean;
  redirectFrom: string[];
  /** `redirect_to` (the first, when a list): the page is published as a redirect there. */
  redirectTo: string | undefined;
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
  /**
   * The text after the front matter, as read: a string, or the file's UTF-8 bytes (one-off builds
   * read files as bytes: typographic text takes half the memory so). Read it with bodyText, which
   * decodes bytes on every call, and throws once a one-off build has released the page (releaseBody).
   */
  body: PageBody;
  /** 1-based line in the source file where `body` starts. */
  bodyLine: number;
  /** Site URL without baseurl, unescaped, e.g. `/docs/G/essay-1/`. */
  url: string;
  /** File to write, relative to the output folder, e.g. `docs/G/essay-1/index.html`. */
  outputPath: string;
}
