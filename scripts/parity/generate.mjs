#!/usr/bin/env node
// Generates a messy Jekyll + Just the Docs style essay site for parity checks against real Jekyll.
// Usage: node scripts/parity/generate.mjs <outDir> [--pages N] [--seed S]
// All prose is invented here; the constructs mirror /work/shared/FORMAT.md §1–§5.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const outDir = path.resolve(args.find((a) => !a.startsWith('--')) ?? '/tmp/parity-site');
const flag = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(args[i + 1]);
};
const pageCount = flag('pages', 60);
let seed = flag('seed', 7);

/** Small deterministic PRNG (mulberry32) so every run writes the same site. */
function rand() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (list) => list[Math.floor(rand() * list.length)];
const chance = (p) => rand() < p;

const WORDS =
  'harbour levee tariff ledger orchard canal ferry granary beacon quarry lantern archive corridor treaty council delta tribunal census aqueduct convoy pasture foundry garrison mill prairie compass'.split(' ');
const VERBS = 'weighs revisits complicates tempers outlines reframes stretches narrows anchors unsettles'.split(' ');
function sentence() {
  const n = 6 + Math.floor(rand() * 10);
  const words = [];
  for (let i = 0; i < n; i++) words.push(i === 2 ? pick(VERBS) : pick(WORDS));
  const s = words.join(' ');
  return s[0].toUpperCase() + s.slice(1) + pick(['.', '.', '.', '?', ';', ' — again.', '...']);
}
const para = (n = 3) => Array.from({ length: n }, sentence).join(' ');

// Headings that stress the id algorithms: numbers, punctuation, entities, inline markup, unicode.
const HEADINGS = [
  '8 End-to-End Review of the Harbour Ledger',
  '24/7 Availability',
  'Council’s Roadmap',
  'Social Levees – A Second Look',
  'Findings',
  'Findings',
  '2.3 Tariffs & Quotas',
  'The *Quarry* Question',
  'Using `ledger --merge` Safely',
  'A [linked](https://example.org/a) Beacon',
  'Café Ström: “Quoted” Canals',
  'Q&amp;A on the Census',
  '???',
  '1990s',
  '§ 4 Convoys',
  'Orchard -- Dash -- Test',
  'Under_score and Hyphen-ated',
  'Ends with a question?',
  'Émigré Foundries',
  '100% Delta',
  'Tab\tInside',
  '**Bold** start',
  'HTML <em>tag</em> inside',
  'Trailing hashes ##',
  'Ellipsis... and more',
  '中文 Archive',
];

function heading(level) {
  const text = pick(HEADINGS);
  return `${'#'.repeat(level)} ${text}`;
}

const NOTE_STYLES = ['dot', 'nodot', 'nospace', 'dotinside', 'bracket'];
function noteLine(n, style) {
  const body = `${pick(['A.', 'B.', 'C.'])} ${pick(WORDS)}, “${sentence().slice(0, -1)},” *Review of ${pick(WORDS)}* ${n}, no. ${n % 4} (20${10 + (n % 14)}): ${n}–${n + 9}.`;
  switch (style) {
    case 'dot':
      return `<sup>${n}</sup>. ${body}`;
    case 'nodot':
      return `<sup>${n}</sup> ${body}`;
    case 'nospace':
      return `<sup>${n}</sup>${body}`;
    case 'dotinside':
      return `<sup>${n}.</sup> ${body}`;
    default:
      return `<sup>[${n}]</sup> ${body}`;
  }
}
function ref(n, style) {
  if (style === 'bracket') return `<sup>[${n}]</sup>`;
  return `<sup>${n}</sup>`;
}

