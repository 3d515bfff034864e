import { stemmer } from 'stemmer';
import { fold } from '../text/fold.ts';
import { stopWords } from './stop-words.ts';

// Dotted abbreviations (U.K., U.S.) become one word so they match "UK".
const DOTTED_ABBREVIATION = /\b(?:\p{L}\.){2,}/gu;
// Letters and digits, with an inner apostrophe so possessives can be cut off as one unit.
const WORD = /[\p{L}\p{N}]+(?:'[\p{L}]+)*/gu;

// The same two rules for text that folded to ASCII (lower case): letters are a-z, digits 0-9.
const DOTTED_ABBREVIATION_ASCII = /\b(?:[a-z]\.){2,}/g;
const NON_ASCII = /[^\u0000-\u007F]/;

/** Splits text into folded words, possessives dropped: "Russia's U.K. hubs" -> ["russia", "uk", "hubs"]. */
export function tokenize(text: string): string[] {
  // "22,000" is one number, so that it matches "22000".
  const folded = withoutThousandsSeparators(fold(text));
  if (!NON_ASCII.test(folded)) return tokenizeAscii(folded);
  return tokenizeUnicode(folded);
}

function withoutThousandsSeparators(text: string): string {
  return text.includes(',') ? text.replace(/(\d),(?=\d{3}(?!\d))/g, '$1') : text;
}

function tokenizeUnicode(text: string): string[] {
  const folded = text.replace(DOTTED_ABBREVIATION, (abbreviation) => abbreviation.replaceAll('.', ''));
  const words: string[] = [];
  for (const match of folded.matchAll(WORD)) {
    words.push(dropPossessive(match[0]));
  }
  return words;
}

/** tokenizeUnicode for folded ASCII text, without regular expressions over every word (most text is ASCII). */
function tokenizeAscii(text: string): string[] {
  const folded = text.includes('.') ? text.replace(DOTTED_ABBREVIATION_ASCII, (abbreviation) => abbreviation.replaceAll('.', '')) : text;
  const words: string[] = [];
  const length = folded.length;
  let i = 0;
  while (i < length) {
    if (!isLetterOrDigit(folded.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < length && isLetterOrDigit(folded.charCodeAt(i))) i++;
    // An apostrophe joins the letters after it: "russia's", "o'neill".
    while (i + 1 < length && folded.charCodeAt(i) === APOSTROPHE && isLetter(folded.charCodeAt(i + 1))) {
      i++;
      while (i < length && isLetter(folded.charCodeAt(i))) i++;
    }
    words.push(dropPossessive(folded.slice(start, i)));
  }
  return words;
}

const APOSTROPHE = 39;
const isLetter = (code: number) => (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
const isLetterOrDigit = (code: number) => isLetter(code) || (code >= 48 && code <= 57);

function dropPossessive(word: string): string {
  if (!word.includes("'")) return word;
  return word.endsWith("'s") ? word.slice(0, -2) : word.replaceAll("'", '');
}

// Words recur (a corpus's vocabulary is small next to its length): each is folded and stemmed once.
// Bounded, since questions bring new words: when full, it starts over.
const TERM_CACHE_LIMIT = 200_000;
const termCache = new Map<string, string | null>();

/** The index term for a word, or null for a stop word: stems so that cross/crossed/crossing meet. */
export function termOf(word: string): string | null {
  let term = termCache.get(word);
  if (term === undefined) {
    if (termCache.size >= TERM_CACHE_LIMIT) termCache.clear();
    term = computeTerm(word);
    termCache.set(word, term);
  }
  return term;
}

function computeTerm(word: string): string | null {
  const folded = dropPossessive(fold(word));
  if (folded.length === 0 || stopWords.has(folded)) return null;
  // Porter stemming mangles numbers and very short words; keep them as they are.
  if (folded.length <= 3 || /\d/.test(folded)) return folded;
  return stemmer(folded);
}

/** The content terms of a text, in order, duplicates kept. */
export function termsOf(text: string): string[] {
  const terms: string[] = [];
  for (const word of tokenize(text)) {
    const term = termOf(word);
    if (term !== null) terms.push(term);
  }
  return terms;
}
