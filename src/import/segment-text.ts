/** Cuts a plain-text scrape into blocks: paragraphs, lines of page chrome, list items. */

/** One block of a text scrape with the line it starts on. */
export interface TextBlock {
  text: string;
  /** 1-based line in the input. */
  line: number;
  /** The line started with a bullet (•, *, -, ·): menus and lists of links in scrapes. */
  bullet: boolean;
  /** Cells of a table's rows: copied tables arrive as lines of tab-separated cells. */
  rows?: string[][];
}

const BULLET = /^\s*[•·▪◦*–-]\s+/;

/**
 * Scrapes put one paragraph on one line and chrome on lines of its own, so every line is a block,
 * except in a run of lines that reads as one hard-wrapped paragraph (several lines of similar
 * width, none ending a sentence except maybe the last), which is joined.
 */
export function segmentText(text: string): TextBlock[] {
  const lines = text.split('\n');
  const blocks: TextBlock[] = [];
  let group: { text: string; line: number }[] = [];
  const flush = () => {
    if (group.length > 0) blocks.push(...groupBlocks(group));
    group = [];
  };
  lines.forEach((raw, i) => {
    if (raw.trim() === '') flush();
    else group.push({ text: raw, line: i + 1 });
  });
  flush();
  return blocks;
}

function groupBlocks(group: readonly { text: string; line: number }[]): TextBlock[] {
  const table = tableRows(group.map((l) => l.text));
  if (table !== undefined) return [{ text: table.map((r) => r.join(' ')).join('\n'), line: group[0]!.line, bullet: false, rows: table }];
  if (isWrappedParagraph(group.map((l) => l.text))) {
    return [{ text: tidy(group.map((l) => l.text.trim()).join(' ')), line: group[0]!.line, bullet: false }];
  }
  return group.map(({ text, line }) => ({ text: tidy(text.replace(BULLET, '')), line, bullet: BULLET.test(text) }));
}

/** Two or more lines with the same number (2+) of tab-separated cells. */
function tableRows(lines: readonly string[]): string[][] | undefined {
  const rows = lines.map((l) => l.split('\t').map((c) => tidy(c)));
  const width = rows[0]!.length;
  return lines.length >= 2 && width >= 2 && rows.every((r) => r.length === width) ? rows : undefined;
}

function isWrappedParagraph(lines: readonly string[]): boolean {
  if (lines.length < 2 || lines.some((l) => BULLET.test(l))) return false;
  const widths = lines.map((l) => l.trim().length);
  const widest = Math.max(...widths);
  if (widest > 100 || widest < 40) return false;
  // Every line but the last fills most of the width and breaks mid-sentence.
  return lines.slice(0, -1).every((l, i) => widths[i]! >= widest * 0.6 && !/[.!?:”"]$/.test(l.trim()));
}

function tidy(text: string): string {
  return text.replace(/[ \t\u00a0]+/g, ' ').trim();
}
