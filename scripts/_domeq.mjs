import { readFileSync } from 'node:fs';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
const norm = (f) => toHtml(fromHtml(readFileSync(f, 'utf8')));
let same = 0, diff = 0;
for (const line of readFileSync(0, 'utf8').split('\n').filter(Boolean)) {
  const [, a, b] = /^Files (\S+) and (\S+) differ$/.exec(line) ?? [];
  if (!a) { console.log('other:', line); continue; }
  const x = norm(a), y = norm(b);
  if (x === y) same++; else { diff++; let i = 0; while (x[i] === y[i]) i++; console.log('DOM differs', a, '\n  old:', JSON.stringify(x.slice(i - 80, i + 120)), '\n  new:', JSON.stringify(y.slice(i - 80, i + 120))); }
}
console.log('dom-equal', same, 'dom-different', diff);
