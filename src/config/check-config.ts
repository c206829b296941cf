/** The `dossier: check:` section of `_config.yml`: rule severities, ignored links, external-link settings. */
import path from 'node:path';
import picomatch from 'picomatch';
import type { Severity } from '../diagnostics.js';

/** What a rule can be set to. */
export type RuleSetting = Severity | 'off';

/** Settings of the external-link checker that authors may tune. */
export interface ExternalSettings {
  concurrency: number;
  perHost: number;
  timeoutMs: number;
  retries: number;
  /** How long a cached answer stays valid. */
  maxAgeMs: number;
  /** Absolute path of the cache file, or undefined for no cache. */
  cacheFile: string | undefined;
}

/** The resolved check configuration. */
export interface CheckConfig {
  rules: ReadonlyMap<string, RuleSetting>;
  /** True when a link should not be checked at all. */
  isIgnored: (href: string) => boolean;
  external: ExternalSettings;
}

/** Default location of the external-link cache, next to other tools' caches. */
export const DEFAULT_CACHE_FILE = 'node_modules/.cache/dossier/external-links.json';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Reads `dossier.check` (the value of that key), adding every problem to `problems` (loadConfig reports them all at once). */
export function readCheckConfig(value: unknown, problems: string[], cwd: string = process.cwd()): CheckConfig {
  const check = mapping(value, 'dossier.check', problems);

  const rules = new Map<string, RuleSetting>();
  for (const [rule, value] of Object.entries(mapping(check['rules'], 'dossier.check.rules', problems))) {
    // YAML reads a bare `off` as the string "off" but `false`/`no` as booleans; accept both spellings.
    const setting = value === false ? 'off' : value;
    if (setting === 'error' || setting === 'warning' || setting === 'off') rules.set(rule, setting);
    else problems.push(`dossier.check.rules.${rule} must be error, warning or off, not ${JSON.stringify(value)}`);
  }

  const patterns = check['ignore'] ?? [];
  const matchers: Array<(href: string) => boolean> = [];
  if (!Array.isArray(patterns) || !patterns.every((p) => typeof p === 'string')) {
    problems.push('dossier.check.ignore must be a list of link patterns');
  } else {
    for (const pattern of patterns as string[]) {
      if (pattern.trim() === '') problems.push('dossier.check.ignore holds an empty pattern, which would ignore every link');
      else matchers.push(linkMatcher(pattern));
    }
  }

  const ext = mapping(check['external'], 'dossier.check.external', problems);
  const number = (key: string, fallback: number, min: number): number => {
    const value = ext[key];
    if (value === undefined || value === null) return fallback;
    if (typeof value === 'number' && Number.isFinite(value) && value >= min) return value;
    problems.push(`dossier.check.external.${key} must be a number of at least ${min}`);
    return fallback;
  };
  const cacheValue = ext['cache'];
  let cacheFile: string | undefined = path.resolve(cwd, DEFAULT_CACHE_FILE);
  if (cacheValue === false) cacheFile = undefined;
  else if (typeof cacheValue === 'string') cacheFile = path.resolve(cwd, cacheValue);
  else if (cacheValue !== undefined && cacheValue !== null && cacheValue !== true) {
    problems.push('dossier.check.external.cache must be a file path or false');
  }
  const external: ExternalSettings = {
    concurrency: Math.floor(number('concurrency', 8, 1)),
    perHost: Math.floor(number('per_host', 2, 1)),
    timeoutMs: number('timeout_seconds', 10, 0.1) * 1000,
    retries: Math.floor(number('retries', 2, 0)),
    maxAgeMs: number('max_age_days', 7, 0) * DAY_MS,
    cacheFile,
  };
  return { rules, isIgnored: (href) => matchers.some((m) => m(href)), external };
}

/** A pattern with `*`, `?`, `[` or `{` is a glob (picomatch); any other pattern matches links that start with it. */
function linkMatcher(pattern: string): (href: string) => boolean {
  if (!/[*?[\]{}]/.test(pattern)) return (href) => href.startsWith(pattern);
  const glob = picomatch(pattern, { dot: true });
  return (href) => glob(href);
}

function mapping(value: unknown, name: string, problems: string[]): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  if (typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  problems.push(`${name} must be a mapping`);
  return {};
}