/** One chapter body; `ctx` carries the note counter across the essay's chapters. */
function chapterBody(ctx, index) {
  const out = [];
  const style = ctx.style;
  const wrap = ctx.wrap;
  out.push('<style>\n.dont-break-out {\n  overflow-wrap: break-word;\n\n  word-break: break-word;\n}\n</style>\n');
  if (wrap === 'direct') out.push('<div class="dont-break-out" markdown="1">');
  if (wrap === 'blank') out.push('<div class="dont-break-out" markdown="1">\n');
  if (chance(0.2)) out.push(`This is the web edition of the [original paper]({{ site.baseurl }}/assets/paper-${index}.pdf).\n{: .no_toc }\n`);
  out.push(pick(['1. TOC\n{:toc}\n', '* TOC\n{:toc}\n', '1. TOC\n{: toc}\n', '- Contents\n{:toc}\n']));
  const sections = 2 + Math.floor(rand() * 4);
  for (let s = 0; s < sections; s++) {
    const level = s === 0 ? 2 : pick([2, 3, 3, 4]);
    out.push(heading(level));
    // Half the time the paragraph follows the heading directly, as the seeds do.
    const refs = [];
    const count = 1 + Math.floor(rand() * 3);
    const sentences = [];
    for (let r = 0; r < count; r++) {
      ctx.note++;
      refs.push(ctx.note);
      sentences.push(`${sentence()}${ref(ctx.note, style)}`);
    }
    if (chance(0.15)) {
      ctx.note++;
      refs.push(ctx.note);
      ctx.note++;
      refs.push(ctx.note);
      sentences.push(`${sentence()}<sup>${ctx.note - 1},${ctx.note}</sup>`);
    }
    if (chance(0.2)) sentences.push(`It was the 19<sup>th</sup> ${pick(WORDS)} and the 1<sup>st</sup> ${pick(WORDS)}.`);
    out.push(`${chance(0.5) ? '' : '\n'}${sentences.join(' ')}\n`);
    out.push(extraBlock());
    if (!ctx.notesAtEnd) {
      // The printed page's footnote block, fenced by *** lines.
      const lines = refs.map((n) => `${noteLine(n, style)}\n${chance(0.9) ? '{: .fs-2}' : pick(['{: fs-2}', '{:. fs-2}', '{:  .fs-2}', '{: : .fs-2}', '{: .fs-2 .text-grey-dk-000 }'])}`);
      out.push(`***\n${lines.join('\n')}\n***\n`);
    } else ctx.pending.push(...refs);
  }
  if (ctx.notesAtEnd && ctx.pending.length > 0) {
    out.push('## Notes\n{: .no_toc}\n');
    for (const n of ctx.pending) out.push(`${noteLine(n, style)}\n`);
    ctx.pending = [];
  }
  out.push('***\n#### Table of Contents\n{: .no_toc}\n');
  out.push(`<ul>${ctx.chapters.map((c) => `<li> <a href="{{ site.baseurl }}${c.url}">${c.title}</a></li>`).join('')}</ul>\n`);
  if (wrap !== 'none') out.push('</div>');
  return out.join('\n');
}

