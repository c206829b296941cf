/** The installed `stemmer` package's browser module, copied next to search.js so queries are stemmed like the index's words. */
import { fileURLToPath } from 'node:url';

/** Output path of the stemmer module; search.js imports it from its own folder. */
export const STEMMER_ASSET = 'assets/stemmer.js';

/** Absolute path of the `stemmer` package's ES module (Porter's algorithm, no dependencies). */
export const STEMMER_SOURCE = fileURLToPath(import.meta.resolve('stemmer'));
