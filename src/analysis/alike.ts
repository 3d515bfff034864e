/**
 * What several outlets carry alike: passages and quotations in the same or nearly the same words.
 *
 * Texts are compared as folded words (case, diacritics and quote marks ignored; bracketed editorial
 * insertions such as "[English]" dropped) cut into overlapping word n-grams (shingles). Similarity is
 * containment: the share of the shorter text's shingles that the longer one also has, so a quotation
 * cut short or a passage republished inside a longer one still matches, and a reworded ending only
 * costs the shingles it touches. Quotations of up to six words must appear word for word inside the
 * other quotation (a single word must equal it), since two shared word pairs prove nothing.
 *
 * Groups are built by complete linkage: a text joins a group only if it is alike to every member,
 * so two different statements never end up together through a third passage that holds both. For
 * quotations, two fragments of one longer quotation in the group count as alike ("British interest"
 * and "British real estate" both quote the source's longer sentence); passages get no such pass,
 * since a long passage often holds several statements.
 */
import { splitSentences } from '../corpus/sentences.ts';
import type { Corpus, Passage } from '../corpus/types.ts';
import { wordsOf } from './scan.ts';
import type { AlikeGroup, Analysis, Quotation } from './types.ts';

/** Passages: word trigrams; at least this share of the shorter passage's trigrams must be shared. */
export const PASSAGE_THRESHOLD = 0.5;
const PASSAGE_SHINGLE = 3;
const PASSAGE_MIN_SHARED = 4;
/** Quotations: word pairs (quotations are short); the same share applies. */
export const QUOTATION_THRESHOLD = 0.5;
const QUOTATION_SHINGLE = 2;
const QUOTATION_MIN_SHARED = 2;
/** A single word must equal the other quotation; up to this many words must appear in it word for word. */
const SHORT_QUOTATION = 6;

export interface AlikeItem {
  id: string;
  text: string;
}

/** Folded words without bracketed insertions ("the [English] Channel" -> "the channel"). */
export function comparableWords(text: string): string[] {
  return wordsOf(text.replace(/\[[^\]\n]{1,40}\]/gu, ' '));
}

/**
 * Words and shingles as numbers, for one grouping run: a word is looked up once per item, and a
 * shingle (its words' ids) gets its id from an open-addressing table of integer tuples, so no
 * shingle string or large-number key is ever built. After every item is prepared, shingles are
 * renumbered rarest first (see rankByRarity), so an item's shingles sorted ascending are also its
 * rarest first, and comparing two items is a merge of two integer arrays.
 */
class ShingleIds {
  private readonly words = new Map<string, number>();
  /** Items holding each shingle, by shingle id. */
  readonly holders: number[] = [];
  /**
   * Slot -> shingle id + 1 (0: empty); the shingle's word ids are at keys[slot * width ...]. Starts
   * small and doubles as shingles come: /check groups one chat message's few shingles on every call.
   */
  private slots = new Int32Array(1 << 10);
  private keys: Int32Array;

  constructor(private readonly width: number) {
    this.keys = new Int32Array(this.slots.length * width);
  }

  /** The item's distinct shingles, as ids. */
  shinglesOf(words: string[]): Int32Array {
    const wordIds = new Int32Array(words.length);
    words.forEach((word, i) => {
      let id = this.words.get(word);
      if (id === undefined) {
        id = this.words.size;
        this.words.set(word, id);
      }
      wordIds[i] = id;
    });
    const count = Math.max(0, words.length - this.width + 1);
    const found = new Int32Array(count);
    for (let i = 0; i < count; i++) found[i] = this.idOf(wordIds, i);
    found.sort();
    let distinct = 0;
    for (let i = 0; i < count; i++) if (i === 0 || found[i] !== found[i - 1]) found[distinct++] = found[i]!;
    return found.slice(0, distinct);
  }

