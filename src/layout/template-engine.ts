/** The one module that knows the template library (Eta): loads Dossier's templates and a site's overrides. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Eta } from 'eta';
import { listFiles } from '../list-files.js';
import { TemplateError } from '../errors.js';

import { DEFAULT_TEMPLATES_DIR } from '../config/dossier-dirs.js';

export { DEFAULT_TEMPLATES_DIR };

export interface TemplateEngine {
  /** Renders the named layout (`default`, `page`, `home`, …); throws TemplateError on failure. */
  render(name: string, data: object): string;
  has(name: string): boolean;
  /** Name → template text of every template loaded, for cache keys. */
  sources: ReadonlyMap<string, string>;
}

/** Loads `templates/**.eta`, then the site's folder on top (same relative name overrides). */
export function createTemplateEngine(overrideDir: string | undefined): TemplateEngine {
  const sources = new Map<string, string>();
  for (const dir of [DEFAULT_TEMPLATES_DIR, overrideDir]) {
    if (dir === undefined || !existsSync(dir)) continue;
    for (const rel of listFiles(dir).filter((name) => name.endsWith('.eta'))) {
      sources.set(rel.replace(/\.eta$/, ''), readFileSync(path.join(dir, rel), 'utf8'));
    }
  }
  const eta = new Eta({ autoEscape: true, cache: true, useWith: false, varName: 'it' });
  for (const [name, text] of sources) {
    try {
      eta.loadTemplate(`@${name}`, text);
    } catch (error) {
      throw new TemplateError(`template ${name}.eta cannot be compiled: ${(error as Error).message}`, { cause: error });
    }
  }
  return {
    sources,
    has: (name) => sources.has(name),
    render(name, data) {
      try {
        return eta.render(`@${name}`, data);
      } catch (error) {
        throw new TemplateError(`template ${name}.eta failed: ${(error as Error).message}`, {
          cause: error,
          hint: 'check the template named in the message',
        });
      }
    },
  };
}

