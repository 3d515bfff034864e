/**
 * How alike two texts are (see alike.ts for what "alike" means): texts as folded words cut into
 * overlapping word n-grams (shingles), and the share of the shorter text's shingles the other has.
 */
import { wordsOf } from './scan.ts';

/** Passages: word trigrams; at least this share of the shorter passage's trigrams must be shared. */
export const PASSAGE_THRESHOLD = 0.5;
/** Quotations: word pairs (quotations are short); the same share applies. */
export const QUOTATION_THRESHOLD = 0.5;
/** A single word must equal the other quotation; up to this many words must appear in it word for word. */
const SHORT_QUOTATION = 6;
/** Texts a shingle or word may link before it counts as too common to propose pairs (see alike-index.ts). */
export const MAX_POSTINGS = 64;
/** Words never chosen as the word a short text is looked up by. */
export const ARTICLES = new Set(['a', 'an', 'the']);

export interface Measure {
  shingle: number;
  minShared: number;
  threshold: number;
  /** Texts of at most this many words must appear word for word in the other (0: no such rule). */
  exactUpTo: number;
  /** Whether two fragments of a longer member count as alike (see alike.ts). */
  fragmentsOfOne: boolean;
}

export const PASSAGE_MEASURE: Measure = { shingle: 3, minShared: 4, threshold: PASSAGE_THRESHOLD, exactUpTo: 0, fragmentsOfOne: false };
/** Sentences: as passages, but a sentence of one or two words must equal, or stand word for word in, the other. */
export const SENTENCE_MEASURE: Measure = { ...PASSAGE_MEASURE, exactUpTo: 2 };
export const QUOTATION_MEASURE: Measure = {
  shingle: 2,
  minShared: 2,
  threshold: QUOTATION_THRESHOLD,
  exactUpTo: SHORT_QUOTATION,
  fragmentsOfOne: true,
};

/** Folded words without bracketed insertions ("the [English] Channel" -> "the channel"). */
export function comparableWords(text: string): string[] {
  return wordsOf(text.replace(/\[[^\]\n]{1,40}\]/gu, ' '));
}

/**
 * A text ready for comparing. Kept for every text of a corpus between changes (alike-index.ts), so
 * it is small: words are the table's own strings, and id lists are plain arrays (a typed array costs
 * a hundred bytes or more of its own).
 */
export interface Prepared extends Comparable {
  words: string[];
  /** Distinct word ids. */
  wordIds: number[];
  /** Distinct shingle ids, ascending: two texts' shared shingles are counted by merging these. */
  shingles: number[];
  /** The same ids in the order the text first uses them (rarity ties go by it; see alike-index.ts). */
  firstSeen: number[];
}

/** What comparing a text needs: its words only when it, or the other text, is short enough to need them. */
export interface Comparable {
  wordCount: number;
  words: readonly string[] | undefined;
  /** Distinct shingle ids, ascending. */
  shingles: readonly number[];
}

/**
 * Words and shingles as numbers, kept for as long as the texts are: a word is looked up once per
 * text, and a shingle (its words' ids) gets its id from an open-addressing table of integer tuples,
 * so no shingle string or large-number key is ever built. Ids are never reused.
 */
export class ShingleIds {
  private readonly words = new Map<string, number>();
  /** Word id -> the word (one string per word, shared by every text that uses it). */
  private readonly wordStrings: string[] = [];
  private shingleCount = 0;
  /**
   * Slot -> shingle id + 1 (0: empty); the shingle's word ids are at keys[slot * width ...]. Starts
   * small and doubles as shingles come: /check groups one chat message's few shingles on every call.
   */
  private slots = new Int32Array(1 << 10);
  private keys: Int32Array;
  /** stamp[id] === the current text's number once the text used that id (for distinct lists). */
  private shingleStamp: Int32Array<ArrayBuffer> = new Int32Array(1 << 10);
  private wordStamp: Int32Array<ArrayBuffer> = new Int32Array(1 << 10);
  private texts = 0;

  constructor(private readonly width: number) {
    this.keys = new Int32Array(this.slots.length * width);
  }

  /** The id of a word, or undefined when no text used it. */
  wordId(word: string): number | undefined {
    return this.words.get(word);
  }