// Blocks that real essays contain between sections; each stresses a kramdown/CommonMark difference.
const EXTRA_BLOCKS = [
  () => `${para(2)}\n{: .highlight}\n`,
  () => `{: .note }\n${para(1)}\n`,
  () => `> ${sentence()}\n> ${sentence()}\n{: .pull-quote}\n`,
  () => `- ${sentence()}\n- ${sentence()}\n- ${sentence()}\n{: .compact}\n`,
  () => `${sentence()}\n- ${pick(WORDS)} list directly under a paragraph\n- ${pick(WORDS)}\n`,
  () => `${sentence()}\n2. numbered list not starting at one\n3. ${pick(WORDS)}\n`,
  () => `| ${pick(WORDS)} | ${pick(WORDS)} |\n| --- | ---: |\n| 1 | 2 |\n| ${sentence()} | x |\n{: .table-wide}\n`,
  () => `<table>\n\t<tbody>\n\t\t<tr>\n\t\t\t<td valign="top">\n\n\t\t\t\t<p align="justify">${pick(WORDS)}</p>\n\t\t\t</td>\n\t\t\t<td>\n\n\t\t\t\t<p>● ${sentence()}&nbsp;</p>\n\n\t\t\t\t<p>&nbsp; &nbsp; ○ ${sentence()}</p>\n\t\t\t</td>\n\t\t</tr>\n\t</tbody>\n</table>\n\n`,
  () => `<div class="youtube-container"><iframe class="youtube-video" src="https://www.youtube.com/embed/abc${Math.floor(rand() * 99)}" allowfullscreen></iframe></div>\n`,
  () => `![Figure ${Math.floor(rand() * 9)}: ${pick(WORDS)}](https://example.org/fig.png)\nFigure caption under the image\n`,
  () => `${sentence()}\n## Heading right after a paragraph\n${sentence()}\n`,
  () => `${sentence()}\n#NoSpace heading attempt\n`,
  () => `Setext ${pick(WORDS)} Title\n===\n\n${sentence()}\n`,
  () => `Another ${pick(WORDS)} Subtitle\n---------\n\n${sentence()}\n`,
  () => `${sentence()}  \n${sentence()}\\\n${sentence()}\n`,
  () => `\`\`\`\n# not a heading\n{: .not-an-ial}\n<sup>9</sup> not a note\n\`\`\`\n`,
  () => `### Explicit ${pick(WORDS)} {#explicit-${Math.floor(rand() * 5)}}\n${sentence()}\n`,
  () => `### IAL id heading\n{: #ial-${Math.floor(rand() * 5)} .no_toc}\n`,
  () => `<div class="box" markdown="1">\n### Boxed ${pick(WORDS)}\n<div markdown="1">\n*Nested* ${sentence()}\n{: .inner}\n</div>\n</div>\n`,
  () => `<details markdown="1">\n<summary>More</summary>\n\n${sentence()}\n</details>\n`,
  () => `${sentence()} *emphasis*{: .span-ial} and more.\n`,
  () => `{:ref-note: .fs-1 .grey}\n${sentence()}\n{: ref-note}\n`,
  () => `1. ${sentence()}\n{: .item-ial}\n2. ${sentence()}\n`,
  () => `HTML entities &amp; &copy; &#8212; and "straight" 'quotes' -- dashes --- and... dots <<guillemets>>.\n`,
  () => `${sentence()}\n***\n${sentence()}\n`,
  () => `Term ${pick(WORDS)}\n: A definition list entry.\n`,
  () => `<p class="raw">${sentence()}</p>\n\n`,
  () => `    indented code ${pick(WORDS)}\n\n${sentence()}\n`,
  () => `* * *\n\n${sentence()}\n`,
  () => `{::comment}\nThis is hidden ${pick(WORDS)}.\n{:/comment}\n`,
  // kramdown ends block HTML at its end tag; CommonMark keeps the next lines in the HTML block.
  () => `<iframe src="https://video.example.org/embed/${pick(WORDS)}" title="${pick(WORDS)}"></iframe>\n**Video:** ${sentence()} [Source](https://example.org/${pick(WORDS)})\n`,
  () => `<div class="caption">${pick(WORDS)}</div>\n*Photo:* ${sentence()}\n`,
  () => `<p align="center">${sentence()}</p>\n#### After A Raw ${pick(WORDS)} Paragraph\n${sentence()}\n`,
  () => `<h3 class="raw-h">Raw ${pick(WORDS)} Heading</h3> and **text** after it\n${sentence()}\n`,
  () => `<div markdown="1">\n<h3 style="color: grey">Your ${pick(WORDS)} Feedback</h3>\nPlease write to [the editors](https://example.org/editors).\n</div>\n`,
  () => `<table><tr><td>${pick(WORDS)}</td></tr></table>\n_Note:_ ${sentence()}\n`,
  () => `<hr>\n**${pick(WORDS)}** ${sentence()}\n`,
  () => `<img src="/assets/logo.svg" alt="${pick(WORDS)}">\n*Figure:* ${sentence()}\n`,
  () => `${sentence()}\n<iframe src="https://video.example.org/embed/mid" title="mid"></iframe>\n**Caption** ${sentence()}\n`,
  // kramdown's ATX headings start in column 1: an indented `#` line is a paragraph.
  () => ` #### *${pick(WORDS)} Centres*\n\n${sentence()}\n`,
  () => `${sentence()}\n  ## ${pick(WORDS)} inside a paragraph\n`,
  () => `${sentence()} ~~struck~~ and <https://example.org/${pick(WORDS)}> and a footnote[^k${Math.floor(rand() * 3)}].\n\n[^k${Math.floor(rand() * 3)}]: A kramdown footnote.\n`,
];
const extraBlock = () => (chance(0.85) ? pick(EXTRA_BLOCKS)() : `${para(2)}\n`);

function frontMatter(data) {
  const lines = ['---'];
  for (const [key, value] of Object.entries(data)) if (value !== undefined) lines.push(`${key}: ${value}`);
  lines.push('---');
  return lines.join('\n') + '\n';
}

