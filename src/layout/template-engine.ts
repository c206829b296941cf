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
  const sources = new Map([...readTemplates(DEFAULT_TEMPLATES_DIR), ...readTemplates(overrideDir)]);
  const eta = compileTemplates(sources);
  return {
    sources,
    has: (name) => sources.has(name),
    render: (name, data) => renderTemplate(eta, name, data),
  };
}

/**
 * Dossier's own templates, for `dossier check`: the site's overrides are compiled, so a broken one is
 * still reported, but never run (a template is code). A layout only the site has is laid out with
 * Dossier's `default`, as if the site's template framed the page the way Dossier's does.
 */
export function createOwnTemplateEngine(overrideDir: string | undefined): TemplateEngine {
  const sources = readTemplates(DEFAULT_TEMPLATES_DIR);
  const eta = compileTemplates(sources);
  const site = readTemplates(overrideDir);
  // Compiling makes a function of each template without calling it: syntax errors, no side effects.
  compileTemplates(site);
  return {
    sources,
    has: (name) => sources.has(name) || site.has(name),
    render: (name, data) => renderTemplate(eta, sources.has(name) ? name : 'default', data),
  };
}

/** Name (relative path without `.eta`) → text of every template in `dir`; none when it is absent. */
function readTemplates(dir: string | undefined): Map<string, string> {
  const sources = new Map<string, string>();
  if (dir === undefined || !existsSync(dir)) return sources;
  for (const rel of listFiles(dir).filter((name) => name.endsWith('.eta'))) {
    sources.set(rel.replace(/\.eta$/, ''), readFileSync(path.join(dir, rel), 'utf8'));
  }
  return sources;
}

function compileTemplates(sources: ReadonlyMap<string, string>): Eta {
  const eta = new Eta({ autoEscape: true, cache: true, useWith: false, varName: 'it' });
  for (const [name, text] of sources) {
    try {
      eta.loadTemplate(`@${name}`, text);
    } catch (error) {
      throw new TemplateError(`template ${name}.eta cannot be compiled: ${(error as Error).message}`, { cause: error });
    }
  }
  return eta;
}

function renderTemplate(eta: Eta, name: string, data: object): string {
  try {
    return eta.render(`@${name}`, data);
  } catch (error) {
    throw new TemplateError(`template ${name}.eta failed: ${(error as Error).message}`, {
      cause: error,
      hint: 'check the template named in the message',
    });
  }
}
