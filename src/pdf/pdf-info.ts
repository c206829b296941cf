/** Document metadata (title, author…) written into a finished PDF as an incremental update, the way PDF editors append changes. */

export interface PdfInfo {
  title: string;
  author: string;
  subject?: string | undefined;
  keywords?: string | undefined;
}

/** Returns `pdf` with a new Info dictionary appended; the original bytes are kept as they are. */
export function withPdfInfo(pdf: Uint8Array, info: PdfInfo): Buffer {
  const bytes = Buffer.from(pdf);
  const tail = bytes.subarray(Math.max(0, bytes.length - 4096)).toString('latin1');
  const prev = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail)?.[1];
  const trailer = bytes.toString('latin1', Math.max(0, bytes.length - 4096));
  const root = /\/Root\s+(\d+\s+\d+\s+R)/.exec(trailer)?.[1];
  const size = Number(/\/Size\s+(\d+)/.exec(trailer)?.[1] ?? NaN);
  // A PDF written with a cross-reference stream (no plain trailer) is returned unchanged.
  if (prev === undefined || root === undefined || !Number.isFinite(size)) return bytes;
  const fields = [['Title', info.title], ['Author', info.author], ['Subject', info.subject], ['Keywords', info.keywords]]
    .filter((field): field is [string, string] => field[1] !== undefined && field[1] !== '')
    .map(([key, value]) => `/${key} ${pdfText(value)}`)
    .join(' ');
  const head = bytes[bytes.length - 1] === 0x0a ? '' : '\n';
  const objectOffset = bytes.length + head.length;
  const object = `${size} 0 obj\n<< ${fields} /Producer (Dossier) >>\nendobj\n`;
  const xrefOffset = objectOffset + object.length;
  const xref = `xref\n${size} 1\n${String(objectOffset).padStart(10, '0')} 00000 n \ntrailer\n<< /Size ${size + 1} /Root ${root} /Info ${size} 0 R /Prev ${prev} >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  return Buffer.concat([bytes, Buffer.from(`${head}${object}${xref}`, 'latin1')]);
}

/** A PDF text string in UTF-16BE hex, so any title survives. */
function pdfText(value: string): string {
  const utf16 = Buffer.from(`\uFEFF${value}`, 'utf16le').swap16();
  return `<${utf16.toString('hex').toUpperCase()}>`;
}
