/**
 * Inline rules: furniture printed inside a paragraph (image counters, video durations, a caption
 * printed just before its ALL-CAPS photo credit, a trailing link to another story). Each rule is
 * anchored on a sentence boundary, so it cannot eat into a sentence.
 */
import { AGENCIES } from './furniture.ts';
import { SENTENCE_END, SENTENCE_STARTERS } from './text.ts';

export type InlineRule = 'dateline' | 'image-counter' | 'video-duration' | 'inline-credit' | 'inline-caption' | 'related-link';

/** A removed span, as offsets into the paragraph text. */
export interface InlineRemoval {
  start: number;
  end: number;
  rule: InlineRule;
}

/** Right after a sentence ends (or at the paragraph's start). */
const AFTER_BOUNDARY = `(?<=^|${SENTENCE_END}\\s)`;

const STARTERS = [...SENTENCE_STARTERS].map((w) => w[0]?.toUpperCase() + w.slice(1)).join('|');

/** "... discussions. 2 The western ...": a gallery counter between two sentences. */
const IMAGE_COUNTER = new RegExp(`${AFTER_BOUNDARY}\\d{1,2}\\s+(?=(?:${STARTERS})\\b)`, 'gu');
/** "... for a key ally. 1:30 But ...": a video's duration between two sentences. */
const VIDEO_DURATION = new RegExp(`${AFTER_BOUNDARY}\\d{1,2}:\\d{2}(?::\\d{2})?\\s+(?=["'“‘]?\\p{Lu})`, 'gu');
/** "... small boats. 2" at the paragraph's end. */
const TRAILING_COUNTER = new RegExp(`(?<=${SENTENCE_END})\\s+\\d{1,2}\\s*$`, 'gu');
/** "EXCLUSIVE: Some other story's headline 2" closing a paragraph: no sentence punctuation at all. */
const RELATED_LINK = new RegExp(`${AFTER_BOUNDARY}\\p{Lu}{3,}(?: \\p{Lu}{2,})*:\\s[^.!?]*$`, 'gu');
/** "... on Friday. Read more: Another story's headline" closing a paragraph: a link cue, then no sentence punctuation. */
const CUED_LINK = new RegExp(
  `${AFTER_BOUNDARY}(?:Read (?:more|also|next)|Also read|See also|Related|More on this(?: story)?|Watch|Listen|Don'?t miss):\\s[^.!?]*$`,
  'giu',
);

const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?';
const AGENCY_TAG = ' \\([^()]{1,40}\\)';
const DATE_TAG = `, (?:${MONTH} \\d{1,2}|\\d{1,2} ${MONTH})(?:,? \\d{4})?`;
const COUNTRY_TAG = '(?:, \\p{Lu}[\\p{L}.]+(?: \\p{Lu}[\\p{L}.]+)*)?';
const DASH = '\\s*[-–—]{1,2}\\s+';
/**
 * A wire dateline opening a paragraph, then a dash: the place in capitals with a date or the agency in brackets
 * ("LJUBLJANA, June 3 (Agency) - ", "KYIV, Ukraine (AP) — "), or the place in Title Case with a date ("Brussels,
 * June 3 (Agency) - "; without the date, "Edi Rama (left) - " could be a sentence's subject).
 */
const DATELINE = new RegExp(
  `^(?:\\p{Lu}[\\p{Lu}\\p{M}'’.\\-]+(?:[ /]\\p{Lu}[\\p{Lu}\\p{M}'’.\\-]+)*${COUNTRY_TAG}(?:${DATE_TAG}(?:${AGENCY_TAG})?|${AGENCY_TAG})` +
    `|\\p{Lu}\\p{Ll}+(?: \\p{Lu}\\p{Ll}+)*${COUNTRY_TAG}${DATE_TAG}(?:${AGENCY_TAG})?)${DASH}`,
  'gu',
);

const CAPS_WORD = "[A-Z][A-Z'’.\\-]*";
const CAPS_NAME = `${CAPS_WORD}(?: ${CAPS_WORD})*`;
const AGENCY_CAPS = AGENCIES.map((a) => a.toUpperCase()).join('|');
/** "SAMEER AL-DOUMY/AFP/GETTY IMAGES", "GETTY IMAGES": a credit in capitals, inside the text. */
const CAPS_CREDIT = new RegExp(`(?<!\\p{L})(?:${CAPS_NAME}/)*(?:${AGENCY_CAPS})(?!\\p{L})`, 'gu');
/** The last sentence boundary before a credit; the caption runs from there. */
const BOUNDARY = new RegExp(`${SENTENCE_END}\\s+`, 'gu');
const MAX_CAPTION = 300;

function addMatches(text: string, re: RegExp, rule: InlineRule, out: InlineRemoval[]): void {
  for (const m of text.matchAll(re)) out.push({ start: m.index, end: m.index + m[0].length, rule });
}

/** Finds the inline furniture of one paragraph; spans may overlap (callers merge them). */
export function findInlineFurniture(text: string): InlineRemoval[] {
  const out: InlineRemoval[] = [];
  addMatches(text, DATELINE, 'dateline', out);
  addMatches(text, RELATED_LINK, 'related-link', out);
  addMatches(text, CUED_LINK, 'related-link', out);
  addMatches(text, IMAGE_COUNTER, 'image-counter', out);
  addMatches(text, VIDEO_DURATION, 'video-duration', out);
  addMatches(text, TRAILING_COUNTER, 'image-counter', out);
  for (const m of text.matchAll(CAPS_CREDIT)) {
    const credit = m[0];
    // A lone capitalised word ("AFP") can be part of a sentence; a credit has a slash or two words.
    if (!credit.includes('/') && !credit.includes(' ')) continue;
    let end = m.index + credit.length;
    while (end < text.length && /\s/u.test(text[end] ?? '')) end++;
    out.push({ start: m.index, end, rule: 'inline-credit' });
    const caption = captionBefore(text, m.index);
    if (caption) out.push({ ...caption, rule: 'inline-caption' });
  }
  return out;
}

/** The caption printed just before a credit: the words since the last sentence end, if they are not a sentence. */
function captionBefore(text: string, creditStart: number): { start: number; end: number } | undefined {
  const from = Math.max(0, creditStart - MAX_CAPTION);
  const region = text.slice(from, creditStart);
  let start: number | undefined = from === 0 ? 0 : undefined;
  for (const b of region.matchAll(BOUNDARY)) start = from + b.index + b[0].length;
  if (start === undefined || start >= creditStart) return undefined;
  const words = text.slice(start, creditStart).trim();
  if (words === '' || /[.!?]/u.test(words) || words.split(/\s+/u).length > 30) return undefined;
  return { start, end: creditStart };
}
