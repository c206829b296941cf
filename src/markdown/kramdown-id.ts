/** kramdown's `auto_ids` header id algorithm, shared by the heading and TOC plugins. */

/** kramdown's basic_generate_id: letters from the first ASCII letter on, `a-zA-Z0-9 -` kept, spaces to `-`, lower case. */
export function basicKramdownId(rawText: string): string {
  return rawText
    .replace(/^[^a-zA-Z]+/, '')
    .replace(/[^a-zA-Z0-9 -]/g, '')
    .replace(/ /g, '-')
    .toLowerCase();
}

/** Hands out kramdown ids for one page: `section` when empty, `-1`, `-2`… for repeats of a generated id. */
export function createKramdownIdGenerator(): (rawText: string) => string {
  const used = new Map<string, number>();
  return (rawText) => {
    const id = basicKramdownId(rawText) || 'section';
    const count = used.get(id);
    if (count === undefined) {
      used.set(id, 0);
      return id;
    }
    used.set(id, count + 1);
    return `${id}-${count + 1}`;
  };
}
