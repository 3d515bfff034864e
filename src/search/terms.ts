import { stemmer } from 'stemmer';
import { fold } from '../text/fold.ts';
import { stopWords } from './stop-words.ts';

// Dotted abbreviations (U.K., U.S.) become one word so they match "UK".
const DOTTED_ABBREVIATION = /\b(?:\p{L}\.){2,}/gu;
// Letters and digits, with an inner apostrophe so possessives can be cut off as one unit.
const WORD = /[\p{L}\p{N}]+(?:'[\p{L}]+)*/gu;

/** Splits text into folded words, possessives dropped: "Russia's U.K. hubs" -> ["russia", "uk", "hubs"]. */
export function tokenize(text: string): string[] {
  const folded = fold(text).replace(DOTTED_ABBREVIATION, (abbreviation) => abbreviation.replaceAll('.', ''));
  const words: string[] = [];
  for (const match of folded.matchAll(WORD)) {
    words.push(dropPossessive(match[0]));
  }
  return words;
}

function dropPossessive(word: string): string {
  return word.endsWith("'s") ? word.slice(0, -2) : word.replaceAll("'", '');
}

/** The index term for a word, or null for a stop word: stems so that cross/crossed/crossing meet. */
export function termOf(word: string): string | null {
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
