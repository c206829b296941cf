/**
 * Atomic publishing, tested by force: real `dossier build` children over a 500-page site are killed
 * with SIGKILL at many moments (starting, rendering, writing, and the instant the output starts to
 * change), and after every kill the
 * output path must be one complete site of one version, never a mix or a part.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, watch, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { page, tempDir } from '../helpers/temp-site.js';
import { BIN } from './cli.js';

const PAGES = 500;
const KILLS = 50;

/** Writes a site of `PAGES` pages: letters, essays of six chapters; returns the source folder. */
function generateSite(root: string): string {
  const site = path.join(root, 'site');
  let written = 0;
  for (let letter = 0; written < PAGES; letter++) {
    const letterTitle = `Letter ${letter}`;
    const write = (rel: string, text: string) => {
      mkdirSync(path.dirname(path.join(site, rel)), { recursive: true });
      writeFileSync(path.join(site, rel), text);
      written++;
    };
    write(`docs/l${letter}/index.md`, page({ title: letterTitle, has_children: true, nav_order: letter }, `Essays under ${letter}.\n`));
    for (let essay = 0; essay < 4 && written < PAGES; essay++) {
      const essayTitle = `Essay ${letter}.${essay}`;
      write(`docs/l${letter}/e${essay}/index.md`, page({ title: essayTitle, parent: letterTitle, has_children: true }, `An essay.[^1]\n\n[^1]: A note.\n`));
      for (let chapter = 0; chapter < 6 && written < PAGES; chapter++) {
        const body = `## Part ${chapter}\n\nText of chapter ${chapter} with *emphasis* and a [link](../).\n`;
        write(`docs/l${letter}/e${essay}/c${chapter}.md`, page({ title: `Chapter ${letter}.${essay}.${chapter}`, parent: essayTitle, grand_parent: letterTitle, nav_order: chapter }, body));
      }
    }
  }
  return site;
}

/** Sets the version every page shows (the site title is in each page's head). */
function setVersion(site: string, version: number): void {
  writeFileSync(path.join(site, '_config.yml'), `title: Kill Test v${version}\n`);
}

/** The one version every page of the output shows, or a description of what is wrong. */
function siteVersion(out: string, expectedFiles: readonly string[] | undefined): number | string {
  let files: string[];
  try {
    files = readdirSync(out, { recursive: true }).map(String).filter((name) => name.endsWith('.html')).sort();
  } catch (error) {
    return `no site: ${(error as Error).message}`;
  }
  if (expectedFiles !== undefined && files.join('\n') !== expectedFiles.join('\n')) return `${files.length} pages instead of ${expectedFiles.length}`;
  const versions = new Set(files.map((name) => /Kill Test v(\d+)/.exec(readFileSync(path.join(out, name), 'utf8'))?.[1] ?? 'none'));
  if (versions.size !== 1) return `mixed versions: ${[...versions].join(', ')}`;
  return Number([...versions][0]);
}

/**
 * Runs a build, killing it with SIGKILL after `killAfterMs`, or (`onChange`) as soon as anything in the
 * output changes, unless it ends first; resolves to how it ended.
 */
function buildAndKill(cwd: string, site: string, out: string, killAfterMs: number, onChange = false): Promise<'killed' | 'finished'> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'build', '--source', site, '--out', out], { cwd, stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    // The first change a reader could see is the moment publishing starts: the likeliest to expose a partial commit.
    const watcher = onChange ? watch(out, { recursive: true }, () => child.kill('SIGKILL')) : undefined;
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      watcher?.close();
      clearTimeout(timer);
      if (signal === 'SIGKILL') resolve('killed');
      else if (code === 0) resolve('finished');
      else reject(new Error(`build exited with ${code}`));
    });
  });
}

describe('a build killed at any moment', () => {
  it(`leaves a complete old or new site after each of ${KILLS} kills`, { timeout: 600_000 }, async () => {
    const root = tempDir();
    const site = generateSite(root);
    const out = path.join(site, '_site');
    setVersion(site, -1);
    expect(await buildAndKill(root, site, out, 600_000)).toBe('finished');
    // Later builds reuse rendered Markdown (only the title changes), so a warm build is what the kills interrupt.
    setVersion(site, 0);
    const t0 = performance.now();
    expect(await buildAndKill(root, site, out, 600_000)).toBe('finished');
    const fullMs = performance.now() - t0;
    const expectedFiles = readdirSync(out, { recursive: true }).map(String).filter((name) => name.endsWith('.html')).sort();
    expect(expectedFiles.length).toBeGreaterThanOrEqual(PAGES);
    let published = 0;
    const outcomes = { killed: 0, finished: 0 };
    for (let kill = 1; kill <= KILLS; kill++) {
      setVersion(site, kill);
      // Odd kills are spread over the whole build and a little past it; even ones strike when the output first changes.
      const onChange = kill % 2 === 0;
      const delay = onChange ? Math.round(fullMs * 2) : Math.round((fullMs * 1.1 * kill) / KILLS);
      outcomes[await buildAndKill(root, site, out, delay, onChange)]++;
      const version = siteVersion(out, expectedFiles);
      expect([published, kill], `after kill ${kill} (${onChange ? 'on change' : `at ${delay} ms`}): ${version}`).toContain(version);
      published = version as number;
    }
    // Most builds were really interrupted, and the next complete build still publishes.
    console.log(`warm build ${Math.round(fullMs)} ms; ${outcomes.killed} killed, ${outcomes.finished} finished`);
    expect(outcomes.killed).toBeGreaterThanOrEqual(KILLS * 0.7);
    setVersion(site, KILLS + 1);
    expect(await buildAndKill(root, site, out, 600_000)).toBe('finished');
    expect(siteVersion(out, expectedFiles)).toBe(KILLS + 1);
    expect(readdirSync(`${out}.dossier`).filter((name) => name !== 'lock')).toHaveLength(1);
  });
});
