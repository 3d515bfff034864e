/**
 * Quote marks: double quotes (straight or curly) and single quotes (the Times' and the Sun's style),
 * told apart from apostrophes ("you'd", "Britain's", "Kosovo 's", "the Tories' plan"). A quotation
 * that runs on is a run of segments: a paragraph that opens a quote and does not close it continues
 * when the next paragraph reopens it, and a quote reopened after a full stop while still open
 * ('... interest. 'They cited ...) continues in a new segment.
 */
export type QuoteStyle = 'single' | 'double';

/** One stretch of quoted words, without its marks. Offsets index the scanned text. */
export interface QuoteSegment {
  /** Offset of the opening mark. */
  open: number;
  /** First and one-past-last offsets of the quoted words (trimmed of surrounding spaces). */
  start: number;
  end: number;
  /** Offset of the closing mark, or null when the segment ends at a paragraph break or a reopening mark. */
  close: number | null;
  style: QuoteStyle;
  /** True when this segment carries on the previous one (reopened after a sentence or paragraph end). */
  continues: boolean;
}

const DOUBLE_MARKS = new Set(['"', '\u201C', '\u201D', '\u201E', '\u00AB', '\u00BB']);
const SINGLE_MARKS = new Set(["'", '\u2018', '\u2019', '\u201A', '\u201B']);
/** Marks whose shape says which side they are on. */
const LEFT_MARKS = new Set(['\u201C', '\u201E', '\u00AB', '\u2018', '\u201A', '\u201B']);
const RIGHT_DOUBLE = new Set(['\u201D', '\u00BB']);
/** The next quote mark or line break: what the segment finder stops at. */
const MARK_OR_BREAK = new RegExp(`[\\n${[...DOUBLE_MARKS, ...SINGLE_MARKS].join('')}]`, 'g');

const isSpace = (ch: string | undefined) => ch !== undefined && /\s/u.test(ch);
const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
/** What may sit right before an opening mark besides a space. */
const BEFORE_OPENER = new Set(['(', '[', '{', '\u2014', '\u2013', '-', '/']);
/** What may sit right after a closing mark besides a space. */
const AFTER_CLOSER = /[.,;:!?)\]}\u2014\u2013\-\u2026]/u;
/** Clitics written after a space ("Kosovo 's"): an apostrophe, not an opening mark. */
const CLITIC_AFTER = /^(?:s|t|d|m|ll|re|ve)(?![\p{L}\p{N}])/u;

export function styleOf(ch: string): QuoteStyle | null {
  if (DOUBLE_MARKS.has(ch)) return 'double';
  if (SINGLE_MARKS.has(ch)) return 'single';
  return null;
}

/** A mark with a space (or line start) before it and a word after it. */
function openerShaped(text: string, i: number): boolean {
  const prev = text[i - 1];
  const next = text[i + 1];
  if (next === undefined || isSpace(next)) return false;
  if (i === 0 || isSpace(prev) || BEFORE_OPENER.has(prev!)) return true;
  // A single mark right inside a double one ("'...) or the reverse.
  return prev !== undefined && styleOf(prev) !== null && styleOf(prev) !== styleOf(text[i]!);
}

/** A mark with a word or punctuation before it and a space, punctuation or the end after it. */
function closerShaped(text: string, i: number): boolean {
  const prev = text[i - 1];
  const next = text[i + 1];
  if (prev === undefined || isSpace(prev)) return false;
  return next === undefined || isSpace(next) || AFTER_CLOSER.test(next) || styleOf(next) !== null;
}

/** The last non-space character before `i`. */
function previousVisible(text: string, i: number): string | undefined {
  let j = i - 1;
  while (j >= 0 && isSpace(text[j])) j--;
  return j >= 0 ? text[j] : undefined;
}

const endsSentence = (ch: string | undefined) => ch !== undefined && /[.!?\u2026]/u.test(ch);

/**
 * Whether a single mark is an apostrophe: inside a word ("you'd"), a clitic after a space
 * ("Kosovo 's"), or a plural possessive ("countries' law") when the open quote closes further on.
 */
function isApostrophe(text: string, i: number, open: boolean, paragraphEnd: number): boolean {
  const prev = text[i - 1];
  const next = text[i + 1];
  if (isWordChar(prev) && isWordChar(next)) return true;
  if (isSpace(prev) && isWordChar(text[i - 2]) && CLITIC_AFTER.test(text.slice(i + 1))) return true;
  if (open && prev === 's' && next === ' ' && /^ [\p{Ll}]/u.test(text.slice(i + 1))) {
    // "countries' law": a possessive if the quote still closes before another quote opens.
    for (let j = i + 1; j < paragraphEnd; j++) {
      if (styleOf(text[j]!) !== 'single' || isApostrophe(text, j, false, paragraphEnd)) continue;
      if (closerShaped(text, j) && !openerShaped(text, j)) return true;
      if (openerShaped(text, j)) return false;
    }
  }
  return false;
}

function paragraphEndFrom(text: string, i: number): number {
  const next = text.indexOf('\n', i);
  return next === -1 ? text.length : next;
}

/** Trims spaces off both ends of [start, end). */
export function trimmed(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && isSpace(text[start])) start++;
  while (end > start && isSpace(text[end - 1])) end--;
  return { start, end };
}

/**
 * Every quoted segment in `text`, in order. Paragraphs are separated by line breaks. Nested quotes
 * of the other style stay inside the outer segment.
 */
export function findQuoteSegments(text: string): QuoteSegment[] {
  const segments: QuoteSegment[] = [];
  let open: { style: QuoteStyle; mark: number; continues: boolean } | null = null;
  /** A quote left open at a paragraph end: reopened by the next paragraph's first mark. */
  let pending: QuoteStyle | null = null;

  const finish = (endAt: number, close: number | null) => {
    if (!open) return;
    const span = trimmed(text, open.mark + 1, endAt);
    if (span.end > span.start) segments.push({ open: open.mark, ...span, close, style: open.style, continues: open.continues });
    open = null;
  };

  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch !== '\n' && styleOf(ch) === null) {
      // Ordinary text up to the next mark or break: all it can do is end a quote left pending.
      MARK_OR_BREAK.lastIndex = i;
      const next = MARK_OR_BREAK.exec(text)?.index ?? text.length;
      if (pending !== null && /\S/u.test(text.slice(i, next))) pending = null;
      i = next - 1;
      continue;
    }
    if (ch === '\n') {
      if (open) {
        pending = open.style;
        finish(i, null);
      }
      continue;
    }
    const style = styleOf(ch)!;
    const paragraphEnd = paragraphEndFrom(text, i);
    if (open && open.style !== style) continue; // nested quote of the other style
    if (style === 'single' && isApostrophe(text, i, open !== null, paragraphEnd)) {
      if (!open) pending = null;
      continue;
    }
    const opener = LEFT_MARKS.has(ch) || (!RIGHT_DOUBLE.has(ch) && openerShaped(text, i));
    const closer = !LEFT_MARKS.has(ch) && closerShaped(text, i);

    if (!open) {
      if (opener) {
        open = { style, mark: i, continues: pending === style };
      }
      pending = null;
      continue;
    }
    // Inside an open quote of this style.
    if (opener && !closer && endsSentence(previousVisible(text, i))) {
      // Reopened after a full stop: the quote runs on in a new segment ('... interest. 'They cited ...).
      finish(i, null);
      open = { style, mark: i, continues: true };
      continue;
    }
    if (closer || opener) finish(i, i);
  }
  if (open) finish(text.length, null);
  return segments;
}
