/** Finds the system's Chromium for PDF output (Debian's `chromium`); Dossier never downloads a browser. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** How to get a browser, for the message when none is found. */
export const CHROMIUM_HINT = 'install Chromium (Debian/Ubuntu: `apt-get install chromium`) or set CHROMIUM_PATH to a Chromium or Chrome executable';

/** The Chromium executable: CHROMIUM_PATH, else `chromium` or `chromium-browser` on PATH; undefined when there is none. */
export function findChromium(): string | undefined {
  const fromEnv = process.env['CHROMIUM_PATH'];
  if (fromEnv !== undefined && fromEnv !== '') return existsSync(fromEnv) ? fromEnv : undefined;
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      const found = execFileSync('which', [name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
      if (found !== '') return found;
    } catch {
      // Not on PATH under this name.
    }
  }
  return undefined;
}
