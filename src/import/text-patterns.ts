/** Page chrome a scrape's single line gives away by itself, each with the reason `--dry-run` prints. */

const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DATE_LINE = new RegExp(
  `^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\\s+)?(?:${MONTH}\\s+\\d{1,2},?\\s+\\d{4}|\\d{1,2}\\s+${MONTH},?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2}|${MONTH}\\s+\\d{4})(?:\\s*[|,·-]?\\s*\\d{1,2}:\\d{2}\\s*(?:am|pm)?)?$`,
  'i',
);

/** A line that is only a date ("September 11, 2023", "11 Sep 2023", "2023-09-11"). */
export function isDateLine(text: string): boolean {
  return DATE_LINE.test(text.trim());
}

const RULES: readonly { test: (text: string, bullet: boolean) => boolean; reason: string }[] = [
  { reason: 'cookie or consent text', test: (t) => /\bcookies?\b/i.test(t) && /\b(website|browser|consent|accept|privacy|experience|opt[- ]out|preferences)\b/i.test(t) },
  { reason: 'cookie or consent text', test: (t) => /^(accept( all)?|reject( all)?|cookie settings\w*|save & accept|privacy (overview|& cookies policy)|always enabled|(non-)?necessary)$/i.test(t) },
  { reason: 'copyright line', test: (t) => /^(©|\(c\)\s|copyright\b)/i.test(t) || /\ball rights reserved\b/i.test(t) },
  { reason: 'share buttons', test: (t) => t.length < 80 && (/\b(share on|share this|follow us|email this|print this)\b/i.test(t) || /^(share|tweet)\d*(tweet|share|\d)*$/i.test(t)) },
  { reason: 'navigation', test: (t) => /^((top|bottom) of (the )?page|skip to( main)? content|back to top|menu|search|home|site navigation|no results?|view all results?|read more|load more)$/i.test(t) },
  { reason: 'breadcrumb navigation', test: (t) => /^home\b/i.test(t) && t.split(/\s+/).length <= 8 && !/[.!?]$/.test(t) },
  { reason: 'feed credit ("The post … appeared first on …")', test: (t) => /^the post .+ appeared first on .+$/i.test(t) },
  { reason: 'tag list', test: (t) => /^(tags|tagged|topics|categories|filed under)\s*:/i.test(t) },
  { reason: 'image file name', test: (t) => /^\S+\.(png|jpe?g|gif|svg|webp)$/i.test(t) },
  { reason: 'counter or label', test: (t) => /^[\d.,]+\s*[km]?$/i.test(t) || /^[A-Z]{2,}$/.test(t) },
  { reason: 'date line', test: (t) => isDateLine(t) },
  { reason: 'menu or list of links', test: (t, bullet) => bullet && t.split(/\s+/).length <= 6 },
];

/** Why a line is page chrome whatever surrounds it, or undefined when it may be article text. */
export function chromeReason(text: string, bullet: boolean): string | undefined {
  return RULES.find((rule) => rule.test(text, bullet))?.reason;
}

/** Lower-cased, marks (™ ®) and spacing removed: the key for "the same text again". */
export function normalizeText(text: string): string {
  return text.toLowerCase().replace(/[™®©]/g, '').replace(/\s+/g, ' ').trim();
}