  prepare(text: string): Prepared {
    const words = comparableWords(text);
    const texts = ++this.texts;
    const ids = new Int32Array(words.length);
    const distinctWords: number[] = [];
    words.forEach((word, i) => {
      let id = this.words.get(word);
      if (id === undefined) {
        id = this.words.size;
        this.words.set(word, id);
        this.wordStrings.push(word);
      }
      words[i] = this.wordStrings[id]!;
      ids[i] = id;
      if (id >= this.wordStamp.length) this.wordStamp = grown(this.wordStamp, id);
      if (this.wordStamp[id] !== texts) {
        this.wordStamp[id] = texts;
        distinctWords.push(id);
      }
    });
    const count = Math.max(0, words.length - this.width + 1);
    const firstSeen: number[] = [];
    for (let i = 0; i < count; i++) {
      const id = this.idOf(ids, i);
      if (id >= this.shingleStamp.length) this.shingleStamp = grown(this.shingleStamp, id);
      if (this.shingleStamp[id] !== texts) {
        this.shingleStamp[id] = texts;
        firstSeen.push(id);
      }
    }
    return { words, wordCount: words.length, wordIds: distinctWords, shingles: firstSeen.slice().sort((x, y) => x - y), firstSeen };
  }

  private idOf(wordIds: Int32Array, from: number): number {
    const width = this.width;
    let hash = 0x811c9dc5;
    for (let w = 0; w < width; w++) hash = Math.imul(hash ^ wordIds[from + w]!, 0x01000193);
    const mask = this.slots.length - 1;
    for (let slot = (hash ^ (hash >>> 15)) & mask; ; slot = (slot + 1) & mask) {
      const stored = this.slots[slot]!;
      if (stored === 0) {
        const id = this.shingleCount++;
        this.slots[slot] = id + 1;
        for (let w = 0; w < width; w++) this.keys[slot * width + w] = wordIds[from + w]!;
        if (this.shingleCount * 2 > this.slots.length) this.grow();
        return id;
      }
      let same = true;
      for (let w = 0; w < width && same; w++) same = this.keys[slot * width + w] === wordIds[from + w];
      if (same) return stored - 1;
    }
  }

  private grow(): void {
    const { slots, keys, width } = this;
    this.slots = new Int32Array(slots.length * 2);
    this.keys = new Int32Array(this.slots.length * width);
    const mask = this.slots.length - 1;
    for (let old = 0; old < slots.length; old++) {
      if (slots[old] === 0) continue;
      let hash = 0x811c9dc5;
      for (let w = 0; w < width; w++) hash = Math.imul(hash ^ keys[old * width + w]!, 0x01000193);
      let slot = (hash ^ (hash >>> 15)) & mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
      this.slots[slot] = slots[old]!;
      for (let w = 0; w < width; w++) this.keys[slot * width + w] = keys[old * width + w]!;
    }
  }
}

function grown(array: Int32Array, index: number): Int32Array<ArrayBuffer> {
  let length = array.length;
  while (length <= index) length *= 2;
  const larger = new Int32Array(length);
  larger.set(array);
  return larger;
}

/** How many ids two ascending arrays share; stops early (returning less) once `needed` is out of reach. */
function sharedCount(small: readonly number[], large: readonly number[], needed: number): number {
  let shared = 0;
  let i = 0;
  let j = 0;
  while (i < small.length && j < large.length) {
    if (shared + small.length - i < needed) return shared; // cannot reach it any more
    const x = small[i]!;
    const y = large[j]!;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared;
}

const LEADING_ARTICLE = /^(?:a|an|the) /u;

/**
 * How alike two texts are, 0..1: the share of the shorter one's shingles the other has; a text of
 * up to `exactUpTo` words must appear word for word in the other. `cutoff`: stop counting once the
 * threshold is out of reach (the score is then some value below it).
 */
export function similarityOf(a: Comparable, b: Comparable, measure: Measure, cutoff = false): number {
  const shorter = a.wordCount <= b.wordCount ? a : b;
  const longer = shorter === a ? b : a;
  if (shorter.wordCount === 0) return 0;
  if (shorter.wordCount <= measure.exactUpTo) {
    const plain = (words: readonly string[]) => words.join(' ').replace(LEADING_ARTICLE, '');
    const [short, long] = [shorter.words!, longer.words!];
    if (shorter.wordCount === 1 || longer.wordCount === 1) return plain(short) === plain(long) ? 1 : 0;
    return ` ${long.join(' ')} `.includes(` ${plain(short)} `) ? 1 : 0;
  }
  const small = a.shingles.length <= b.shingles.length ? a.shingles : b.shingles;
  const large = small === a.shingles ? b.shingles : a.shingles;
  if (small.length === 0) return 0;
  const needed = cutoff ? Math.max(Math.min(measure.minShared, small.length), Math.ceil(measure.threshold * small.length)) : 0;
  const shared = sharedCount(small, large, needed);
  if (shared < Math.min(measure.minShared, small.length)) return 0;
  return shared / small.length;
}
