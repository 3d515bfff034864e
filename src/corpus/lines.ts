/** A page as lines, each carrying its offsets in the raw page text. */
import { collapseSpace } from './text.ts';

export interface RawLine {
  /** Offset of the line's first character in the raw page. */
  start: number;
  /** Offset just past its last character (before "\n" and any "\r"). */
  end: number;
  /** The line as printed. */
  text: string;
  /** The line with whitespace collapsed and trimmed; "" for a blank line. */
  norm: string;
}

/** Splits raw[from, to) into lines. */
export function splitLines(raw: string, from = 0, to = raw.length): RawLine[] {
  const lines: RawLine[] = [];
  let start = from;
  while (start <= to) {
    let nl = raw.indexOf('\n', start);
    if (nl === -1 || nl > to) nl = to;
    let end = nl;
    if (end > start && raw[end - 1] === '\r') end--;
    const text = raw.slice(start, end);
    lines.push({ start, end, text, norm: collapseSpace(text) });
    if (nl >= to) break;
    start = nl + 1;
  }
  return lines;
}
