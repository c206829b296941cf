/**
 * The stylesheet for Just the Docs callouts a site declares (`callouts:` in `_config.yml`), so
 * `{: .note }` before a paragraph or block quote shows as a coloured box with its title, and
 * `{: .note-title }` takes the block's first paragraph as the title.
 */
import type { SiteConfig } from '../config/site-config.js';

/** Just the Docs' colour names for callouts: the strong shade (border, title) of each. */
const CALLOUT_COLOURS: Readonly<Record<string, string>> = {
  'grey-dk': 'var(--jtd-grey-dk-100)',
  'grey-lt': 'var(--jtd-grey-dk-000)',
  purple: 'var(--jtd-purple-200)',
  blue: 'var(--jtd-blue-200)',
  green: 'var(--jtd-green-200)',
  yellow: 'var(--jtd-yellow-300)',
  red: 'var(--jtd-red-200)',
};

/** One declared callout: its class name, title and colour. */
export interface Callout {
  name: string;
  title: string | undefined;
  colour: string;
}

/** The callouts `_config.yml` declares, in its order; an unknown colour name falls back to grey. */
export function declaredCallouts(config: Pick<SiteConfig, 'raw'>): Callout[] {
  const raw = config.raw['callouts'];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return [];
  return Object.entries(raw as Record<string, unknown>).flatMap(([name, value]) => {
    if (!/^[A-Za-z][\w-]*$/.test(name)) return [];
    const spec = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
    const title = typeof spec['title'] === 'string' ? spec['title'] : undefined;
    const colour = typeof spec['color'] === 'string' ? (CALLOUT_COLOURS[spec['color']] ?? CALLOUT_COLOURS['grey-dk'] ?? '') : (CALLOUT_COLOURS['grey-dk'] ?? '');
    return [{ name, title, colour }];
  });
}

/** CSS for every declared callout (readable in light and dark themes: the fill is a thin tint of the colour). */
export function calloutsCss(callouts: readonly Callout[]): string {
  const rules = ['/* Callouts declared in _config.yml (callouts:). */'];
  for (const { name, title, colour } of callouts) {
    const box = [`p.${name}`, `blockquote.${name}`, `div.${name}`, `p.${name}-title`, `blockquote.${name}-title`, `div.${name}-title`].map((s) => `.prose ${s}`).join(', ');
    rules.push(`${box} { margin: 1.25rem 0; padding: 0.8rem 1rem; border: 0; border-left: 4px solid ${colour}; border-radius: 4px; background: color-mix(in srgb, ${colour} 10%, var(--bg)); font-style: normal; color: inherit; }`);
    rules.push(`.prose :is(blockquote, div).${name} > :first-child, .prose :is(blockquote, div).${name}-title > :first-child { margin-top: 0; }`);
    rules.push(`.prose :is(blockquote, div).${name} > :last-child, .prose :is(blockquote, div).${name}-title > :last-child { margin-bottom: 0; }`);
    const heading = `display: block; margin-bottom: 0.25rem; font-family: var(--font-ui); font-size: 0.75em; font-weight: 700; letter-spacing: 0.04em; text-transform: uppercase; color: ${colour};`;
    if (title !== undefined) rules.push(`.prose .${name}::before { content: ${JSON.stringify(title)}; ${heading} }`);
    rules.push(`.prose .${name}-title > p:first-child { ${heading} }`);
  }
  return `${rules.join('\n')}\n`;
}
