import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localImageFile, sizeImages } from '../../src/layout/image-sizes.js';

const SOURCE = path.resolve(import.meta.dirname, '../fixtures/sites/reader');
const fileOf = (src: string) => localImageFile(src, '/docs/L/Ledgers-2/', '/review', SOURCE);

describe('sizeImages', () => {
  it('gives a local image the width and height of its file, with or without baseurl, or relative', () => {
    for (const src of ['/assets/images/tonnage.png', '/review/assets/images/tonnage.png', '../../../assets/images/tonnage.png']) {
      expect(sizeImages(`<p><img src="${src}" alt="Chart"></p>`, fileOf)).toBe(`<p><img width="640" height="360" src="${src}" alt="Chart"></p>`);
    }
  });

  it('leaves remote, missing and already sized images alone', () => {
    const html = '<img src="https://x.example.org/a.png"><img src="/assets/images/none.png"><img src="/assets/images/tonnage.png" width="10">';
    expect(sizeImages(html, fileOf)).toBe(html);
    expect(localImageFile('/../../etc/passwd', '/', '', SOURCE)).toBe(path.join(SOURCE, 'etc/passwd'));
  });
});
