/** Where Dossier's own templates and assets live: beside the compiled code, in the package. */
import path from 'node:path';

/** Dossier's own templates, shipped in the package's `templates/` folder. */
export const DEFAULT_TEMPLATES_DIR = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../templates');
