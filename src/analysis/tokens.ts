/**
 * Words of printed text with their offsets, and the shape tests that name finding needs: is a word
 * capitalised, what separates two words. One tokenizer for the place matcher and name discovery.
 */
import { regexFor, twinRegex } from '../text/ascii-regex.ts';
import { wordFolder } from '../text/fold.ts';

export interface Token {
  /** As printed: "Vučić", "O'Brien", "U.S.", "MI6". */
  text: string;
  /** Folded, dots dropped, hyphens as spaces: "vucic", "o'brien", "us", "bosnia herzegovina". */
  key: string;
  /** Folded, dots dropped, hyphens kept (a name's word): "ferrandez-ortega". */
  word: string;
  /** Starts with a capital letter. */
  capital: boolean;
  start: number;
  end: number;
}

/** Dotted abbreviations ("U.S."), then words with inner hyphens or apostrophes ("Jean-Luc", "O'Brien"), not "'s". */
const WORD = twinRegex(/(?:\p{L}\.){2,}|[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]{2,})*/gu);

const CAPITAL = /^\p{Lu}/u;
const HYPHEN = /[-\u2010\u2011]/;
const HYPHENS = /[-\u2010\u2011]/g;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const foldWord = wordFolder(text);
  for (const match of text.matchAll(regexFor(WORD, text))) {
    const printed = match[0];
    const folded = foldWord(printed, match.index);
    // Most words hold no dot or hyphen: the replacements (and their copies) are skipped for them.
    const word = folded.includes('.') ? folded.replace(/\./g, '') : folded;
    tokens.push({
      text: printed,
      key: HYPHEN.test(word) ? word.replace(HYPHENS, ' ') : word,
      word,
      capital: CAPITAL.test(printed),
      start: match.index,
      end: match.index + printed.length,
    });
  }
  return tokens;
}

/** Starts with a capital letter ("MI6" starts with M). */
export function isCapitalised(token: Token): boolean {
  return token.capital;
}

/** Every letter a capital: "NATO", "MI6", "U.S.". */
export function isAllCaps(token: Token): boolean {
  const letters = token.text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase();
}

/** The two tokens are one name's neighbours: nothing but one run of spaces or a hyphen between them. */
export function joined(text: string, a: Token, b: Token): boolean {
  const gap = text.slice(a.end, b.start);
  return /^(?:[ \t\u00A0]+|[-\u2010\u2011])$/u.test(gap);
}
