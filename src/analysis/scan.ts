/**
 * An article as one text for quotation work: its passages joined, every quoted span located and
 * masked (so nothing inside a quotation looks like narrative), its sentences, and its quotations
 * grouped into runs (a quotation reopened after a full stop or a paragraph break is one run).
 */
import type { Article, Passage } from '../corpus/types.ts';
import { splitSentences as splitParagraph } from '../corpus/sentences.ts';
import { regexFor, twinRegex } from '../text/ascii-regex.ts';
import { fold } from '../text/fold.ts';
import { type QuoteSegment, findQuoteSegments } from './quote-marks.ts';

/** Stands in for quoted words in the masked text, so that nothing inside a quotation looks like narrative. */
export const MASK = '\u25A0';

export interface Span {
  start: number;
  end: number;
}

/** One quotation as a whole: its segments, in order, and the sentence around it. */
export interface QuoteRun {
  segments: QuoteSegment[];
  /** The sentence where the run opens and the one where it closes (offsets in the article text). */
  firstSentence: number;
  lastSentence: number;
  /** Narrative before the opening mark in its sentence, and after the closing mark in its sentence (masked). */
  before: string;
  after: string;
  /** True when the quoted words are part of the narrator's sentence rather than speech standing alone. */
  fragment: boolean;
}

/** An article as one text, with its quotations located and masked. */
export interface ArticleScan {
  article: Article;
  /** The passages joined: a space within a paragraph, a blank line between paragraphs. */
  text: string;
  /** `text` with every quoted word replaced by MASK (marks kept), so offsets are the same. */
  masked: string;
  parts: { passage: Passage; start: number; end: number }[];
  segments: QuoteSegment[];
  runs: QuoteRun[];
  sentences: Span[];
}

/** Joins an article's passages into one text, remembering where each passage lies. */
function joinPassages(passages: Passage[]): Pick<ArticleScan, 'text' | 'parts'> {
  let text = '';
  const parts: ArticleScan['parts'] = [];
  let previous: Passage | undefined;
  for (const passage of passages) {
    if (previous) text += passage.paragraph !== previous.paragraph ? '\n\n' : ' ';
    parts.push({ passage, start: text.length, end: text.length + passage.text.length });
    text += passage.text;
    previous = passage;
  }
  return { text, parts };
}

export function maskQuotes(text: string, segments: QuoteSegment[]): string {
  // Built from slices rather than a per-character array: UTF-16 units, so offsets stay those of `text`.
  const ordered = [...segments].sort((a, b) => a.start - b.start);
  let masked = '';
  let at = 0;
  for (const segment of ordered) {
    const from = Math.max(at, segment.start);
    if (segment.end <= from) continue;
    masked += text.slice(at, from) + text.slice(from, segment.end).replace(/[^\n]/g, MASK);
    at = segment.end;
  }
  return masked + text.slice(at);
}

/**
 * The article's sentences, by the pipeline's one sentence splitter (corpus/sentences.ts), paragraph by
 * paragraph. The splitter reads the masked text, so a full stop inside a quotation never ends the
 * narrator's sentence; each quotation's first character and its closing . ! ? are shown to it, so a
 * quotation that ends its sentence ('..." The next') and one that opens a sentence ('"They ...') count.
 */
function articleSentences(masked: string, text: string, segments: QuoteSegment[]): Span[] {
  // The offsets to show, each with the character shown there (a later segment's wins, as in order).
  const shownAt = new Map<number, string>();
  for (const segment of segments) {
    if (segment.start < masked.length) shownAt.set(segment.start, text[segment.start]!);
    const last = segment.end - 1;
    if (last < masked.length && /[.!?\u2026]/u.test(text[last] ?? '')) shownAt.set(last, text[last]!);
  }
  let shown = '';
  let at = 0;
  for (const offset of [...shownAt.keys()].sort((a, b) => a - b)) {
    if (offset < 0) continue;
    shown += masked.slice(at, offset) + shownAt.get(offset)!;
    at = offset + 1;
  }
  shown += masked.slice(at);
  const spans: Span[] = [];
  let start = 0;
  for (const paragraph of shown.split('\n')) {
    for (const sentence of splitParagraph(paragraph)) spans.push({ start: start + sentence.start, end: start + sentence.end });
    start += paragraph.length + 1;
  }
  return spans.length > 0 ? spans : [{ start: 0, end: 0 }];
}

/** Index of the sentence holding offset `at` (the last one starting at or before it). */
export function sentenceIndexAt(sentences: Span[], at: number): number {
  let low = 0;
  let high = sentences.length - 1;
  let found = 0;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (sentences[mid]!.start <= at) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

/** Groups segments into runs (a segment that continues joins the run before it). */
function buildRuns(text: string, masked: string, segments: QuoteSegment[], sentences: Span[]): QuoteRun[] {
  const groups: QuoteSegment[][] = [];
  for (const segment of segments) {
    const last = groups.at(-1);
    if (segment.continues && last) last.push(segment);
    else groups.push([segment]);
  }
  return groups.map((group) => {
    const head = group[0]!;
    const tail = group.at(-1)!;
    const firstSentence = sentenceIndexAt(sentences, head.open);
    const tailEnd = tail.close ?? tail.end;
    const lastSentence = sentenceIndexAt(sentences, tailEnd);
    const before = masked.slice(sentences[firstSentence]!.start, head.open);
    const after = tail.close === null ? '' : masked.slice(tail.close + 1, Math.max(tail.close + 1, sentences[lastSentence]!.end));
    const standsAlone =
      group.length > 1 || before.trim() === '' || /:\s*$/u.test(before) || /[.!?\u2026,]$/u.test(text.slice(tail.start, tail.end));
    return { segments: group, firstSentence, lastSentence, before, after, fragment: !standsAlone };
  });
}

/** Locates every quoted span of an article (passages in reading order). */
export function scanArticle(article: Article, passages: Passage[]): ArticleScan {
  const { text, parts } = joinPassages(passages);
  const segments = findQuoteSegments(text);
  const masked = maskQuotes(text, segments);
  const sentences = articleSentences(masked, text, segments);
  const runs = buildRuns(text, masked, segments, sentences);
  return { article, text, masked, parts, segments, runs, sentences };
}

/** Folded words, for comparing phrases: "‘Return hubs'" -> ["return", "hubs"]. */
export function wordsOf(text: string): string[] {
  const folded = fold(text);
  return folded.match(regexFor(FOLDED_WORDS, folded)) ?? [];
}

const FOLDED_WORDS = twinRegex(/[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu);
