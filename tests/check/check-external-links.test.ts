import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { checkExternalLinks, type ExternalCheckOptions } from '../../src/check/check-external-links.js';
import { checkSite } from '../../src/check/check-site.js';

/** Every request the local server saw, as `METHOD /path`. */
let seen: string[] = [];
let inFlight = 0;
let maxInFlight = 0;
let flakyFailuresLeft = 0;

function handle(req: IncomingMessage, res: ServerResponse): void {
  seen.push(`${req.method} ${req.url}`);
  const send = (code: number) => {
    res.writeHead(code, { 'content-type': 'text/html' });
    res.end(req.method === 'HEAD' ? undefined : '<p>hello</p>');
  };
  switch (req.url) {
    case '/ok':
      return send(200);
    case '/gone':
      return send(404);
    case '/removed':
      return send(410);
    case '/no-head':
      return send(req.method === 'HEAD' ? 405 : 200);
    case '/down':
      return send(503);
    case '/flaky':
      if (flakyFailuresLeft > 0) {
        flakyFailuresLeft--;
        return send(503);
      }
      return send(200);
    case '/slow':
      return; // never answers: the client must time out
    default:
      if (req.url?.startsWith('/busy/') === true) {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        setTimeout(() => {
          inFlight--;
          send(200);
        }, 40);
        return;
      }
      send(404);
  }
}

let server: Server;
let base: string;
let closedPortUrl: string;
let tmp: string;

