/** KaTeX's stylesheet and fonts, served from the site itself so typeset math needs no third-party host. */
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Writer } from '../write/writer.js';

/** Copies `katex.min.css` and its WOFF2 fonts (every browser that runs the site reads WOFF2) to `assets/katex/`. */
export function copyKatexAssets(writer: Writer): void {
  const dist = path.join(path.dirname(createRequire(import.meta.url).resolve('katex/package.json')), 'dist');
  writer.copy('assets/katex/katex.min.css', path.join(dist, 'katex.min.css'));
  for (const font of readdirSync(path.join(dist, 'fonts')).filter((name) => name.endsWith('.woff2')).sort()) {
    writer.copy(`assets/katex/fonts/${font}`, path.join(dist, 'fonts', font));
  }
}
