/**
 * What a build made each output file from, kept beside the render cache: the key (a digest of the
 * file's inputs), what laying it out reported, and the size and time the file had when written. A
 * rebuild whose key is unchanged, over a file nobody touched since, keeps the file without laying
 * the page out again.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.js';

export interface ManifestEntry {
  key: string;
  /** sha256 of the file's bytes (see laid-out-store.ts); missing in manifests written before the store. */
  digest?: string;
  diagnostics?: readonly Diagnostic[];
  size: number;
  mtimeMs: number;
}

/** Output path → entry. */
export type OutputManifest = Map<string, ManifestEntry>;

/** The manifest at `file`; empty when it is missing or unreadable (every file is then made afresh). */
export function readManifest(file: string): OutputManifest {
  try {
    const entries = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    return Array.isArray(entries) ? new Map(entries as Array<[string, ManifestEntry]>) : new Map();
  } catch {
    return new Map();
  }
}

/** Replaces the manifest at `file` in one rename. A manifest that cannot be written only costs the next build its reuse. */
export function writeManifest(file: string, entries: OutputManifest): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.tmp-${process.pid}`;
    writeFileSync(tmp, JSON.stringify([...entries]));
    renameSync(tmp, file);
  } catch {
    // Nothing is lost: the site itself is committed.
  }
}
