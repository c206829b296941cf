/** kramdown's typographic conversions (smart quotes, dashes, ellipsis, guillemets) applied to text nodes. */
import type { Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { SKIP, walk, type WalkResult } from '../walk.js';
import type { VFile } from 'vfile';

const WORTH_A_LOOK = /['"]|--|\.\.\.|<<|>>/;
const QUOTE = /['"]/g;
const SYMBOLS = /---|--|\.\.\.|<< | >>|<<|>>/g;
const SYMBOL_TEXT: Record<string, string> = {
  '---': '\u2014',
  '--': '\u2013',
  '...': '\u2026',
  '<< ': '\u00ab\u00a0',
  ' >>': '\u00a0\u00bb',
  '<<': '\u00ab',
  '>>': '\u00bb',
};

type Quote = 'open' | 'close';
// kramdown's SQ_RULES in order, each tried at the scan position: [pattern, output per group].
const PUNCT = `[!"#$%'()*+,\\-./:;<=>?@\\[\\\\\\]^_\`{|}~]`;
const RULES: [RegExp, (string | Quote | number)[]][] = [
  [/(["'])(?=[_*]{1,2}\S)/y, ['open']],
  [new RegExp(`(["'])(?=${PUNCT}(?!\\.\\.)\\B)`, 'y'), ['close']],
  [/(\s?)"'(?=\w)/y, [1, '\u201c', '\u2018']],
  [/(\s?)'"(?=\w)/y, [1, '\u2018', '\u201c']],
  [/(\s?)'(?=\d\ds)/y, [1, '\u2019']],
  [/(\s)(['"])(?=\w)/y, [1, 'open']],
  [/([^ \\\t\r\n[{(-])(['"])/y, [1, 'close']],
  [/(["'])(?=\s|s\b|$)/y, ['close']],
  [/(.?)'/sy, [1, '\u2018']],
  [/(.?)"/sy, [1, '\u201c']],
];

/** Converts one run of text as kramdown's span parser would, a quote at a time. */
export function kramdownTypography(text: string): string {
  if (!WORTH_A_LOOK.test(text)) return text;
  const s = text.replace(SYMBOLS, (symbol) => SYMBOL_TEXT[symbol] ?? symbol);
  let out = '';
  let i = 0;
  while (i < s.length) {
    QUOTE.lastIndex = i;
    const found = QUOTE.exec(s);
    if (found === null) {
      out += s.slice(i);
      break;
    }
    const q = found.index;
    // kramdown's span scanner stops one character early so the rules can look at what precedes the quote.
    const start = q - 1 >= i && s[q - 1] !== '\\' ? q - 1 : q;
    out += s.slice(i, start);
    i = start;
    for (const [pattern, output] of RULES) {
      pattern.lastIndex = start;
      const match = pattern.exec(s);
      if (!match) continue;
      for (const part of output) {
        if (typeof part === 'number') out += match[part] ?? '';
        else if (part === 'open' || part === 'close') {
          const mark = match[match.length - 1];
          out += mark === '"' ? (part === 'open' ? '\u201c' : '\u201d') : part === 'open' ? '\u2018' : '\u2019';
        } else out += part;
      }
      i = start + match[0].length;
      break;
    }
    if (i === start) {
      out += s[i];
      i++;
    }
  }
  return out;
}

/** Applies kramdownTypography to prose text (never code or bare-URL links) and refreshes recorded heading text. */
export default function remarkTypography() {
  return (tree: Root, file: VFile) => {
    const headings = file.data.headings ?? [];
    let index = 0;
    walk<Nodes>(tree, (node) => {
      if (node.type !== 'heading') return convert(node);
      walk<Nodes>(node, convert);
      // Recorded heading text (for "On this page") follows the converted text.
      const heading = headings[index++];
      if (heading !== undefined) heading.text = toString(node);
      return SKIP;
    });
  };
}

function convert(node: Nodes): WalkResult {
  if (node.type === 'link' && node.children.length === 1 && node.children[0]?.type === 'text') {
    const label = node.children[0].value;
    // Autolinked URLs keep their characters: `---` in a URL is not a dash.
    if (node.url === label || node.url.endsWith(`//${label}`) || node.url === `mailto:${label}`) return SKIP;
  }
  if (node.type === 'text') node.value = kramdownTypography(node.value);
  return undefined;
}
