/** The demo essay in content/docs/V: its five citation formats and the index tags of its built pages. */
import type { Element, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build.js';
import { MemoryWriter } from '../../src/write/writer.js';

const ESSAY = 'docs/V/Vaccine-Cold-Chains/index.html';
const CHAPTER = 'docs/V/Vaccine-Cold-Chains-2/index.html';
const SITE = 'https://review.example.org';
let writer: MemoryWriter;

beforeAll(async () => {
  writer = new MemoryWriter();
  await buildSite({ sourceDir: 'content', writer });
}, 120_000);

function tree(file: string): Root {
  return unified().use(rehypeParse).parse(writer.text(file) ?? '');
}

function elements(root: Root, test: (node: Element) => boolean): Element[] {
  const found: Element[] = [];
  visit(root, 'element', (node: Element) => {
    if (test(node)) found.push(node);
  });
  return found;
}

function text(node: Element | Root): string {
  let out = '';
  visit(node, 'text', (t: { value: string }) => {
    out += t.value;
  });
  return out;
}

/** `[name, content]` of every `<meta name>` in the head, in order. */
function metaTags(root: Root): Array<[string, string]> {
  return elements(root, (n) => n.tagName === 'meta' && typeof n.properties['name'] === 'string').map((n) => [String(n.properties['name']), String(n.properties['content'])]);
}

function citation(root: Root, id: string): string {
  const [node] = elements(root, (n) => n.properties['id'] === id);
  return node === undefined ? '' : text(node).trim();
}

describe('Cite this essay on the demo essay', () => {
  it('formats the essay in Chicago, APA and MLA', () => {
    const page = tree(ESSAY);
    expect(citation(page, 'cite-block-title')).toBe('Cite this essay');
    expect(citation(page, 'cite-chicago')).toBe('Ribeiro, Ana, and Tomas Lund. Vaccine Cold Chains at the Last Mile. Dossier Demo Review, 2024. https://doi.org/10.5555/ddr.2024.031.');
    expect(citation(page, 'cite-apa')).toBe('Ribeiro, A., & Lund, T. (2024). Vaccine Cold Chains at the Last Mile. Dossier Demo Review. https://doi.org/10.5555/ddr.2024.031');
    expect(citation(page, 'cite-mla')).toBe('Ribeiro, Ana, and Tomas Lund. Vaccine Cold Chains at the Last Mile. Dossier Demo Review, 5 Mar. 2024, https://doi.org/10.5555/ddr.2024.031.');
    // The essay title is italic in all three, as a stand-alone work.
    for (const id of ['cite-chicago', 'cite-apa', 'cite-mla']) {
      const [entry] = elements(page, (n) => n.properties['id'] === id);
      expect(elements(entry as unknown as Root, (n) => n.tagName === 'i').map((n) => text(n))).toEqual(['Vaccine Cold Chains at the Last Mile']);
    }
  });

  it('cites a chapter as a part of the essay', () => {
    const page = tree(CHAPTER);
    expect(citation(page, 'cite-block-title')).toBe('Cite this chapter');
    const url = `${SITE}/docs/V/Vaccine-Cold-Chains-2/`;
    expect(citation(page, 'cite-chicago')).toBe(`Ribeiro, Ana, and Tomas Lund. “Paying for Refrigerators That Keep Working.” Chap. 2 in Vaccine Cold Chains at the Last Mile. Dossier Demo Review, 2024. ${url}.`);
    expect(citation(page, 'cite-apa')).toBe(`Ribeiro, A., & Lund, T. (2024). Paying for Refrigerators That Keep Working. In Vaccine Cold Chains at the Last Mile (Chapter 2). Dossier Demo Review. ${url}`);
    expect(citation(page, 'cite-mla')).toBe(`Ribeiro, Ana, and Tomas Lund. “Paying for Refrigerators That Keep Working.” Vaccine Cold Chains at the Last Mile, Dossier Demo Review, 5 Mar. 2024, ${url}.`);
  });

  it('exports BibTeX and RIS, shown on the page and as .bib/.ris downloads', () => {
    const bibtex = [
      '@techreport{Ribeiro2024Vaccine,',
      '\tauthor = {Ribeiro, Ana and Lund, Tomas},',
      '\tdoi = {10.5555/ddr.2024.031},',
      '\tyear = {2024},',
      '\tmonth = {mar 5},',
      '\tinstitution = {Dossier Demo Review},',
      '\ttitle = {Vaccine {Cold} {Chains} at the {Last} {Mile}},',
      `\turl = {${SITE}/docs/V/Vaccine-Cold-Chains/},`,
      '}',
    ].join('\n');
    expect(citation(tree(ESSAY), 'cite-bibtex')).toBe(bibtex);
    expect(writer.text('docs/V/Vaccine-Cold-Chains/Vaccine-Cold-Chains.bib')).toBe(`${bibtex}\n`);
    const ris = writer.text('docs/V/Vaccine-Cold-Chains-2/Vaccine-Cold-Chains-2.ris') ?? '';
    expect(citation(tree(CHAPTER), 'cite-ris')).toBe(ris.trim());
    const fields = ris.split('\n').filter((line) => /^(TY|AU|PY|ID|PB|TI|T2|UR|ER)  -/.test(line));
    expect(fields).toEqual([
      'TY  - CHAP',
      'AU  - Ribeiro, Ana',
      'AU  - Lund, Tomas',
      'ID  - Ribeiro2024Paying',
      'PB  - Dossier Demo Review',
      'PY  - 2024',
      'T2  - Vaccine Cold Chains at the Last Mile',
      'TI  - Paying for Refrigerators That Keep Working',
      `UR  - ${SITE}/docs/V/Vaccine-Cold-Chains-2/`,
      'ER  - ',
    ]);
    const links = elements(tree(ESSAY), (n) => n.tagName === 'a' && n.properties['download'] !== undefined).map((n) => n.properties['href']);
    expect(links).toEqual(['/docs/V/Vaccine-Cold-Chains/Vaccine-Cold-Chains.bib', '/docs/V/Vaccine-Cold-Chains/Vaccine-Cold-Chains.ris']);
  });
});

describe('index tags of the demo essay', () => {
  it('gives the essay Highwire Press and Dublin Core tags, each once', () => {
    const tags = metaTags(tree(ESSAY)).filter(([name]) => name.startsWith('citation_') || name.startsWith('DC.'));
    const one = (name: string) => tags.filter(([n]) => n === name).map(([, c]) => c);
    expect(one('citation_title')).toEqual(['Vaccine Cold Chains at the Last Mile']);
    // Each author is followed by their own institution and ORCID.
    expect(tags.filter(([n]) => n.startsWith('citation_author'))).toEqual([
      ['citation_author', 'Ana Ribeiro'],
      ['citation_author_institution', 'Institute for Rural Health Systems, Moravel'],
      ['citation_author_orcid', 'https://orcid.org/0000-0003-1415-9269'],
      ['citation_author', 'Tomas Lund'],
      ['citation_author_institution', 'Calder School of Public Policy'],
      ['citation_author_orcid', 'https://orcid.org/0000-0002-7182-8185'],
    ]);
    expect(one('citation_publication_date')).toEqual(['2024/03/05']);
    expect(one('citation_publisher')).toEqual(['Dossier Demo Review']);
    expect(one('citation_doi')).toEqual(['10.5555/ddr.2024.031']);
    expect(one('citation_fulltext_html_url')).toEqual([`${SITE}/docs/V/Vaccine-Cold-Chains/`]);
    expect(one('citation_abstract_html_url')).toEqual([`${SITE}/docs/V/Vaccine-Cold-Chains/`]);
    expect(one('DC.creator')).toEqual(['Ana Ribeiro', 'Tomas Lund']);
    expect(one('DC.rights')).toEqual(['https://creativecommons.org/licenses/by/4.0/']);
    const names = tags.map(([n]) => n).filter((n) => !['citation_author', 'citation_author_institution', 'citation_author_orcid', 'DC.creator', 'DC.subject'].includes(n));
    expect(new Set(names).size).toBe(names.length);
  });

  it('describes the essay as a ScholarlyArticle with its chapters as parts', () => {
    const [script] = elements(tree(ESSAY), (n) => n.tagName === 'script' && n.properties['type'] === 'application/ld+json');
    const data = JSON.parse(text(script as Element)) as Record<string, unknown>;
    expect(data['@type']).toBe('ScholarlyArticle');
    expect(data['datePublished']).toBe('2024-03-05');
    expect(data['dateModified']).toBe('2024-04-18');
    expect((data['author'] as Array<{ name: string }>).map((a) => a.name)).toEqual(['Ana Ribeiro', 'Tomas Lund']);
    expect((data['hasPart'] as Array<{ url: string; position: number }>).map((p) => [p.position, p.url])).toEqual([
      [1, `${SITE}/docs/V/Vaccine-Cold-Chains-1/`],
      [2, `${SITE}/docs/V/Vaccine-Cold-Chains-2/`],
    ]);
  });

  it('tags a chapter as a part of the essay, without the essay DOI', () => {
    const root = tree(CHAPTER);
    const tags = metaTags(root);
    const one = (name: string) => tags.filter(([n]) => n === name).map(([, c]) => c);
    expect(one('citation_title')).toEqual(['Paying for Refrigerators That Keep Working']);
    expect(one('citation_inbook_title')).toEqual(['Vaccine Cold Chains at the Last Mile']);
    expect(one('citation_doi')).toEqual([]);
    expect(one('citation_author')).toEqual(['Ana Ribeiro', 'Tomas Lund']);
    expect(one('DC.relation.isPartOf')).toEqual([`${SITE}/docs/V/Vaccine-Cold-Chains/`]);
    const [script] = elements(root, (n) => n.tagName === 'script' && n.properties['type'] === 'application/ld+json');
    expect((JSON.parse(text(script as Element)) as { isPartOf: { '@id': string } }).isPartOf['@id']).toBe(`${SITE}/docs/V/Vaccine-Cold-Chains/`);
  });

  it('leaves pages that are not essays or chapters untagged', () => {
    expect(metaTags(tree('about/index.html')).filter(([n]) => n.startsWith('citation_'))).toEqual([]);
  });
});