  private idOf(wordIds: Int32Array, from: number): number {
    const width = this.width;
    let hash = 0x811c9dc5;
    for (let w = 0; w < width; w++) hash = Math.imul(hash ^ wordIds[from + w]!, 0x01000193);
    const mask = this.slots.length - 1;
    for (let slot = (hash ^ (hash >>> 15)) & mask; ; slot = (slot + 1) & mask) {
      const stored = this.slots[slot]!;
      if (stored === 0) {
        const id = this.holders.push(0) - 1;
        this.slots[slot] = id + 1;
        for (let w = 0; w < width; w++) this.keys[slot * width + w] = wordIds[from + w]!;
        if (this.holders.length * 2 > this.slots.length) this.grow();
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

/**
 * Renumbers shingles rarest first (fewest holders; ties by first appearance, i.e. corpus order) and
 * sorts each item's shingles by the new numbers. Returns the holder count of each new number.
 */
function rankByRarity(prepared: Prepared[], ids: ShingleIds): Int32Array {
  const counts = ids.holders;
  for (const item of prepared) for (const shingle of item.shingles) counts[shingle]!++;
  let most = 0;
  for (const count of counts) most = Math.max(most, count);
  // Counting sort by holder count; within a count, ids stay in ascending order.
  const starts = new Int32Array(most + 2);
  for (const count of counts) starts[count + 1]!++;
  for (let c = 1; c < starts.length; c++) starts[c]! += starts[c - 1]!;
  const rank = new Int32Array(counts.length);
  const holdersByRank = new Int32Array(counts.length);
  for (let id = 0; id < counts.length; id++) {
    const at = starts[counts[id]!]!++;
    rank[id] = at;
    holdersByRank[at] = counts[id]!;
  }
  for (const item of prepared) {
    for (let i = 0; i < item.shingles.length; i++) item.shingles[i] = rank[item.shingles[i]!]!;
    item.shingles.sort();
  }
  return holdersByRank;
}

interface Prepared {
  words: string[];
  /** Distinct shingle ids (ascending once ranked by rarity). */
  shingles: Int32Array;
}

interface Measure {
  shingle: number;
  minShared: number;
  threshold: number;
  /** Texts of at most this many words must appear word for word in the other (0: no such rule). */
  exactUpTo: number;
  /** Whether two fragments of a longer member count as alike (see the module comment). */
  fragmentsOfOne: boolean;
}

const PASSAGE_MEASURE: Measure = {
  shingle: PASSAGE_SHINGLE,
  minShared: PASSAGE_MIN_SHARED,
  threshold: PASSAGE_THRESHOLD,
  exactUpTo: 0,
  fragmentsOfOne: false,
};
/** Sentences: as passages, but a sentence of one or two words must equal, or stand word for word in, the other. */
const SENTENCE_MEASURE: Measure = { ...PASSAGE_MEASURE, exactUpTo: 2 };
const QUOTATION_MEASURE: Measure = {
  shingle: QUOTATION_SHINGLE,
  minShared: QUOTATION_MIN_SHARED,
  threshold: QUOTATION_THRESHOLD,
  exactUpTo: SHORT_QUOTATION,
  fragmentsOfOne: true,
};

function prepare(text: string, measure: Measure, ids: ShingleIds): Prepared {
  const words = comparableWords(text);
  return { words, shingles: ids.shinglesOf(words) };
}

/** How many ids two ascending arrays share. */
function sharedCount(small: Int32Array, large: Int32Array, needed: number): number {
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

/** `cutoff`: stop counting once the threshold is out of reach (the score is then some value below it). */
function similarityOf(a: Prepared, b: Prepared, measure: Measure, cutoff = false): number {
  const shorter = a.words.length <= b.words.length ? a : b;
  const longer = shorter === a ? b : a;
  if (shorter.words.length === 0) return 0;
  if (shorter.words.length <= measure.exactUpTo) {
    const plain = (words: string[]) => words.join(' ').replace(LEADING_ARTICLE, '');
    if (shorter.words.length === 1 || longer.words.length === 1) return plain(shorter.words) === plain(longer.words) ? 1 : 0;
    return ` ${longer.words.join(' ')} `.includes(` ${plain(shorter.words)} `) ? 1 : 0;
  }
  const [small, large] = a.shingles.length <= b.shingles.length ? [a.shingles, b.shingles] : [b.shingles, a.shingles];
  if (small.length === 0) return 0;
  const needed = cutoff ? Math.max(Math.min(measure.minShared, small.length), Math.ceil(measure.threshold * small.length)) : 0;
  const shared = sharedCount(small, large, needed);
  if (shared < Math.min(measure.minShared, small.length)) return 0;
  return shared / small.length;
}

/** How alike two passages' words are, 0..1 (share of the shorter one's trigrams in the other). */
export function passageSimilarity(a: string, b: string): number {
  return similarityOf(...preparePair(a, b, PASSAGE_MEASURE), PASSAGE_MEASURE);
}

/** How alike two quotations' words are, 0..1 (short ones must be equal). */
export function quotationSimilarity(a: string, b: string): number {
  return similarityOf(...preparePair(a, b, QUOTATION_MEASURE), QUOTATION_MEASURE);
}

function preparePair(a: string, b: string, measure: Measure): [Prepared, Prepared] {
  const ids = new ShingleIds(measure.shingle);
  const pair: [Prepared, Prepared] = [prepare(a, measure, ids), prepare(b, measure, ids)];
  for (const item of pair) item.shingles.sort();
  return pair;
}

/**
 * Groups items alike by complete linkage; every item ends in exactly one group (alone when nothing
 * is alike). Groups keep corpus order: the first member is the earliest item, and is the
 * representative. Group ids are `${kind}:${representative id}`.
 */
function groupItems(items: AlikeItem[], kind: AlikeGroup['kind'], measure: Measure): AlikeGroup[] {
  const ids = new ShingleIds(measure.shingle);
  const prepared = items.map((item) => prepare(item.text, measure, ids));
  const similar: Map<number, number>[] = items.map(() => new Map<number, number>());
  const pairs: { a: number; b: number; score: number }[] = [];
  forEachCandidatePair(prepared, measure, ids, (a, b) => {
    const score = similarityOf(prepared[a]!, prepared[b]!, measure, true);
    if (score < measure.threshold) return;
    similar[a]!.set(b, score);
    similar[b]!.set(a, score);
    pairs.push({ a, b, score });
  });
  pairs.sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);
  const clusterOf = items.map((_, i) => i);
  const members = new Map<number, number[]>(items.map((_, i) => [i, [i]]));
  for (const { a, b } of pairs) {
    const ca = clusterOf[a]!;
    const cb = clusterOf[b]!;
    if (ca === cb) continue;
    const left = members.get(ca)!;
    const right = members.get(cb)!;
    const union = [...left, ...right];
    const size = (i: number) => prepared[i]!.words.length;
    const alike = (x: number, y: number) =>
      similar[x]!.has(y) ||
      (measure.fragmentsOfOne && union.some((z) => size(z) > Math.max(size(x), size(y)) && similar[z]!.has(x) && similar[z]!.has(y)));
    if (!left.every((x) => right.every((y) => alike(x, y)))) continue;
    for (const y of right) clusterOf[y] = ca;
    left.push(...right);
    members.delete(cb);
  }
  return [...members.values()]
    .map((cluster) => cluster.sort((x, y) => x - y))
    .sort((x, y) => x[0]! - y[0]!)
    .map((cluster) => {
      const ids = cluster.map((i) => items[i]!.id);
      return { id: `${kind}:${ids[0]}`, kind, members: ids };
    });
}

/**
 * The pairs that can reach the threshold, without comparing every pair (which took hours at 100,000
 * passages). Exact, by prefix filtering: if the smaller of two shingle sets shares at least `threshold`
 * of its shingles with the other, it shares one of its rarest `size - ceil(threshold * size) + 1`, so
 * each item only probes the postings of those. A short text must appear word for word in the other,
 * so it probes the texts holding its rarest word. Visits each pair once, smaller index first.
 * A shingle or word carried by more than MAX_POSTINGS texts is too common to link texts on its own
 * (boilerplate, a phrase every outlet repeats): it proposes no pairs. That can only leave out an
 * "also reported by", never merge two statements; below that size the result is exact.
 */
function forEachCandidatePair(prepared: Prepared[], measure: Measure, ids: ShingleIds, visit: (a: number, b: number) => void): void {
  const holderCounts = rankByRarity(prepared, ids);
  // Postings of every shingle in one array: shingle s's items are postings[offsets[s]..offsets[s+1]).
  const offsets = new Int32Array(holderCounts.length + 1);
  for (let s = 0; s < holderCounts.length; s++) offsets[s + 1] = offsets[s]! + holderCounts[s]!;
  const postings = new Int32Array(offsets[holderCounts.length]!);
  const filled = offsets.slice(0, holderCounts.length);
  prepared.forEach((item, index) => {
    for (const shingle of item.shingles) postings[filled[shingle]!++] = index;
  });
  const wordPostings = new Map<string, number[]>();
  if (measure.exactUpTo > 0) {
    prepared.forEach((item, index) => {
      for (const word of new Set(item.words)) {
        const list = wordPostings.get(word);
        if (list) list.push(index);
        else wordPostings.set(word, [index]);
      }
    });
  }
  const frequency = (list: number[] | undefined) => list?.length ?? 0;
  /** seenBy[b] === a + 1 once the pair (a, b) was visited from a. */
  const seenBy = new Int32Array(prepared.length);
  for (let a = 0; a < prepared.length; a++) {
    const item = prepared[a]!;
    const consider = (b: number) => {
      if (b === a || seenBy[b] === a + 1) return;
      seenBy[b] = a + 1;
      if (a < b) visit(a, b);
      else visit(b, a);
    };
    if (item.words.length > 0 && item.words.length <= measure.exactUpTo) {
      // Probe from the short side: every longer-or-equal text that holds this text's rarest word.
      const rarest =
        item.words
          .filter((word) => !ARTICLES.has(word))
          .sort((x, y) => frequency(wordPostings.get(x)) - frequency(wordPostings.get(y)))[0] ?? item.words[0]!;
      const holders = wordPostings.get(rarest) ?? [];
      if (holders.length > MAX_POSTINGS) continue;
      for (const b of holders) {
        const other = prepared[b]!;
        if (other.words.length > item.words.length || (other.words.length === item.words.length && b > a)) consider(b);
      }
      continue;
    }
    const size = item.shingles.length;
    if (size === 0) continue;
    const prefix = size - Math.ceil(measure.threshold * size) + 1;
    for (let p = 0; p < prefix; p++) {
      const shingle = item.shingles[p]!;
      if (holderCounts[shingle]! > MAX_POSTINGS) continue;
      for (let h = offsets[shingle]!; h < offsets[shingle + 1]!; h++) {
        const b = postings[h]!;
        const other = prepared[b]!;
        // Probe from the side with fewer shingles (the one the similarity divides by); a short text probes for itself.
        if (other.words.length <= measure.exactUpTo) continue;
        const otherSize = other.shingles.length;
        if (otherSize > size || (otherSize === size && b > a)) consider(b);
      }
    }
  }
}

const ARTICLES = new Set(['a', 'an', 'the']);
/** Texts a shingle may link before it counts as too common to propose pairs (see candidatePairs). */
export const MAX_POSTINGS = 64;

/** Passages several outlets carry alike (every passage in one group). */
export function groupPassages(corpus: Corpus): AlikeGroup[] {
  return groupItems(corpus.passages, 'passage', PASSAGE_MEASURE);
}

/** A sentence's id: `${passageId}:s${n}`, n its index in splitSentences(passage.text). */
export function sentenceId(passageId: string, index: number): string {
  return `${passageId}:s${index}`;
}

/**
 * Sentences several outlets carry alike (only groups of two or more are returned). Credits are given
 * per sentence, since a passage of three sentences often shares one with another outlet and not the
 * rest; which members print a sentence's very words is read off the group (see printsWords).
 */
export function groupSentences(passages: readonly Passage[]): AlikeGroup[] {
  const items: AlikeItem[] = [];
  for (const passage of passages) {
    splitSentences(passage.text).forEach((span, index) => {
      items.push({ id: sentenceId(passage.id, index), text: passage.text.slice(span.start, span.end) });
    });
  }
  return groupItems(items, 'sentence', SENTENCE_MEASURE).filter((group) => group.members.length > 1);
}

/** Whether `printed` holds every word of `shown` in order and next to each other (folded): it printed those words. */
export function printsWords(printed: string, shown: string): boolean {
  const words = comparableWords(shown);
  return words.length > 0 && ` ${comparableWords(printed).join(' ')} `.includes(` ${words.join(' ')} `);
}

/** Every alike group of a corpus: passages, sentences and quotations. */
export function groupAlike(corpus: Corpus, quotations: Quotation[]): AlikeGroup[] {
  return [...groupPassages(corpus), ...groupSentences(corpus.passages), ...groupQuotations(quotations)];
}

/** Quotations carried alike; sets each quotation's groupId. */
export function groupQuotations(quotations: Quotation[]): AlikeGroup[] {
  const groups = groupItems(quotations, 'quotation', QUOTATION_MEASURE);
  const groupOf = new Map<string, string>();
  for (const group of groups) for (const member of group.members) groupOf.set(member, group.id);
  for (const quotation of quotations) quotation.groupId = groupOf.get(quotation.id) ?? quotation.id;
  return groups;
}

/** One outlet's attribution of words that other outlets attribute differently. */
export interface Attributed {
  quotationId: string;
  outlet: string;
  articleId: string;
  text: string;
  speaker: string | null;
  speakerName: string | null;
  speakerAsPrinted: string | null;
}

export interface Disagreement {
  groupId: string;
  /** Every occurrence in the group, in corpus order. */
  attributions: Attributed[];
}

/**
 * Groups of alike quotations whose occurrences name different speakers (an unattributed occurrence
 * counts as a different speaker): outlets disagree on who said it, and answers should say so.
 */
export function disagreements(analysis: Pick<Analysis, 'groups' | 'quotations'>): Disagreement[] {
  const byId = new Map(analysis.quotations.map((quotation) => [quotation.id, quotation]));
  const found: Disagreement[] = [];
  for (const group of analysis.groups) {
    if (group.kind !== 'quotation' || group.members.length < 2) continue;
    const attributions = group.members.flatMap((id) => {
      const quotation = byId.get(id);
      if (!quotation) return [];
      const { outlet, articleId, text, speaker, speakerName, speakerAsPrinted } = quotation;
      return [{ quotationId: id, outlet, articleId, text, speaker, speakerName, speakerAsPrinted }];
    });
    if (new Set(attributions.map((attribution) => attribution.speaker)).size > 1) found.push({ groupId: group.id, attributions });
  }
  return found;
}
