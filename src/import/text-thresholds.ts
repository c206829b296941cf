/**
 * Every threshold of the plain-text classifier in one place. The shape follows jusText
 * (Pomikálek, 2011): long blocks dense in stop words are prose, short ones take the class of their
 * neighbours. The numbers are jusText's defaults unless a comment says otherwise.
 */
export const TEXT_THRESHOLDS = {
  /** Below this many characters a block is "short": it cannot be judged on its own. */
  lengthLow: 70,
  /** From this many characters a block dense in stop words is prose ("good") on its own. */
  lengthHigh: 200,
  /** Share of words that are stop words for a block to be near-good (prose-like but too short to be sure). */
  stopwordsLow: 0.3,
  /** Share of stop words for a long block to be good. */
  stopwordsHigh: 0.32,
  /**
   * Not in jusText: a long block (lengthHigh or more) with at least this share of stop words is
   * near-good, so it counts as prose next to prose. Policy essays pack names and titles ("President
   * Joe Biden, Prime Minister …") into long paragraphs whose share falls just under stopwordsLow.
   */
  stopwordsLongMin: 0.2,
  /**
   * Scrapes have no links, so jusText's link density becomes the share of the block's words that are
   * link-like: addresses, file names, counters and words glued to each other ("Share204Tweet128").
   */
  maxLinkDensity: 0.2,
  /** Not in jusText: a bulleted line of this many words or more reads as a list item of the text, not a menu entry. */
  listItemMinWords: 7,
  /** Headings are short: at most this many words and characters. */
  headingMaxWords: 14,
  headingMaxChars: 90,
  /** Share of the heading's longer words (4+ letters) that must be capitalised: title case, conservatively. */
  headingTitleCase: 0.75,
  /** Text repeated this many times on a page (menus, related lists, captions) is chrome. */
  repeatedCount: 2,
  /** A block whose sentences mostly (this share) appeared in earlier blocks repeats them (bylines, bios). */
  repeatedSentences: 0.5,
  /** How many blocks before the first prose block the title may sit (counters, dates, share buttons between). */
  titleSearchBlocks: 12,
  /** Longest subtitle (standfirst) under the title, in characters. */
  subtitleMaxChars: 220,
} as const;
