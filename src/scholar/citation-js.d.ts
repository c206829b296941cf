// citation-js ships no types: the little Dossier uses of it, typed here.
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown);
    format(format: 'bibliography', options: { format: 'text' | 'html'; template: string; lang: string }): string;
    format(format: 'bibtex' | 'ris', options?: { format: 'text' }): string;
    format(format: 'data', options: { format: 'object' }): Array<Record<string, unknown>>;
  }
  /** The citeproc-js engine plugin-csl keeps for one style and locale. */
  export interface CslEngine {
    /** Registers the items of a bibliography; returns their ids in the style's order (`nosort`: in the order given, with no sort keys computed). */
    updateItems(ids: string[], nosort?: boolean): string[];
    setOutputFormat(format: 'html' | 'text'): void;
    makeBibliography(): [{ bibstart: string; bibend: string }, string[]];
  }
  export const plugins: {
    config: {
      get(name: '@csl'): {
        styles: { add(name: string, xml: string): void; has(name: string): boolean };
        /** The engine for a style and locale, its items set to `data`, its output format set. */
        engine(data: readonly Record<string, unknown>[], style: string, locale: string, format: 'html' | 'text'): CslEngine;
      };
    };
  };
}
declare module '@citation-js/plugin-csl';
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
