/**
 * Text folding shared by entity matching and search: lower case, no diacritics, one form of
 * apostrophe, quote mark and dash. Folding works character by character, so for ordinary text the
 * folded string has the same length as the original and offsets carry over unchanged; where a
 * character folds to more or fewer code units, `foldWithOffsets` maps folded offsets back.
 */

/** Apostrophes and single quote marks that fold to "'". */
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u02BC\u02BB\u0060\u00B4]/u;
/** Double quote marks that fold to '"'. */
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/u;
/** Hyphens and dashes that fold to "-". */
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D]/u;
/** Spaces that fold to " ". */
const SPACES = /[\u00A0\u2000-\u200A\u202F\u205F\u3000]/u;
const COMBINING_MARKS = /\p{M}/gu;

/** Folds one code point (as a string) to its matching form; may return '' or several units. */
function foldChar(ch: string): string {
  if (SINGLE_QUOTES.test(ch)) return "'";
  if (DOUBLE_QUOTES.test(ch)) return '"';
  if (DASHES.test(ch)) return '-';
  if (SPACES.test(ch)) return ' ';
  const bare = ch.normalize('NFD').replace(COMBINING_MARKS, '');
  // A letter that is nothing but a mark (rare in NFC text) keeps no trace.
  return bare.toLowerCase();
}

export interface FoldedText {
  /** The folded text. */
  text: string;
  /**
   * For each folded offset i (0..text.length), the offset in the original text of the character
   * it came from; `toOriginal[text.length]` is the original length.
   */
  toOriginal: number[];
}

/** Folds text for matching: "Vučić’s" -> "vucic's", "Bosnia–Herzegovina" -> "bosnia-herzegovina". */
export function fold(text: string): string {
  return foldWithOffsets(text).text;
}

/** Folds text and keeps, for every folded offset, the matching offset in the original. */
export function foldWithOffsets(text: string): FoldedText {
  let folded = '';
  const toOriginal: number[] = [];
  let offset = 0;
  for (const ch of text) {
    const out = foldChar(ch);
    folded += out;
    for (let i = 0; i < out.length; i++) toOriginal.push(offset);
    offset += ch.length;
  }
  toOriginal.push(text.length);
  return { text: folded, toOriginal };
}

/**
 * Maps a [start, end) span of folded text back to the original text: the start goes to the
 * character it came from, the end to the end of the last character it covers.
 */
export function originalSpan(folded: FoldedText, start: number, end: number): { start: number; end: number } {
  const origStart = folded.toOriginal[start] ?? 0;
  if (end <= start) return { start: origStart, end: origStart };
  // The end of the span is where the character after the last covered one starts, in the original.
  let next = end;
  const last = folded.toOriginal[end - 1] ?? origStart;
  while (next < folded.toOriginal.length - 1 && folded.toOriginal[next] === last) next++;
  const origEnd = folded.toOriginal[next] ?? folded.toOriginal[folded.toOriginal.length - 1] ?? 0;
  return { start: origStart, end: Math.max(origEnd, origStart) };
}

/** A key to compare names by: folded, with hyphens and runs of spaces as one space ("Bosnia–Herzegovina" -> "bosnia herzegovina"). */
export function foldKey(text: string): string {
  return fold(text).replace(/[\s-]+/g, ' ').trim();
}
