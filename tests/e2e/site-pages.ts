/** Finds an essay, its chapters and a searchable word in whatever site was built, so tests do not hard-code its text. */
import { readFileSync } from 'node:fs';
import path from 'node:path';

type Entry = [title: string, url: string, children?: Entry[]];

/** Pages of the built site the tests visit. */
export interface SitePages {
  baseurl: string;
  /** Href (with baseurl) of the first essay that has at least two chapters. */
  essay: string;
  essayTitle: string;
  /** Hrefs of that essay's chapters in reading order. */
  chapters: string[];
  /** Top-level entry (with its nav path) whose branch is closed on the essay page. */
  closedBranch: { title: string; navPath: string; firstChild: string } | undefined;
}

/** Reads the built `assets/nav.json`. */
export function sitePages(siteDir: string): SitePages {
  const nav = JSON.parse(readFileSync(path.join(siteDir, 'assets', 'nav.json'), 'utf8')) as { b: string; n: Entry[] };
  for (const [i, letter] of nav.n.entries()) {
    for (const essay of letter[2] ?? []) {
      const chapters = essay[2] ?? [];
      if (chapters.length < 2) continue;
      const otherIndex = nav.n.findIndex((e, j) => j !== i && (e[2]?.length ?? 0) > 0);
      const other = nav.n[otherIndex];
      return {
        baseurl: nav.b,
        essay: nav.b + essay[1],
        essayTitle: essay[0],
        chapters: chapters.map((c) => nav.b + c[1]),
        closedBranch:
          other === undefined ? undefined : { title: other[0], navPath: String(otherIndex), firstChild: other[2]?.[0]?.[0] ?? '' },
      };
    }
  }
  throw new Error('the built site has no essay with two chapters');
}

/** A long, distinctive word from the chapter's prose that appears nowhere in the essay page, to search for. */
export function searchWordFrom(siteDir: string, chapterHref: string, baseurl: string): string {
  const rel = decodeURI(chapterHref.slice(baseurl.length)).replace(/^\//, '');
  const html = readFileSync(path.join(siteDir, rel, 'index.html'), 'utf8');
  const article = /<article[^>]*>([\s\S]*?)<\/article>/.exec(html)?.[1] ?? '';
  const text = article.replace(/<[^>]+>/g, ' ').replace(/&[a-z#0-9]+;/gi, ' ');
  const words = text.match(/\b[a-z]{9,}\b/g) ?? [];
  const counts = new Map<string, number>();
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  const best = [...counts.entries()].sort((a, b) => a[1] - b[1] || b[0].length - a[0].length)[0];
  if (best === undefined) throw new Error(`no searchable word in ${chapterHref}`);
  return best[0];
}