beforeAll(async () => {
  server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  closedPortUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/`;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  seen = [];
  inFlight = 0;
  maxInFlight = 0;
  flakyFailuresLeft = 0;
  tmp = mkdtempSync(path.join(os.tmpdir(), 'dossier-external-'));
  return () => rmSync(tmp, { recursive: true, force: true });
});

/** Fast settings: no politeness pause, short timeout and backoff; the local test server is allowed and may time out often. */
const fast: ExternalCheckOptions = { hostDelayMs: 0, timeoutMs: 300, backoffMs: 10, retries: 2, allowPrivate: true, hostTimeoutLimit: 100 };

describe('checkExternalLinks against local servers', () => {
  test('tells working, broken and unreachable links apart', async () => {
    const results = await checkExternalLinks([`${base}/ok`, `${base}/gone`, `${base}/removed`, `${base}/down`, `${base}/slow`, closedPortUrl], fast);
    const summary = (url: string) => {
      const r = results.get(url)!;
      return `${r.status} ${r.reason}`;
    };
    expect(summary(`${base}/ok`)).toBe('ok 200 OK');
    expect(summary(`${base}/gone`)).toBe('broken 404 Not Found');
    expect(summary(`${base}/removed`)).toBe('broken 410 Gone');
    expect(summary(`${base}/down`)).toBe('unreachable 503 Service Unavailable');
    expect(summary(`${base}/slow`)).toBe('unreachable timed out after 0.3 s');
    expect(summary(closedPortUrl)).toBe('unreachable connection refused');
  });

  test('asks with HEAD first and falls back to GET when HEAD is refused', async () => {
    const results = await checkExternalLinks([`${base}/ok`, `${base}/no-head`], fast);
    expect(results.get(`${base}/no-head`)?.status).toBe('ok');
    expect(seen.filter((s) => s.endsWith('/ok'))).toEqual(['HEAD /ok']);
    expect(seen.filter((s) => s.endsWith('/no-head'))).toEqual(['HEAD /no-head', 'GET /no-head']);
  });

  test('retries a failing server with backoff and accepts a later success', async () => {
    flakyFailuresLeft = 3; // HEAD 503, GET 503 on the first attempt; HEAD 503, GET 200 on the second
    const results = await checkExternalLinks([`${base}/flaky`], fast);
    expect(results.get(`${base}/flaky`)?.status).toBe('ok');
    expect(seen).toEqual(['HEAD /flaky', 'GET /flaky', 'HEAD /flaky', 'GET /flaky']);
  });

  test('gives up after the configured retries', async () => {
    const results = await checkExternalLinks([`${base}/down`], { ...fast, retries: 1 });
    expect(results.get(`${base}/down`)?.status).toBe('unreachable');
    expect(seen).toEqual(['HEAD /down', 'GET /down', 'HEAD /down', 'GET /down']);
  });

  test('a 404 is not retried', async () => {
    await checkExternalLinks([`${base}/gone`], fast);
    expect(seen).toEqual(['HEAD /gone', 'GET /gone']);
  });

  test('checks each URL once, ignoring fragments', async () => {
    const results = await checkExternalLinks([`${base}/ok#a`, `${base}/ok#b`, `${base}/ok`], fast);
    expect([...results.keys()]).toEqual([`${base}/ok`]);
    expect(seen).toEqual(['HEAD /ok']);
  });

  test('never has more than perHost requests in flight to one host', async () => {
    const urls = Array.from({ length: 8 }, (_, i) => `${base}/busy/${i}`);
    const results = await checkExternalLinks(urls, { ...fast, perHost: 2, concurrency: 8 });
    expect([...results.values()].every((r) => r.status === 'ok')).toBe(true);
    expect(maxInFlight).toBe(2);
  });

  test('answers from the cache until it is older than the max age; never caches "could not reach"', async () => {
    const cacheFile = path.join(tmp, 'cache', 'external-links.json');
    let now = 1_000_000;
    const options = { ...fast, cacheFile, maxAgeMs: 60_000, now: () => now };
    await checkExternalLinks([`${base}/ok`, `${base}/gone`, `${base}/down`], { ...options, retries: 0 });
    expect(Object.keys(JSON.parse(readFileSync(cacheFile, 'utf8')).entries).sort()).toEqual([`${base}/gone`, `${base}/ok`]);

    seen = [];
    now += 30_000;
    const second = await checkExternalLinks([`${base}/ok`, `${base}/gone`, `${base}/down`], { ...options, retries: 0 });
    expect(second.get(`${base}/ok`)).toMatchObject({ status: 'ok', fromCache: true });
    expect(second.get(`${base}/gone`)).toMatchObject({ status: 'broken', fromCache: true });
    expect(seen).toEqual(['HEAD /down', 'GET /down']);

    seen = [];
    now += 60_000;
    const third = await checkExternalLinks([`${base}/ok`], options);
    expect(third.get(`${base}/ok`)).toMatchObject({ status: 'ok', fromCache: false });
    expect(seen).toEqual(['HEAD /ok']);
  });

  test('a damaged cache file is ignored, not fatal', async () => {
    const cacheFile = path.join(tmp, 'external-links.json');
    writeFileSync(cacheFile, '{ not json');
    const results = await checkExternalLinks([`${base}/ok`], { ...fast, cacheFile });
    expect(results.get(`${base}/ok`)?.status).toBe('ok');
  });
});

describe('dossier check --external', () => {
  function writeSite(): string {
    const site = path.join(tmp, 'site');
    mkdirSync(site);
    writeFileSync(path.join(site, '_config.yml'), 'title: Outside\npermalink: pretty\n');
    writeFileSync(
      path.join(site, 'index.md'),
      ['---', 'title: Home', '---', `Sources: [a](${base}/ok), [b](${base}/gone),`, `<a href="${base}/down">c</a>.`, ''].join('\n'),
    );
    return site;
  }

  test('reports broken links as errors and unreachable ones as warnings, at their source lines', async () => {
    const site = writeSite();
    const result = await checkSite({ sourceDir: site, external: true, externalOptions: { ...fast, retries: 0, cacheFile: undefined } });
    expect(result.findings.map((f) => `${f.line}:${f.column} ${f.severity} ${f.rule}`)).toEqual([
      // `[b](` follows `Sources: [a](<base>/ok), ` on line 4.
      `4:${'Sources: [a]('.length + base.length + '/ok), '.length + 1} error links/external-broken`,
      '5:4 warning links/external-unreachable',
    ]);
  });

  test('without --external no request is made', async () => {
    const site = writeSite();
    const result = await checkSite({ sourceDir: site });
    expect(result.findings).toEqual([]);
    expect(seen).toEqual([]);
  });
});
