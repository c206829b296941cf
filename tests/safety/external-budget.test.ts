/** `check --external` within a budget, and never into the local network unless asked. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkExternalLinks, isPrivateAddress } from '../../src/check/check-external-links.js';

let server: Server;
let base = '';
let requests = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    requests++;
    if (req.url?.startsWith('/hang')) return; // never answers
    setTimeout(() => res.writeHead(200).end('ok'), req.url?.startsWith('/slow') ? 150 : 0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('external links', () => {
  it('skips loopback, private and link-local addresses unless allowed, without a request', async () => {
    requests = 0;
    const lookup = async (host: string) => (host === 'intranet.example' ? ['192.168.4.20'] : ['93.184.216.34']);
    const urls = [`${base}/ok`, 'http://10.1.2.3/x', 'http://169.254.169.254/latest/meta-data/', 'http://[::1]:9/', 'http://localhost:9/', 'http://intranet.example/wiki'];
    const results = await checkExternalLinks(urls, { hostDelayMs: 0, timeoutMs: 300, retries: 0, lookup });
    for (const url of urls) expect(results.get(url)?.status, url).toBe('unchecked');
    expect(requests).toBe(0);
    const allowed = await checkExternalLinks([`${base}/ok`], { hostDelayMs: 0, timeoutMs: 300, retries: 0, allowPrivate: true });
    expect(allowed.get(`${base}/ok`)?.status).toBe('ok');
    expect(isPrivateAddress('8.8.8.8')).toBe(false);
    expect(isPrivateAddress('172.20.0.1')).toBe(true);
    expect(isPrivateAddress('fe80::1')).toBe(true);
  });

  it('stops asking a host after repeated timeouts: its other links are unchecked, not broken', async () => {
    requests = 0;
    const urls = Array.from({ length: 30 }, (_, i) => `${base}/hang/${i}`);
    const started = performance.now();
    const results = await checkExternalLinks(urls, { hostDelayMs: 0, timeoutMs: 200, retries: 1, backoffMs: 10, perHost: 2, allowPrivate: true, hostTimeoutLimit: 3 });
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(requests).toBeLessThanOrEqual(6);
    const statuses = urls.map((url) => results.get(url)?.status);
    expect(statuses.filter((s) => s === 'unchecked').length).toBeGreaterThanOrEqual(25);
    expect(statuses).not.toContain('broken');
    expect(results.get(urls[29] as string)?.reason).toMatch(/requests to 127\.0\.0\.1:\d+ timed out/);
  });

  it('keeps to an overall deadline: links not reached by then are unchecked', async () => {
    const urls = Array.from({ length: 40 }, (_, i) => `${base}/slow/${i}`);
    const started = performance.now();
    const results = await checkExternalLinks(urls, { hostDelayMs: 0, timeoutMs: 5_000, retries: 0, perHost: 1, allowPrivate: true, deadlineMs: 700 });
    expect(performance.now() - started).toBeLessThan(2_500);
    const statuses = urls.map((url) => results.get(url)?.status);
    expect(statuses.filter((s) => s === 'ok').length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s === 'unchecked').length).toBeGreaterThan(20);
    expect(results.get(urls[39] as string)?.reason).toMatch(/time budget/);
  });
});
