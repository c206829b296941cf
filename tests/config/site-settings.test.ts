import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { tempSite } from '../helpers/temp-site.js';

describe('site settings resolved once in config', () => {
  it('gives stages typed callouts, logo, collections, defaults and published files', () => {
    const dir = tempSite({
      '_config.yml': [
        'logo: /assets/logo.svg',
        'enable_copy_code_button: true',
        'callouts:',
        '  warning:',
        '    title: Careful',
        '    color: red',
        '  aside:',
        '    color: mauve',
        'collections_dir: coll',
        'collections: [letters, posts]',
        'just_the_docs:',
        '  collections:',
        '    annexes: {}',
        'defaults:',
        '  - scope: { path: "/essays" }',
        '    values: { layout: essay }',
        '  - values: "not a mapping"',
        'plugins: [jekyll-feed]',
        'feed: { path: /atom.xml, posts_limit: 3 }',
        'dossier: { pdf: true }',
      ].join('\n'),
    });
    const config = loadConfig(dir);
    expect(config.logo).toBe('/assets/logo.svg');
    expect(config.copyCodeButton).toBe(true);
    expect(config.callouts).toEqual([
      { name: 'warning', title: 'Careful', colour: 'var(--jtd-red-200)' },
      { name: 'aside', title: undefined, colour: 'var(--jtd-grey-dk-100)' },
    ]);
    expect(config.collections).toEqual({ dir: 'coll', labels: ['annexes', 'letters'] });
    expect(config.frontMatterDefaults).toEqual([{ path: 'essays', type: undefined, values: { layout: 'essay' } }]);
    expect(config.published).toMatchObject({ feedPath: '/atom.xml', feedLimit: 3, sitemap: false });
    expect(config.pdf).toBe(true);
  });

  it('leaves out what a site does not set, as Jekyll does', () => {
    const config = loadConfig(tempSite({ '_config.yml': 'logo: ""\ncallouts: 3\n' }));
    expect(config.logo).toBeUndefined();
    expect(config.callouts).toBeUndefined();
    expect(config.copyCodeButton).toBe(false);
    expect(config.frontMatterDefaults).toEqual([]);
    expect(config.published.feedPath).toBeUndefined();
    expect(config.pdf).toBe(false);
  });
});