rmSync(outDir, { recursive: true, force: true });
const write = (rel, text) => {
  const abs = path.join(outDir, rel);
  mkdirSync(path.dirname(abs), { recursive: true });
  writeFileSync(abs, text);
};

write(
  '_config.yml',
  [
    'title: Parity Papers  ',
    'description: Generated site for Jekyll parity checks',
    'baseurl: ""',
    'url: ""',
    'permalink: pretty',
    'exclude: ["tasks/", "Gemfile", "Gemfile.lock", "README.md", "docs/tests/"]',
    'nav_sort: case_sensitive',
    'heading_anchors: true',
    'kramdown:',
    '  syntax_highlighter_opts:',
    '    block:',
    '      line_numbers: false',
    '',
  ].join('\n'),
);
write('_layouts/default.html', '{{ content }}\n');
write('_layouts/page.html', '{{ content }}\n');
write('_layouts/home.html', '{{ content }}\n');
write('README.md', '# Not part of the site\n');
write('Gemfile', 'source "https://rubygems.org"\n');
write('CNAME', 'parity.example.org\n');
write('assets/logo.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>\n');
write('docs/tests/excluded.md', frontMatter({ layout: 'default', title: 'Excluded' }) + '# Excluded\n');
write('_drafts/draft.md', frontMatter({ layout: 'default', title: 'Draft' }) + '# Draft\n');
write('notes-without-front-matter.md', '# Copied as a static file\n');

write('index.md', frontMatter({ layout: 'home', title: 'Home', nav_order: 1, permalink: '/' }) + `# Parity Papers\n\n${para(2)}\n`);
write('About Us.md', frontMatter({ layout: 'page', title: 'About Us', nav_order: 2 }) + `## Who ${pick(WORDS)}\n${para(2)}\n`);
write('docs/index.md', frontMatter({ layout: 'default', title: 'Docs', nav_order: 3, has_children: true }) + `# Docs\n\n${para(1)}\n`);
write('docs/Custom.md', frontMatter({ layout: 'default', title: 'Custom Link', permalink: '/custom/path/' }) + `## Custom\n${para(1)}\n`);
write('docs/legacy.md', frontMatter({ layout: 'default', title: 'Legacy', permalink: '/legacy.html' }) + `## Legacy\n${para(1)}\n`);
write('docs/raw-page.html', frontMatter({ layout: 'default', title: 'Raw HTML Page' }) + `<h2 id="raw-heading">Raw</h2>\n<p>${sentence()}</p>\n`);
write('docs/Plain Page.markdown', frontMatter({ layout: 'default', title: 'Plain Page' }) + `Plain Page Heading\n==================\n\n${para(1)}\n`);

// Essays: letter pages with essays, each essay with chapters; notes numbered across the essay.
const letters = ['G', 'Politics', 'infrastructure'];
let written = 8;
let essayNo = 0;
while (written < pageCount) {
  const letter = letters[essayNo % letters.length];
  const slug = `${pick(WORDS)}-${pick(WORDS)}-study-${essayNo}`;
  const essayTitle = `§ The ${pick(WORDS)} ${pick(WORDS)} Study ${essayNo}`;
  const chapterCount = Math.min(2 + Math.floor(rand() * 5), pageCount - written);
  const chapters = Array.from({ length: chapterCount }, (_, i) => ({ title: `${i + 1} ${pick(WORDS)} ${pick(WORDS)}`, url: `/docs/${letter}/${slug}-${i + 1}/` }));
  if (essayNo < letters.length) {
    write(`docs/${letter}/${letter}.md`, frontMatter({ layout: 'default', title: letter, nav_order: essayNo + 10, has_children: true }) + `# ${letter}\n`);
    written++;
  }
  const ctx = {
    note: 0,
    style: pick(NOTE_STYLES),
    wrap: pick(['direct', 'blank', 'none', 'direct']),
    notesAtEnd: chance(0.25),
    pending: [],
    chapters,
  };
  write(`docs/${letter}/${slug}.md`, frontMatter({ layout: 'default', title: `${essayTitle} `, parent: letter, nav_order: essayNo, has_children: true }) + `${para(2)}\n`);
  written++;
  chapters.forEach((chapter, i) => {
    const data = { layout: 'default', title: `${chapter.title} `, parent: essayTitle, grand_parent: letter, nav_order: `${(i + 1) * 10} ` };
    write(`docs/${letter}/${slug}-${i + 1}.md`, frontMatter(data) + chapterBody(ctx, i));
    written++;
  });
  essayNo++;
}
// File names Jekyll cleans: trailing dots leave the URL, `..` becomes a folder.
write('docs/odd/index.md', frontMatter({ layout: 'default', title: 'Odd Names', nav_order: 4, has_children: true }) + `## Odd\n${para(1)}\n`);
write('docs/odd/data-protection..md', frontMatter({ layout: 'default', title: 'Data Protection', parent: 'Odd Names' }) + `## Data\n${para(1)}\n`);
write('docs/odd/v1.2..md', frontMatter({ layout: 'default', title: 'Version One Two', parent: 'Odd Names' }) + `## Version\n${para(1)}\n`);
write('docs/odd/report.2020.md', frontMatter({ layout: 'default', title: 'Report 2020', parent: 'Odd Names' }) + `## Report\n${para(1)}\n`);
written += 4;

