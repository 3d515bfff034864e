/** Turns the lines of one article (a whole page, or one item of an aggregator page) into clean paragraphs. */
import { type CleanParagraph, type Span, cleanParagraph, mergeSpans, visibleChars } from './clean-text.ts';
import { classifyLines } from './furniture.ts';
import { findInlineFurniture } from './inline.ts';
import type { RawLine } from './lines.ts';

export interface ArticleBody {
  paragraphs: CleanParagraph[];
  /** Visible (non-whitespace) characters removed as furniture; headline printings are not counted. */
  furnitureChars: number;
}

export function cleanBody(raw: string, lines: readonly RawLine[], headline: string | undefined): ArticleBody {
  const verdicts = classifyLines(lines, headline);
  const paragraphs: CleanParagraph[] = [];
  let furnitureChars = 0;
  lines.forEach((line, i) => {
    const verdict = verdicts[i];
    if (verdict?.kind === 'furniture') furnitureChars += visibleChars(raw, line.start, line.end);
    if (verdict?.kind !== 'body') return;
    const removed: Span[] = mergeSpans(
      findInlineFurniture(line.text).map((r) => ({ start: line.start + r.start, end: line.start + r.end })),
    );
    for (const span of removed) furnitureChars += visibleChars(raw, span.start, span.end);
    const paragraph = cleanParagraph(raw, line.start, line.end, removed);
    if (paragraph.text !== '') paragraphs.push(paragraph);
  });
  return { paragraphs, furnitureChars };
}
