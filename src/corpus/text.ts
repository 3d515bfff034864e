/** Small shape tests on printed text, shared by the cleaning, splitting and quoting rules. */

/** Whitespace as pages print it, non-breaking spaces included. */
export function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && isSpaceCode(ch.charCodeAt(0));
}

/** The characters /\s/ matches, by code unit (a hot path: no regex per character). */
export function isSpaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** Offset of the first non-whitespace character at or after i. */
export function skipSpace(text: string, i: number): number {
  while (i < text.length && isSpaceCode(text.charCodeAt(i))) i++;
  return i;
}

export function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && /\p{L}/u.test(ch);
}

export function isLetterOrDigit(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

/** Collapses every whitespace run (NBSP included) to one space and trims. */
export function collapseSpace(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** Sentence-final punctuation, possibly followed by closing quotes or brackets. */
export const SENTENCE_END = `[.!?…]["'”’)\\]]*`;

/** True when the text ends the way a sentence does (". ", "?", ".\"" ...). */
export function endsLikeSentence(text: string): boolean {
  return new RegExp(`${SENTENCE_END}$`, 'u').test(text.trim());
}

export function wordCount(text: string): number {
  const t = text.trim();
  return t === '' ? 0 : t.split(/\s+/u).length;
}

/** A date as pages print it: "Jun 2, 2025", "2 June 2025", "2025-06-02". */
export const PRINTED_DATE =
  '(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}' +
  '|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?,?\\s+\\d{4}' +
  '|\\d{4}-\\d{2}-\\d{2})';

/** A relative or absolute time stamp line, optionally behind a "time" icon label: "time2 days ago". */
export const STAMP_LINE = new RegExp(
  '^(?:time\\s*)?((?:\\d+|an?|one)\\s+(?:second|sec|minute|min|hour|hr|day|week|month|year)s?\\s+ago' +
    `|yesterday|today|just now|${PRINTED_DATE})$`,
  'iu',
);

/**
 * Words that commonly open an English sentence. Used where a capital letter alone cannot tell a
 * sentence start from a name: after "U.K." and after a bare number between sentences.
 */
export const SENTENCE_STARTERS: ReadonlySet<string> = new Set(
  (
    'the a an this that these those there here it its he she they we i you his her their our my ' +
    'but and or so yet however despite although though while when whenever after before since if as ' +
    'in on at for from with without by of to into under over during among between across ' +
    'meanwhile according earlier later last next now then today yesterday also still such ' +
    'some many most all both each every no not one two three what who why how where which ' +
    'critics experts officials sources'
  ).split(' '),
);
