/** Dossier's own modules reachable from an entry module by relative imports: what a cached result's code really is. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** A relative import, re-export or dynamic import: a specifier starting with ./ or ../ after `from`, `import` or `import(`. */
const RELATIVE_IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"](\.{1,2}\/[^'"]+)['"]/g;

/**
 * Every module reachable from `entries` through relative imports, as absolute paths in code-unit
 * order. Works on compiled JS and on TypeScript sources alike: a `.js` specifier is looked for as it is, then as `.ts`.
 */
export function reachableModules(entries: readonly string[]): string[] {
  const seen = new Set<string>();
  const queue = entries.map((entry) => resolveModule(entry)).filter((file): file is string => file !== undefined);
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(RELATIVE_IMPORT)) {
      const target = resolveModule(path.resolve(path.dirname(file), match[1] as string));
      if (target !== undefined && !seen.has(target)) queue.push(target);
    }
  }
  return [...seen].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The file a module specifier names: as given when it exists, else its `.ts` source (tests run from sources). */
function resolveModule(file: string): string | undefined {
  if (existsSync(file) && !file.endsWith('.d.ts')) return file;
  const source = file.replace(/\.js$/, '.ts');
  return source !== file && existsSync(source) ? source : undefined;
}
