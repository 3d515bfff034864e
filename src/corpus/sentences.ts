/**
 * Sentence splitting for news prose: a sentence ends at . ! ? (plus any closing quotes or brackets)
 * followed by a space and a capital, a digit or an opening quote, except after titles ("Mr.", "Dr."),
 * initials ("J. Smith") and dotted abbreviations ("U.K."), which end a sentence only when an ordinary
 * sentence opener follows ("... with the U.K. Despite ...").
 */
import { SENTENCE_STARTERS, isSpace, skipSpace } from './text.ts';

export interface SentenceSpan {
  /** Offsets in the paragraph text. */
  start: number;
  end: number;
}

const TITLES = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'sen', 'rep', 'gen', 'col', 'lt', 'sgt', 'capt', 'cmdr', 'rev', 'hon',
  'jr', 'sr', 'vs', 'v', 'approx', 'dept', 'govt', 'gov', 'sept', 'jan', 'feb', 'mar', 'apr',
  'jun', 'jul', 'aug', 'oct', 'nov', 'dec', 'e.g', 'i.e', 'cf', 'mt', 'ft', 'pres', 'supt', 'insp',
]);
/** Abbreviations that stand before a number: "No. 10", "Fig. 2". */
const BEFORE_NUMBER = new Set(['no', 'nos', 'fig', 'figs', 'p', 'pp', 'vol', 'art', 'para']);
const CLOSERS = new Set(['"', "'", '”', '’', ')', ']']);
const OPENERS = new Set(['"', "'", '“', '‘', '(', '[']);

/** Splits one paragraph into sentences. Linear in the paragraph's length. */
export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = skipSpace(text, 0);
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (ch !== '.' && ch !== '!' && ch !== '?' && ch !== '…') continue;
    let end = i + 1;
    while (end < text.length && (text[end] === '.' || CLOSERS.has(text[end] ?? ''))) end++;
    if (end < text.length && !isSpace(text[end])) {
      i = end - 1; // "U.K.'s", "2.5": no boundary; skip the run
      continue;
    }
    const next = skipSpace(text, end);
    if (next >= text.length) break;
    if (!opensSentence(text, next)) continue;
    if (ch === '.' && !periodEnds(text, i, next)) continue;
    spans.push({ start, end });
    start = next;
    i = next - 1;
  }
  const last = trimEnd(text, text.length);
  if (last > start) spans.push({ start, end: last });
  return spans;
}

function trimEnd(text: string, i: number): number {
  while (i > 0 && isSpace(text[i - 1])) i--;
  return i;
}

function opensSentence(text: string, i: number): boolean {
  let j = i;
  while (j < text.length && OPENERS.has(text[j] ?? '')) j++;
  const ch = text[j] ?? '';
  return /[\p{Lu}\p{N}]/u.test(ch);
}

/** Whether the period at `dot` ends the sentence, given the next sentence would start at `next`. */
function periodEnds(text: string, dot: number, next: number): boolean {
  let w = dot;
  while (w > 0 && !isSpace(text[w - 1]) && !OPENERS.has(text[w - 1] ?? '')) w--;
  const word = text.slice(w, dot);
  if (/^\p{Lu}$/u.test(word)) return false; // an initial: "J. Smith"
  if (TITLES.has(word.toLowerCase())) return false;
  if (BEFORE_NUMBER.has(word.toLowerCase()) && /\d/u.test(text[next] ?? '')) return false;
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return SENTENCE_STARTERS.has(nextWord(text, next).toLowerCase());
  return true;
}

function nextWord(text: string, i: number): string {
  const m = /^["'“‘([]*(\p{L}+)/u.exec(text.slice(i, i + 40));
  return m?.[1] ?? '';
}
