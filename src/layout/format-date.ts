/** Jekyll-style `strftime` formatting for `last_edit_time_format`, in UTC so builds are reproducible. */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Formats `value` (a front-matter date) with a strftime pattern; text that is not a date is returned as written. */
export function formatDate(value: string, pattern: string): string {
  // Only Jekyll's own shapes (`2023-04-05`, with optional time and offset): V8 would read "spring 2020" as a date.
  if (!/^\d{4}-\d{1,2}-\d{1,2}(?:[T ][\d:.]+(?:\s*(?:Z|[+-]\d{2}:?\d{2}))?)?$/.test(value.trim())) return value;
  const date = new Date(value.trim());
  if (Number.isNaN(date.getTime())) return value;
  const pad = (n: number, width = 2, fill = '0') => String(n).padStart(width, fill);
  const hours12 = date.getUTCHours() % 12 === 0 ? 12 : date.getUTCHours() % 12;
  const fields: Record<string, string> = {
    Y: String(date.getUTCFullYear()),
    y: pad(date.getUTCFullYear() % 100),
    m: pad(date.getUTCMonth() + 1),
    d: pad(date.getUTCDate()),
    e: pad(date.getUTCDate(), 2, ' '),
    '-d': String(date.getUTCDate()),
    '-m': String(date.getUTCMonth() + 1),
    b: (MONTHS[date.getUTCMonth()] ?? '').slice(0, 3),
    B: MONTHS[date.getUTCMonth()] ?? '',
    a: (DAYS[date.getUTCDay()] ?? '').slice(0, 3),
    A: DAYS[date.getUTCDay()] ?? '',
    H: pad(date.getUTCHours()),
    I: pad(hours12),
    '-I': String(hours12),
    M: pad(date.getUTCMinutes()),
    S: pad(date.getUTCSeconds()),
    p: date.getUTCHours() < 12 ? 'AM' : 'PM',
    '%': '%',
  };
  // Unknown directives stay visible rather than vanishing, so a typo in the pattern is noticed.
  return pattern.replace(/%(-?[a-zA-Z%])/g, (whole, key: string) => fields[key] ?? whole);
}
