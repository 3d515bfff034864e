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
function foldCharUncached(ch: string): string {
  if (SINGLE_QUOTES.test(ch)) return "'";
  if (DOUBLE_QUOTES.test(ch)) return '"';
  if (DASHES.test(ch)) return '-';
  if (SPACES.test(ch)) return ' ';
  const bare = ch.normalize('NFD').replace(COMBINING_MARKS, '');
  // A letter that is nothing but a mark (rare in NFC text) keeps no trace.
  return bare.toLowerCase();
}

// Folding is per code point, so each non-ASCII character is worked out once per process.
const foldedChars = new Map<string, string>();

function foldChar(ch: string): string {
  let folded = foldedChars.get(ch);
  if (folded === undefined) {
    folded = foldCharUncached(ch);
    foldedChars.set(ch, folded);
  }
  return folded;
}

/** Only ASCII: folding is lower case, plus the backtick as an apostrophe (the one ASCII character foldChar changes otherwise). */
const NON_ASCII = /[^\u0000-\u007F]/;
const NON_ASCII_RUNS = /[^\u0000-\u007F]+/g;

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
  if (!NON_ASCII.test(text)) return foldAscii(text);
  // ASCII stretches fold in bulk; only the non-ASCII code points go one by one.
  let folded = '';
  let at = 0;
  for (const match of text.matchAll(NON_ASCII_RUNS)) {
    folded += foldAscii(text.slice(at, match.index));
    for (const ch of match[0]) folded += foldChar(ch);
    at = match.index + match[0].length;
  }
  return folded + foldAscii(text.slice(at));
}

function foldAscii(text: string): string {
  const lower = text.toLowerCase();
  return lower.includes('`') ? lower.replaceAll('`', "'") : lower;
}

/**
 * Folds the words printed in one text, each given with its offset there. A word of plain ASCII folds to
 * its lower case, so it is cut from the text lowered once (cheaper than folding word by word) whenever
 * lowering kept every offset; any other word folds on its own.
 */
export function wordFolder(text: string): (word: string, start: number) => string {
  const lowered = text.toLowerCase();
  if (lowered.length !== text.length) return (word) => fold(word);
  return (word, start) => (isPlainAscii(word) ? lowered.slice(start, start + word.length) : fold(word));
}

/** ASCII without the backtick (the one ASCII character that folds to something else than its lower case). */
function isPlainAscii(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code > 0x7f || code === 0x60) return false;
  }
  return true;
}

/** Folds text and keeps, for every folded offset, the matching offset in the original. */
export function foldWithOffsets(text: string): FoldedText {
  if (!NON_ASCII.test(text)) {
    // One unit in, one unit out: offsets are the identity.
    const toOriginal = new Array<number>(text.length + 1);
    for (let i = 0; i <= text.length; i++) toOriginal[i] = i;
    return { text: foldAscii(text), toOriginal };
  }
  let folded = '';
  const toOriginal: number[] = [];
  let at = 0;
  const foldAsciiUpTo = (end: number) => {
    folded += foldAscii(text.slice(at, end));
    for (; at < end; at++) toOriginal.push(at);
  };
  for (const match of text.matchAll(NON_ASCII_RUNS)) {
    foldAsciiUpTo(match.index);
    for (const ch of match[0]) {
      const out = foldChar(ch);
      folded += out;
      for (let i = 0; i < out.length; i++) toOriginal.push(at);
      at += ch.length;
    }
  }
  foldAsciiUpTo(text.length);
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
  return fold(text)
    .replace(/[\s-]+/g, ' ')
    .trim();
}
