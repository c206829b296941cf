/**
 * The stylesheet for Just the Docs callouts a site declares (`callouts:` in `_config.yml`), so
 * `{: .note }` before a paragraph or block quote shows as a coloured box with its title, and
 * `{: .note-title }` takes the block's first paragraph as the title.
 */
import type { Callout } from '../config/site-settings.js';

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
