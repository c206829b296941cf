/** Writes small Jekyll-style sites into temporary folders for tests. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

const made: string[] = [];

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** An empty temp folder, removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'dossier-test-'));
  made.push(dir);
  return dir;
}

/** Creates a temp folder holding `files` (path → text); removed after the test. */
export function tempSite(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [rel, text] of Object.entries(files)) {
    const abs = path.join(dir, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, text);
  }
  return dir;
}

/** Front matter plus body, as authors write pages. */
export function page(frontMatter: Record<string, string | number | boolean>, body = ''): string {
  const lines = Object.entries(frontMatter).map(([k, v]) => `${k}: ${typeof v === 'string' ? v : String(v)}`);
  return `---\n${lines.join('\n')}\n---\n${body}`;
}

/** Every file under `dir` (links followed) as text, by relative path with `/`. */
export function readTree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isDirectory()) continue;
    const abs = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, abs).split(path.sep).join('/'), readFileSync(abs, 'utf8'));
  }
  return files;
}
