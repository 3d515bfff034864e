/**
 * The two kinds of page the corpus holds, told apart by the file's extension: plain text (.txt) as
 * scraped, and saved web pages (.html, .htm). Each is read into article text the furniture rules work on,
 * plus what the page says about itself.
 */
import { extractHtmlPage, type PageMetadata } from './html.ts';
import { splitLines } from './lines.ts';
import { isTitleLike, lineRule } from './furniture.ts';
import { PRINTED_DATE, STAMP_LINE, wordCount } from './text.ts';

export type PageFormat = 'text' | 'html';

export const PAGE_EXTENSIONS: Readonly<Record<PageFormat, readonly string[]>> = { text: ['.txt'], html: ['.html', '.htm'] };

/** The page's format by its file name; undefined for any other extension. */
export function pageFormatOf(file: string): PageFormat | undefined {
  const lower = file.toLowerCase();
  for (const [format, extensions] of Object.entries(PAGE_EXTENSIONS) as [PageFormat, readonly string[]][]) {
    if (extensions.some((extension) => lower.endsWith(extension))) return format;
  }
  return undefined;
}

export interface ReadPage {
  /** The text the furniture rules and passages read; passage offsets point into it. For a text page, the page itself. */
  text: string;
  metadata: PageMetadata;
  /** Visible characters removed before the furniture rules ran (HTML: everything outside the article). */
  removedChars: number;
}

export function readPage(format: PageFormat, page: string): ReadPage {
  if (format === 'html') return extractHtmlPage(page);
  return { text: page, metadata: readTextMetadata(page), removedChars: 0 };
}

/** How far into a text page its headline and date are looked for. */
const HEAD_LINES = 25;

/**
 * A plain-text page's headline (its first line that reads like a title, not furniture) and its printed
 * date (the first date or time stamp near the top).
 */
export function readTextMetadata(page: string): PageMetadata {
  const lines = splitLines(page)
    .map((line) => line.norm)
    .filter((norm) => norm !== '')
    .slice(0, HEAD_LINES);
  const metadata: PageMetadata = {};
  const headline = lines.find((norm) => isTitleLike(norm) && wordCount(norm) >= 4 && lineRule(norm) === undefined);
  if (headline) metadata.headline = headline;
  for (const norm of lines) {
    const stamp = STAMP_LINE.exec(norm)?.[1];
    const printed = stamp ?? new RegExp(PRINTED_DATE, 'iu').exec(norm)?.[0];
    if (printed) {
      metadata.date = printed;
      break;
    }
  }
  return metadata;
}
