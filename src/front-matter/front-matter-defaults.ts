/** Jekyll's `defaults:` in `_config.yml`: front-matter values given to every page a scope matches. */
import picomatch from 'picomatch';
import { isMapping, type FrontMatterDefault } from '../config/site-settings.js';

interface DefaultSet extends FrontMatterDefault {
  matches: (pagePath: string) => boolean;
}

const matchedSets = new WeakMap<readonly FrontMatterDefault[], DefaultSet[]>();

/** The config's `defaults:` scopes with their path matchers, made once per configuration. */
export function defaultsOf(scopes: readonly FrontMatterDefault[]): DefaultSet[] {
  let sets = matchedSets.get(scopes);
  if (sets === undefined) {
    sets = scopes.map((scope) => ({ ...scope, matches: scopeMatcher(scope.path) }));
    matchedSets.set(scopes, sets);
  }
  return sets;
}

/**
 * Jekyll compares a scope path as a plain prefix of the page's path (`docs` also matches
 * `docs2/x.md`, measured with Jekyll 4.3); a path with `*` is globbed and each match is a prefix.
 */
function scopeMatcher(scopePath: string): (pagePath: string) => boolean {
  if (scopePath === '') return () => true;
  if (!scopePath.includes('*')) return (pagePath) => pagePath.startsWith(scopePath);
  const glob = picomatch(scopePath.replace(/\/+$/, ''), { dot: true });
  return (pagePath) => {
    const parts = pagePath.split('/');
    return parts.some((_, i) => glob(parts.slice(0, i + 1).join('/')));
  };
}

/** Whether `next` overrides `previous` (Jekyll's has_precedence?): a longer path, or a type at equal length. */
function takesPrecedence(previous: DefaultSet | undefined, next: DefaultSet): boolean {
  if (previous === undefined) return true;
  if (next.path.length !== previous.path.length) return next.path.length >= previous.path.length;
  return next.type !== undefined || previous.type === undefined;
}

/** Jekyll's deep merge: mappings merge key by key, anything else is replaced. */
function deepMerge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const current = merged[key];
    merged[key] = isMapping(current) && isMapping(value) ? deepMerge(current, value) : value;
  }
  return merged;
}

/** The page's front matter with the defaults of every matching scope under it (its own keys win). */
export function applyFrontMatterDefaults(data: Record<string, unknown>, pagePath: string, sets: readonly DefaultSet[]): Record<string, unknown> {
  let defaults: Record<string, unknown> = {};
  let winner: DefaultSet | undefined;
  for (const set of sets) {
    if (!set.matches(pagePath) || (set.type !== undefined && set.type !== 'pages')) continue;
    if (takesPrecedence(winner, set)) {
      defaults = deepMerge(defaults, set.values);
      winner = set;
    } else defaults = deepMerge(set.values, defaults);
  }
  return winner === undefined ? data : deepMerge(defaults, data);
}
