/** Warnings for `_config.yml` features Dossier deliberately does not render, so their absence is never silent. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import type { SiteConfig } from './site-config.js';

/** Keys Dossier reads but does not act on, with what readers see instead. */
const UNRENDERED: Readonly<Record<string, string>> = {
  mermaid: '`mermaid` diagrams are not drawn (the mermaid browser bundle is several megabytes of script); ```mermaid blocks show as code',
};

/** One `config/unsupported-key` warning per such key set in `_config.yml`, at the key's line. */
export function unrenderedFeatureWarnings(config: Pick<SiteConfig, 'raw' | 'sourceDir'>): Diagnostic[] {
  const keys = Object.keys(UNRENDERED).filter((key) => config.raw[key] !== undefined && config.raw[key] !== null && config.raw[key] !== false);
  if (keys.length === 0) return [];
  const file = path.join(config.sourceDir, '_config.yml');
  const lines = existsSync(file) ? readFileSync(file, 'utf8').split(/\r?\n/) : [];
  return keys.map((key) => {
    const line = lines.findIndex((text) => text.startsWith(`${key}:`));
    return { file: '_config.yml', line: line + 1 || 1, column: 1, severity: 'warning', rule: 'config/unsupported-key', message: UNRENDERED[key] ?? key };
  });
}