// Many siblings sharing a nav_order: Just the Docs shows ties in Jekyll's page order (file name, then
// subfolders before files). Names are distinct except where that order does not depend on the file system.
write('docs/ties/index.md', frontMatter({ layout: 'default', title: 'Ties', nav_order: 5, has_children: true }) + `## Ties\n${para(1)}\n`);
const tieNames = ['zeta', 'Alpha', 'mid', 'beta', 'Omega', 'delta', 'kappa', 'Gamma', 'eta', 'iota', 'lambda', 'Epsilon'];
tieNames.forEach((name, i) => {
  const folder = i % 3 === 0 ? 'docs/ties/sub/' : 'docs/ties/';
  const order = i % 4 === 3 ? undefined : 1 + Math.floor(rand() * 3);
  write(`${folder}${name}.md`, frontMatter({ layout: 'default', title: `${pick(WORDS)} ${name} ${i}`, parent: 'Ties', nav_order: order }) + `${para(1)}\n`);
});
write('docs/ties/sub/same.md', frontMatter({ layout: 'default', title: 'Same In Sub', parent: 'Ties', nav_order: 2 }) + `${para(1)}\n`);
write('docs/ties/same.md', frontMatter({ layout: 'default', title: 'Same In Folder', parent: 'Ties', nav_order: 2 }) + `${para(1)}\n`);
written += tieNames.length + 3;

// The order Liquid gives each parent's children (numeric nav_order, then string nav_order, then by
// title), written out by Jekyll so compare.mjs can check Dossier's nav against it.
write(
  '_layouts/nav-order.html',
  [
    '{%- assign parents = site.html_pages | where: "has_children", true -%}',
    '{%- for parent in parents -%}',
    '{%- assign kids = site.html_pages | where: "parent", parent.title | where_exp: "k", "k.title != nil" -%}',
    '{%- assign ordered = kids | where_exp: "k", "k.nav_order != nil" -%}',
    '{%- assign untitled = kids | where_exp: "k", "k.nav_order == nil" | sort: "title" -%}',
    '{%- assign numbers = "" | split: "" -%}{%- assign strings = "" | split: "" -%}',
    '{%- for kid in ordered -%}{%- assign first = kid.nav_order | jsonify | slice: 0 -%}',
    '{%- if first == \'"\' -%}{%- assign strings = strings | push: kid -%}{%- else -%}{%- assign numbers = numbers | push: kid -%}{%- endif -%}',
    '{%- endfor -%}',
    '{%- assign numbers = numbers | sort: "nav_order" -%}{%- assign strings = strings | sort: "nav_order" -%}',
    '{{ parent.url }}:{% for kid in numbers %} {{ kid.url }}{% endfor %}{% for kid in strings %} {{ kid.url }}{% endfor %}{% for kid in untitled %} {{ kid.url }}{% endfor %}',
    '{% endfor -%}',
    '',
  ].join('\n'),
);
write('nav-order.txt', frontMatter({ layout: 'nav-order', permalink: '/nav-order.txt' }));

process.stdout.write(`wrote ${written} pages to ${outDir}\n`);
