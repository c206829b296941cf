/** How a rule's findings are reported under the site's `dossier.check.rules`. */
import type { RuleSetting } from '../config/check-config.js';
import type { Severity } from '../diagnostics.js';

/** The severity a finding of `rule` gets: an exact rule setting wins over a `group/*` one. */
export function ruleSetting(rules: ReadonlyMap<string, RuleSetting>, rule: string, fallback: Severity): RuleSetting {
  const exact = rules.get(rule);
  if (exact !== undefined) return exact;
  const slash = rule.indexOf('/');
  const group = slash === -1 ? undefined : rules.get(`${rule.slice(0, slash)}/*`);
  return group ?? fallback;
}
