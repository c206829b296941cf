/**
 * Side-by-side measurement of Dossier's search and Pagefind on one built site (see docs/search.md).
 * Usage: node scripts/compare-search.mjs <dossier-site> <same-site-with-pagefind/>
 * Pagefind is installed outside the project (e.g. `cd /tmp/pf && npm i pagefind`, then
 * `npx pagefind --site <copy>`); it is never a dependency. Each query runs in a fresh browser context
 * (cold cache) and asks for the data of the first 8 results, as both UIs do; bytes are what the
 * browser downloaded after the page had loaded.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { chromium } from 'playwright-core';

/** Each query with the page a reader most likely wants (its URL path), judged by reading the demo. */
export const QUERIES = [
  ['war risk premium', '/docs/G/Grain-Corridors-and-War-Risk-Insurance-1/'],
  ['reinsurance backstop', '/docs/G/Grain-Corridors-and-War-Risk-Insurance-3/'],
  ['convoy escort', '/docs/G/Grain-Corridors-and-War-Risk-Insurance-2/'],
  ['insurers', '/docs/G/Grain-Corridors-and-War-Risk-Insurance-3/'],
  ['northern lane', '/docs/G/Grain-Corridors-and-War-Risk-Insurance-2/'],
  ['recommendations grain', '/docs/G/Grain-Corridors-and-War-Risk-Insurance-4/'],
  ['fare capping', '/docs/T/Transit-Fare-Capping/'],
  ['weekly pass', '/docs/T/Transit-Fare-Capping/'],
  ['low income riders', '/docs/T/Transit-Fare-Capping/'],
  ['prior appropriation', '/docs/W/Water-Rights-and-Municipal-Drought-Planning-2/'],
  ['aquifer', '/docs/W/Water-Rights-and-Municipal-Drought-Planning-3/'],
  ['drought lessons', '/docs/W/Water-Rights-and-Municipal-Drought-Planning-3/'],
  ['water board objections', '/docs/W/Water-Rights-and-Municipal-Drought-Planning-4/'],
  ['timing', '/docs/W/Water-Rights-and-Municipal-Drought-Planning-1/'],
  ['citation format', '/about/citing/'],
  ['colophon', '/about/colophon/'],
  ['editorial standards', '/about/editorial-standards/'],
  // Forms and typos a prefix search misses:
  ['insuring', '/docs/G/Grain-Corridors-and-War-Risk-Insurance-3/'],
  ['reinsurence', '/docs/G/Grain-Corridors-and-War-Risk-Insurance-3/'],
  ['appropriations', '/docs/W/Water-Rights-and-Municipal-Drought-Planning-2/'],
];

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.json': 'application/json', '.css': 'text/css', '.wasm': 'application/wasm' };

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

async function run(browser, origin, engine, query) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(origin + '/about/');
  let bytes = 0;
  page.on('response', async (response) => {
    try {
      bytes += (await response.body()).length;
    } catch {
      /* redirects and aborted requests have no body */
    }
  });
  const urls = await page.evaluate(
    async ([engine, query]) => {
      if (engine === 'dossier') {
        const s = await import('/assets/search.js');
        await s.init();
        const found = await s.search(query);
        const pages = await Promise.all(found.results.slice(0, 8).map((r) => r.data()));
        return pages.map((p) => p.url);
      }
      const pf = await import('/pagefind/pagefind.js');
      const found = await pf.search(query);
      const pages = await Promise.all(found.results.slice(0, 8).map((r) => r.data()));
      return pages.map((p) => p.url.replace(/index\.html$/, ''));
    },
    [engine, query],
  );
  await page.waitForTimeout(100);
  await context.close();
  return { urls, bytes };
}

const [dossierSite, pagefindSite] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--headless'] });
const servers = { dossier: await serve(path.resolve(dossierSite)), pagefind: await serve(path.resolve(pagefindSite)) };
const totals = { dossier: { rr: 0, top1: 0, bytes: 0 }, pagefind: { rr: 0, top1: 0, bytes: 0 } };
console.log('| query | wanted page | Dossier rank | Pagefind rank | Dossier KB | Pagefind KB |');
console.log('| --- | --- | ---: | ---: | ---: | ---: |');
for (const [query, wanted] of QUERIES) {
  const row = [];
  for (const engine of ['dossier', 'pagefind']) {
    const origin = `http://127.0.0.1:${servers[engine].address().port}`;
    const { urls, bytes } = await run(browser, origin, engine, query);
    const rank = urls.findIndex((u) => u.split('#')[0] === wanted) + 1;
    totals[engine].rr += rank === 0 ? 0 : 1 / rank;
    totals[engine].top1 += rank === 1 ? 1 : 0;
    totals[engine].bytes += bytes;
    row.push({ rank, bytes });
  }
  console.log(`| ${query} | ${wanted} | ${row[0].rank || '–'} | ${row[1].rank || '–'} | ${(row[0].bytes / 1024).toFixed(1)} | ${(row[1].bytes / 1024).toFixed(1)} |`);
}
for (const engine of ['dossier', 'pagefind']) {
  const t = totals[engine];
  console.log(`${engine}: top-1 ${t.top1}/${QUERIES.length}, MRR ${(t.rr / QUERIES.length).toFixed(2)}, mean ${(t.bytes / QUERIES.length / 1024).toFixed(1)} KB per cold query`);
}
await browser.close();
for (const s of Object.values(servers)) s.close();
