import { writeFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startDevServer, type DevServer, type RebuildOutcome } from '../../src/serve/dev-server.js';
import { page, tempSite } from '../helpers/temp-site.js';

const servers: DevServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

function site(): string {
  return tempSite({
    '_config.yml': 'title: Dev Test\npermalink: pretty\nsearch_enabled: false\n',
    'index.md': page({ layout: 'home', title: 'Home', nav_order: 1 }, '\nWelcome to the quay.\n'),
    'docs/tides.md': page({ layout: 'default', title: 'Tides', nav_order: 2 }, '\n## Spring tides\n\nThe first draft talks about moorings.\n'),
    'pics/chart.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
  });
}

async function start(dir: string): Promise<DevServer> {
  const server = await startDevServer({ sourceDir: dir, port: 0, log: () => undefined });
  servers.push(server);
  return server;
}

async function get(url: string): Promise<{ status: number; type: string; body: string; location: string }> {
  const res = await fetch(url, { redirect: 'manual' });
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: await res.text(), location: res.headers.get('location') ?? '' };
}

/** Opens the event stream and collects event names as they arrive. */
function listen(url: string): { events: string[]; data: string[]; close: () => void; opened: Promise<void> } {
  const events: string[] = [];
  const data: string[] = [];
  let opened!: () => void;
  const openedPromise = new Promise<void>((resolve) => (opened = resolve));
  const req = request(new URL('/__dossier/events', url), (res) => {
    res.setEncoding('utf8');
    let buffer = '';
    opened();
    res.on('data', (chunk: string) => {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const name = /^event: (.*)$/m.exec(block)?.[1];
        if (name !== undefined) {
          events.push(name);
          data.push(/^data: (.*)$/m.exec(block)?.[1] ?? '');
        }
      }
    });
    res.on('error', () => undefined);
  });
  req.on('error', () => undefined);
  req.end();
  return { events, data, close: () => req.destroy(), opened: openedPromise };
}

function nextRebuild(server: DevServer): Promise<RebuildOutcome> {
  return new Promise((resolve) => {
    const off = server.onRebuild((outcome) => {
      off();
      resolve(outcome);
    });
  });
}

async function until(check: () => boolean): Promise<void> {
  // Generous: the suite runs files in parallel on two cores, so a rebuild can take seconds.
  for (let i = 0; i < 800 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
}

// File-watch events can be late when the whole suite loads both cores; a retry keeps a slow
// machine from failing CI while a real regression still fails every attempt.
describe('dossier dev', { timeout: 60_000, retry: 2 }, () => {
  it('serves pretty URLs, static files and a 404 page, with the reload script in HTML only', async () => {
    const server = await start(site());
    const home = await get(server.url);
    expect(home.status).toBe(200);
    expect(home.type).toMatch(/^text\/html/);
    expect(home.body).toContain('Welcome to the quay.');
    expect(home.body).toContain('/__dossier/events');
    const tides = await get(new URL('docs/tides/', server.url).href);
    expect(tides.body).toContain('The first draft talks about moorings.');
    const bare = await get(new URL('docs/tides', server.url).href);
    expect(bare.status).toBe(301);
    expect(bare.location).toBe('/docs/tides/');
    const svg = await get(new URL('pics/chart.svg', server.url).href);
    expect(svg.type).toBe('image/svg+xml');
    expect(svg.body).not.toContain('__dossier');
    expect((await get(new URL('no/such/page/', server.url).href)).status).toBe(404);
    // The built files themselves never carry the script.
    const built = server.site().files.get('docs/tides/index.html');
    expect(String(built)).not.toContain('/__dossier/events');
  });

  it('rebuilds on an edit, sends a reload event and serves the new text', async () => {
    const dir = site();
    const server = await start(dir);
    const stream = listen(server.url);
    await stream.opened;
    const rebuilt = nextRebuild(server);
    writeFileSync(path.join(dir, 'docs/tides.md'), page({ layout: 'default', title: 'Tides', nav_order: 2 }, '\n## Spring tides\n\nThe second draft adds the lock gates.\n'));
    expect((await rebuilt).served).toBe(true);
    await until(() => stream.events.includes('reload'));
    expect(stream.events).toContain('reload');
    expect((await get(new URL('docs/tides/', server.url).href)).body).toContain('The second draft adds the lock gates.');
    stream.close();
  });

  it('keeps serving the last good page and reports a broken front matter with its line', async () => {
    const dir = site();
    const server = await start(dir);
    const stream = listen(server.url);
    await stream.opened;
    const rebuilt = nextRebuild(server);
    writeFileSync(path.join(dir, 'docs/tides.md'), '---\nlayout: default\ntitle: [Tides\nnav_order: 2\n---\n\nBroken text that must not be served.\n');
    const outcome = await rebuilt;
    expect(outcome.served).toBe(false);
    expect(outcome.problems.join('\n')).toMatch(/docs\/tides\.md:\d+/);
    await until(() => stream.events.includes('problem'));
    expect(stream.events).toContain('problem');
    expect(stream.events).not.toContain('reload');
    expect(stream.data.join('\n')).toContain('docs/tides.md');
    const served = await get(new URL('docs/tides/', server.url).href);
    expect(served.body).toContain('The first draft talks about moorings.');
    expect(served.body).not.toContain('Broken text');

    // Fixing it serves the new version and reloads.
    const fixed = nextRebuild(server);
    writeFileSync(path.join(dir, 'docs/tides.md'), page({ layout: 'default', title: 'Tides', nav_order: 2 }, '\nRepaired text.\n'));
    expect((await fixed).served).toBe(true);
    await until(() => stream.events.includes('reload'));
    expect((await get(new URL('docs/tides/', server.url).href)).body).toContain('Repaired text.');
    stream.close();
  });

  it('shuts down: the port stops answering and event streams end', async () => {
    const server = await startDevServer({ sourceDir: site(), port: 0, log: () => undefined });
    const stream = listen(server.url);
    await stream.opened;
    await server.close();
    await expect(fetch(server.url)).rejects.toThrow();
  });
});
