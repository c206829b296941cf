/** The `kramdown:` block of a Jekyll `_config.yml`, read into the settings Dossier honours. */

/** kramdown settings that change what readers see or where anchors point. */
export interface KramdownOptions {
  /** `input`: `GFM` (Jekyll's default) or `kramdown`. */
  input: 'GFM' | 'kramdown';
  /** `auto_ids`: generate heading ids (default true). */
  autoIds: boolean;
  /** `toc_levels`: heading levels listed by `{:toc}` (default 1–6). */
  tocLevels: number[];
}

/** Jekyll's defaults for the settings above. */
export const JEKYLL_KRAMDOWN_DEFAULTS: KramdownOptions = { input: 'GFM', autoIds: true, tocLevels: [1, 2, 3, 4, 5, 6] };

/**
 * Reads `_config.yml`'s `kramdown:` value. Keys Dossier does not model (syntax highlighter options…)
 * are Jekyll's business and pass silently; a known key with a value of the wrong type is a problem,
 * listed with every other config problem, and keeps Jekyll's default.
 */
export function readKramdownOptions(raw: unknown, problems: string[]): KramdownOptions {
  const options: KramdownOptions = { ...JEKYLL_KRAMDOWN_DEFAULTS, tocLevels: [...JEKYLL_KRAMDOWN_DEFAULTS.tocLevels] };
  if (raw === undefined || raw === null) return options;
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push('kramdown must be a mapping');
    return options;
  }
  const block = raw as Record<string, unknown>;
  const input = block['input'];
  // kramdown capitalises the parser name; anything but GFM means kramdown's own parser in practice.
  if (typeof input === 'string') options.input = input.toLowerCase() === 'gfm' ? 'GFM' : 'kramdown';
  else if (input !== undefined && input !== null) problems.push('kramdown.input must be GFM or kramdown');
  const autoIds = block['auto_ids'];
  if (typeof autoIds === 'boolean') options.autoIds = autoIds;
  else if (autoIds !== undefined && autoIds !== null) problems.push('kramdown.auto_ids must be true or false');
  const tocLevels = block['toc_levels'];
  const levels = parseTocLevels(tocLevels);
  if (levels !== undefined) options.tocLevels = levels;
  else if (tocLevels !== undefined && tocLevels !== null) problems.push('kramdown.toc_levels must name heading levels 1 to 6, as 1..3, "1,2,3" or [1, 2, 3]');
  return options;
}

/** kramdown accepts `1..3`, `1,2,3`, `[1, 2, 3]` or a single number. */
function parseTocLevels(value: unknown): number[] | undefined {
  let levels: number[] = [];
  if (typeof value === 'number') levels = [value];
  else if (Array.isArray(value)) levels = value.map(Number);
  else if (typeof value === 'string') {
    const range = /^\s*(\d)\s*\.\.\s*(\d)\s*$/.exec(value);
    if (range) for (let level = Number(range[1]); level <= Number(range[2]); level++) levels.push(level);
    else levels = value.split(/[\s,]+/).filter(Boolean).map(Number);
  } else return undefined;
  levels = levels.filter((level) => Number.isInteger(level) && level >= 1 && level <= 6);
  return levels.length > 0 ? levels : undefined;
}

/** Whether `kramdown.math_engine` names an engine (kramdown's `$$…$$` math is then typeset); `nil`/`false` turn it off. */
export function kramdownMathEnabled(raw: unknown): boolean {
  if (typeof raw !== 'object' || raw === null) return false;
  const engine = (raw as Record<string, unknown>)['math_engine'];
  return typeof engine === 'string' && engine !== '' && engine.toLowerCase() !== 'nil';
}
