/**
 * An article's narrative as words for speech attribution: the masked text's words with their offsets,
 * the names found in it, its sentences, and the shapes the later stages share (a candidate speaker, a
 * speech event, an attribution).
 */
import { regexFor, twinRegex } from '../text/ascii-regex.ts';
import { wordFolder } from '../text/fold.ts';
import { type ArticleScan, type Span, sentenceIndexAt } from './scan.ts';
import type { Entity, SpeakerKind } from './types.ts';

/** An entity found in a text, with offsets in that text. */
export interface NamedSpan {
  start: number;
  end: number;
  entity: Entity;
}

/** Finds the known people, organisations (and places) named in a text. */
export type NameFinder = (text: string) => NamedSpan[];

/** The speaker of a quotation: as printed and as resolved. */
export interface Attribution {
  kind: SpeakerKind;
  asPrinted: string | null;
  /** Entity id, or the source as printed (lower case: "a government source"), or null. */
  speaker: string | null;
  speakerName: string | null;
  /** Which rules gave the speaker, most telling first: "X said: before the quotation; pronoun: the last speaker". */
  rule?: string;
}

export interface Word {
  text: string;
  lower: string;
  start: number;
  end: number;
}

export type CandidateKind = 'entity' | 'source' | 'institution' | 'pronoun' | 'unknown';

export interface Candidate {
  kind: CandidateKind;
  start: number;
  end: number;
  entity?: Entity;
  /** For a source: its determiner, modifiers and noun. */
  determiner?: string;
  noun?: string;
  plural?: boolean;
}

/** A speech verb with the subject that speaks. */
export interface SpeechEvent {
  /** Offset of the verb (or of "according to"). */
  at: number;
  /** Where the words naming the speaker start and end (as printed). */
  subject: Span;
  sentence: number;
  attribution: Attribution;
  /** The candidate the attribution came from (for pronouns and anaphora). */
  candidate: Candidate;
  /** How the verb found its subject: "X said", "said X", ", saying", "according to X". */
  via: string;
}

/** A word of the narrative: letters and digits, with inner apostrophes, full stops and hyphens. */
const WORDS = twinRegex(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu);

/** The words of an article's narrative, and the names in it. */
export class ArticleWords {
  protected readonly words: Word[];
  protected readonly names: NamedSpan[];
  readonly events: SpeechEvent[] = [];

  constructor(
    protected readonly scan: ArticleScan,
    finder: NameFinder,
  ) {
    const m = scan.masked;
    const foldWord = wordFolder(m);
    this.words = [];
    for (const match of m.matchAll(regexFor(WORDS, m))) {
      const text = match[0];
      this.words.push({ text, lower: foldWord(text, match.index), start: match.index, end: match.index + text.length });
    }
    this.names = finder(m).filter((span) => span.entity.kind !== 'place');
  }

  /** Index of the word ending at or just before offset `p` (skipping spaces), or -1. */
  protected wordEndingAt(p: number): number {
    const m = this.scan.masked;
    let q = p;
    while (q > 0 && /[ \t]/u.test(m[q - 1]!)) q--;
    // Words are in order and apart: the last one ending at or before q decides (a binary search).
    const i = lastIndexAtOrBefore(this.words, (word) => word.end, q);
    return i >= 0 && this.words[i]!.end === q ? i : -1;
  }

  /** Index of the first word starting at or after `p` (skipping spaces), if it starts right there. */
  protected wordStartingAt(p: number): number {
    const m = this.scan.masked;
    let q = p;
    while (q < m.length && /[ \t]/u.test(m[q]!)) q++;
    const i = lastIndexAtOrBefore(this.words, (word) => word.start, q);
    return i >= 0 && this.words[i]!.start === q ? i : -1;
  }

  /** Index of the first word starting at or after offset `p` (words.length when none does). */
  protected firstWordFrom(p: number): number {
    return lastIndexAtOrBefore(this.words, (word) => word.start, p - 1) + 1;
  }

  protected sentenceOf(at: number): number {
    return sentenceIndexAt(this.scan.sentences, at);
  }

  protected sentenceStart(at: number): number {
    return this.scan.sentences[this.sentenceOf(at)]?.start ?? 0;
  }

  protected printed(span: Span): string {
    return this.scan.text.slice(span.start, span.end).replace(/\s+/gu, ' ').trim();
  }

  /** Two words separated by nothing but spaces. */
  protected adjacent(a: Word, b: Word): boolean {
    return /^[ \t]+$/u.test(this.scan.masked.slice(a.end, b.start));
  }
}

/** Index of the last item whose offset is at or before `at`, in items ordered by that offset; -1 when none is. */
function lastIndexAtOrBefore<T>(items: T[], offsetOf: (item: T) => number, at: number): number {
  let low = 0;
  let high = items.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (offsetOf(items[mid]!) <= at) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

export function trimEnd(text: string, end: number): number {
  let e = end;
  while (e > 0 && /\s/u.test(text[e - 1]!)) e--;
  return e;
}
