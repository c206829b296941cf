/**
 * Bytes a reader downloads for one search on a built site (see docs/search.md).
 * Usage: node scripts/search-bytes.mjs <built-site> <query> [<query> …]
 * Each query runs in a fresh Chromium context (cold cache) on the site's home page, asks for the data
 * of the first 8 results as the search dialog does, and counts what was downloaded after the page had
 * loaded, split into index files, result pages (HTML) and everything else.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { chromium } from 'playwright-core';

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css' };

function serve(root) {
  const server = createServer((req, res) => {
    let file = path.join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname));
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!existsSync(file)) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function run(browser, origin, query) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(origin + '/', { waitUntil: 'networkidle' });
  const bytes = { index: 0, html: 0, other: 0, pages: 0 };
  page.on('response', async (response) => {
    try {
      const size = (await response.body()).length;
      const url = new URL(response.url());
      if (url.pathname.includes('/search/')) bytes.index += size;
      else if ((response.headers()['content-type'] ?? '').startsWith('text/html')) {
        bytes.html += size;
        bytes.pages += 1;
      } else bytes.other += size;
    } catch {
      /* redirects and aborted requests have no body */
    }
  });
  const results = await page.evaluate(async (query) => {
    const s = await import(new URL('assets/search.js', document.baseURI.replace(/[^/]*$/, '')).href);
    const found = await s.search(query);
    return (await Promise.all(found.results.slice(0, 8).map((r) => r.data()))).length;
  }, query);
  await page.waitForTimeout(100);
  await context.close();
  return { results, ...bytes };
}

const [site, ...queries] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--headless'] });
const server = await serve(path.resolve(site));
const origin = `http://127.0.0.1:${server.address().port}`;
const kb = (n) => (n / 1024).toFixed(1);
let total = 0;
console.log('| query | results | index KB | pages fetched | page KB | total KB |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const query of queries) {
  const r = await run(browser, origin, query);
  const sum = r.index + r.html + r.other;
  total += sum;
  console.log(`| ${query} | ${r.results} | ${kb(r.index)} | ${r.pages} | ${kb(r.html)} | ${kb(sum)} |`);
}
console.log(`mean ${kb(total / queries.length)} KB per cold query`);
await browser.close();
server.close();
