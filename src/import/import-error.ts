/** The one error an import stops with: bad input or a site it cannot write into; nothing is written. */
import { DossierError } from '../errors.js';

/** Input that is not an article Dossier can import, or a target it must not write. */
export class ImportError extends DossierError {}
