import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiskWriter, MemoryWriter } from '../../src/write/writer.js';
import { tempSite } from '../helpers/temp-site.js';

describe('DiskWriter', () => {
  it('shows nothing at the destination until commit, then replaces the old site whole', () => {
    const root = tempSite({ '_site/old.html': 'old', 'src.txt': 'copied' });
    const out = path.join(root, '_site');
    const writer = new DiskWriter(out);
    writer.write('docs/a/index.html', '<p>new</p>');
    writer.copy('files/src.txt', path.join(root, 'src.txt'));
    expect(readFileSync(path.join(out, 'old.html'), 'utf8')).toBe('old');
    expect(existsSync(path.join(out, 'docs'))).toBe(false);
    writer.commit();
    expect(existsSync(path.join(out, 'old.html'))).toBe(false);
    expect(readFileSync(path.join(out, 'docs/a/index.html'), 'utf8')).toBe('<p>new</p>');
    expect(readFileSync(path.join(out, 'files/src.txt'), 'utf8')).toBe('copied');
    expect(readdirSync(root).sort()).toEqual(['_site', 'src.txt']);
  });

  it('leaves the previous site untouched and no staging folder when aborted', () => {
    const root = tempSite({ '_site/index.html': 'previous' });
    const out = path.join(root, '_site');
    const writer = new DiskWriter(out);
    writer.write('index.html', 'half-built');
    writer.abort();
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('previous');
    expect(readdirSync(root)).toEqual(['_site']);
  });
});

describe('MemoryWriter', () => {
  it('holds committed files and drops aborted ones', () => {
    const writer = new MemoryWriter();
    writer.write('a.html', 'A');
    writer.commit();
    writer.write('b.html', 'B');
    writer.abort();
    expect([...writer.files.keys()]).toEqual(['a.html']);
    expect(writer.text('a.html')).toBe('A');
  });
});
