/** The one string order for everything Dossier sorts for output: UTF-16 code units, not localeCompare, so it is identical on every machine and locale. */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
