import { existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OWNERSHIP_MARKER } from '../../src/write/output-ownership.js';
import { DiskWriter, MemoryWriter } from '../../src/write/writer.js';
import { tempSite } from '../helpers/temp-site.js';

describe('DiskWriter', () => {
  it('shows nothing at the destination until commit, then replaces the old site whole', () => {
    const root = tempSite({ [`_site/${OWNERSHIP_MARKER}`]: '', '_site/old.html': 'old', 'src.txt': 'copied' });
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
    expect(readdirSync(root).sort()).toEqual(['_site', '_site.dossier', 'src.txt']);
    expect(readdirSync(path.join(root, '_site.dossier')).filter((n) => !n.startsWith('site-'))).toEqual([]);
  });

  it('leaves the previous site untouched and no staging folder when aborted', () => {
    const root = tempSite({ [`_site/${OWNERSHIP_MARKER}`]: '', '_site/index.html': 'previous' });
    const out = path.join(root, '_site');
    const writer = new DiskWriter(out);
    writer.write('index.html', 'half-built');
    writer.abort();
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('previous');
    expect(readdirSync(root)).toEqual(['_site']);
  });
});

describe('reading the staged site before it is published (the PDF step prints from it)', () => {
  it('gives what this build wrote, copied or kept, and nothing else', () => {
    const root = tempSite({ [`_site/${OWNERSHIP_MARKER}`]: '', '_site/same.html': 'same', '_site/old.html': 'old', 'src.txt': 'copied' });
    const out = path.join(root, '_site');
    const writer = new DiskWriter(out);
    writer.write('docs/a/index.html', '<p>new</p>');
    writer.write('same.html', 'same');
    writer.copy('files/src.txt', path.join(root, 'src.txt'));
    const text = (rel: string) => {
      const bytes = writer.read(rel);
      return bytes === undefined ? undefined : Buffer.from(bytes).toString('utf8');
    };
    expect([text('docs/a/index.html'), text('same.html'), text('files/src.txt')]).toEqual(['<p>new</p>', 'same', 'copied']);
    // The published site's own file is not part of the new one, nor a path outside it.
    expect(text('old.html')).toBeUndefined();
    expect(text('../src.txt')).toBeUndefined();
    writer.abort();
  });

  it('works the same in memory', () => {
    const writer = new MemoryWriter();
    writer.write('a.html', 'A');
    expect(Buffer.from(writer.read('a.html') ?? []).toString('utf8')).toBe('A');
    expect(writer.read('b.html')).toBeUndefined();
  });
});

describe('DiskWriter over an existing site', () => {
  const longAgo = new Date('2001-02-03T04:05:06Z');

  it('rewrites only files whose bytes changed and deletes files the build no longer makes', () => {
    const root = tempSite({ [`_site/${OWNERSHIP_MARKER}`]: '', '_site/same.html': 'same', '_site/edited.html': 'before', '_site/gone/index.html': 'gone' });
    const out = path.join(root, '_site');
    utimesSync(path.join(out, 'same.html'), longAgo, longAgo);
    const writer = new DiskWriter(out);
    writer.write('same.html', 'same');
    writer.write('edited.html', 'after');
    writer.write('new/index.html', 'new');
    expect(readFileSync(path.join(out, 'edited.html'), 'utf8')).toBe('before');
    writer.commit();
    expect(statSync(path.join(out, 'same.html')).mtime).toEqual(longAgo);
    expect(readFileSync(path.join(out, 'edited.html'), 'utf8')).toBe('after');
    expect(readFileSync(path.join(out, 'new/index.html'), 'utf8')).toBe('new');
    expect(existsSync(path.join(out, 'gone'))).toBe(false);
    expect(readdirSync(path.join(root, '_site.dossier')).filter((n) => !n.startsWith('site-'))).toEqual([]);
  });

  it('lets a file and a folder trade places', () => {
    const root = tempSite({ [`_site/${OWNERSHIP_MARKER}`]: '', '_site/a': 'file a', '_site/b/index.html': 'folder b' });
    const out = path.join(root, '_site');
    const writer = new DiskWriter(out);
    writer.write('a/index.html', 'folder a');
    writer.write('b', 'file b');
    writer.commit();
    expect(readFileSync(path.join(out, 'a/index.html'), 'utf8')).toBe('folder a');
    expect(readFileSync(path.join(out, 'b'), 'utf8')).toBe('file b');
  });

  it('copies a static file again only when its source changed', () => {
    const root = tempSite({ [`_site/${OWNERSHIP_MARKER}`]: '', '_site/x': '', 'photo.bin': 'pixels' });
    const out = path.join(root, '_site');
    const first = new DiskWriter(out);
    first.copy('img/photo.bin', path.join(root, 'photo.bin'));
    first.commit();
    const copied = statSync(path.join(out, 'img/photo.bin'));
    expect(Math.abs(copied.mtimeMs - statSync(path.join(root, 'photo.bin')).mtimeMs)).toBeLessThan(1);
    writeFileSync(path.join(root, 'photo.bin'), 'PIXELS');
    // Same size, so only the newer modification time tells the copies apart.
    utimesSync(path.join(root, 'photo.bin'), new Date(copied.mtimeMs + 5000), new Date(copied.mtimeMs + 5000));
    const second = new DiskWriter(out);
    second.copy('img/photo.bin', path.join(root, 'photo.bin'));
    second.commit();
    expect(readFileSync(path.join(out, 'img/photo.bin'), 'utf8')).toBe('PIXELS');
    expect(existsSync(path.join(out, 'x'))).toBe(false);
  });

  it('leaves every file as it was when the update is aborted', () => {
    const root = tempSite({ [`_site/${OWNERSHIP_MARKER}`]: '', '_site/index.html': 'previous', '_site/other.html': 'kept' });
    const out = path.join(root, '_site');
    const writer = new DiskWriter(out);
    writer.write('index.html', 'half-built');
    writer.abort();
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('previous');
    expect(readFileSync(path.join(out, 'other.html'), 'utf8')).toBe('kept');
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
