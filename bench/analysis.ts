/**
 * The analysis stage for the benchmark's large corpora. src/analysis's alike grouping compares every
 * pair of passages and of quotations (O(n²): 200 s at 10,000 passages, hours at 100,000), so the
 * benchmark runs every other stage as analyze() does and groups with the same measure and the same
 * complete linkage over candidate pairs only: pairs that can reach the threshold, found through an
 * inverted index of shingles (rarest first: prefix filtering) and of words (for short quotations).
 * Up to APPROXIMATE_ABOVE items that is exactly analyze()'s result (test/bench checks it). Above it,
 * prefix filtering still leaves every pair that shares a phrase of the seed text (each is reused
 * hundreds of times), so passages are compared only when they share a run of LONG_RUN words: what
 * reprinted copy shares. Passages alike by scattered phrases alone are then left ungrouped.
 */
import { comparableWords } from '../src/analysis/alike.ts';
import { findMentions } from '../src/analysis/entities.ts';
import { findFigures } from '../src/analysis/figures.ts';
import type { Gazetteer } from '../src/analysis/gazetteer.ts';
import { quotationsOf } from '../src/analysis/index.ts';
import type { AlikeGroup, Analysis, Quotation } from '../src/analysis/types.ts';
import type { Corpus } from '../src/corpus/types.ts';

// The measures of src/analysis/alike.ts (kept in step by test/bench/analysis.test.ts).
interface Measure {
  shingle: number;
  minShared: number;
  threshold: number;
  exactUpTo: number;
  fragmentsOfOne: boolean;
}
const PASSAGE_MEASURE: Measure = { shingle: 3, minShared: 4, threshold: 0.5, exactUpTo: 0, fragmentsOfOne: false };
const QUOTATION_MEASURE: Measure = { shingle: 2, minShared: 2, threshold: 0.5, exactUpTo: 6, fragmentsOfOne: true };
const LEADING_ARTICLE = /^(?:a|an|the) /u;

interface Prepared {
  words: string[];
  shingles: Set<string>;
}

function prepare(text: string, measure: Measure): Prepared {
  const words = comparableWords(text);
  const shingles = new Set<string>();
  for (let i = 0; i + measure.shingle <= words.length; i++) shingles.add(words.slice(i, i + measure.shingle).join(' '));
  return { words, shingles };
}

const plain = (words: string[]) => words.join(' ').replace(LEADING_ARTICLE, '');

function similarityOf(a: Prepared, b: Prepared, measure: Measure): number {
  const shorter = a.words.length <= b.words.length ? a : b;
  const longer = shorter === a ? b : a;
  if (shorter.words.length === 0) return 0;
  if (shorter.words.length <= measure.exactUpTo) {
    if (shorter.words.length === 1 || longer.words.length === 1) return plain(shorter.words) === plain(longer.words) ? 1 : 0;
    return ` ${longer.words.join(' ')} `.includes(` ${plain(shorter.words)} `) ? 1 : 0;
  }
  const [small, large] = a.shingles.size <= b.shingles.size ? [a.shingles, b.shingles] : [b.shingles, a.shingles];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const shingle of small) if (large.has(shingle)) shared++;
  if (shared < Math.min(measure.minShared, small.size)) return 0;
  return shared / small.size;
}

/** Above this many items, passages are grouped approximately (see the module comment). */
export const APPROXIMATE_ABOVE = 20_000;
const LONG_RUN = 16;

/** Pairs (a < b) of items that share a run of LONG_RUN words, each offered once. */
function forEachLongRunPair(prepared: Prepared[], visit: (a: number, b: number) => void): void {
  const runs = postingsOf((i) => {
    const words = prepared[i]!.words;
    const keys = new Set<string>();
    for (let start = 0; start + LONG_RUN <= words.length; start += 1) keys.add(words.slice(start, start + LONG_RUN).join(' '));
    return keys;
  }, prepared.length);
  const seen = new Set<number>();
  for (const list of runs.lists) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const key = list[i]! * prepared.length + list[j]!;
        if (seen.has(key)) continue;
        seen.add(key);
        visit(list[i]!, list[j]!);
      }
    }
  }
}

/** Posting lists over small integer ids: item positions that hold each key, ascending. */
function postingsOf(keysOf: (i: number) => Iterable<string>, count: number): { idOf: Map<string, number>; lists: number[][] } {
  const idOf = new Map<string, number>();
  const lists: number[][] = [];
  for (let i = 0; i < count; i++) {
    for (const key of keysOf(i)) {
      let id = idOf.get(key);
      if (id === undefined) {
        id = lists.length;
        idOf.set(key, id);
        lists.push([]);
      }
      lists[id]!.push(i);
    }
  }
  return { idOf, lists };
}

/**
 * Every pair (a < b) that can score at the threshold or above, each offered once to `visit`:
 * - shingle measure: the item x with fewer shingles must share m = ceil(t * |x|) of them (and at least
 *   min(minShared, |x|)), so y holds at least m - (|x| - p) of any p of x's shingles. Counting per y
 *   over x's rarest shingles (at least |x| - m + 1 of them: prefix filtering; more while their lists
 *   are short) leaves few candidates to compare in full;
 * - short quotations: the longer one holds every word of the shorter one's plain form: its rarest word.
 */
function forEachCandidatePair(prepared: Prepared[], measure: Measure, visit: (a: number, b: number) => void): void {
  const shingles = postingsOf((i) => prepared[i]!.shingles, prepared.length);
  const words = measure.exactUpTo > 0 ? postingsOf((i) => new Set(prepared[i]!.words), prepared.length) : undefined;
  // Scanning a list costs its length; a weak count filter costs a full comparison per candidate.
  const cheapList = Math.max(2000, Math.round(prepared.length / 5));
  const seen = new Set<number>();
  const offer = (x: number, y: number) => {
    const [a, b] = x < y ? [x, y] : [y, x];
    const key = a * prepared.length + b;
    if (seen.has(key)) return;
    seen.add(key);
    visit(a, b);
  };
  const counts = new Int32Array(prepared.length);
  const touched: number[] = [];
  prepared.forEach((item, x) => {
    const size = item.shingles.size;
    if (size > 0) {
      const needed = Math.max(Math.ceil(measure.threshold * size - 1e-9), Math.min(measure.minShared, size));
      const lists = [...item.shingles].map((shingle) => shingles.lists[shingles.idOf.get(shingle)!]!).sort((p, q) => p.length - q.length);
      let scanned = size - needed + 1;
      while (scanned < size && lists[scanned]!.length <= cheapList) scanned++;
      const atLeast = needed - (size - scanned);
      for (let i = 0; i < scanned; i++) {
        for (const y of lists[i]!) {
          // Each pair once: from its item with fewer shingles (the lower position when equal).
          const other = prepared[y]!.shingles.size;
          if (other < size || (other === size && y <= x)) continue;
          if (counts[y] === 0) touched.push(y);
          counts[y]!++;
        }
      }
      for (const y of touched) {
        if (counts[y]! >= atLeast) offer(x, y);
        counts[y] = 0;
      }
      touched.length = 0;
    }
    const length = item.words.length;
    if (words && length > 0 && length <= measure.exactUpTo) {
      const own = length === 1 ? item.words : plain(item.words).split(' ');
      const listOf = (word: string) => words.lists[words.idOf.get(word) ?? -1] ?? [];
      const rarest = own.reduce((best, word) => (listOf(word).length < listOf(best).length ? word : best));
      for (const y of listOf(rarest)) if (y !== x && prepared[y]!.words.length >= length) offer(x, y);
    }
  });
}

/** groupItems of src/analysis/alike.ts, over candidate pairs only. */
export function groupItems(items: { id: string; text: string }[], kind: AlikeGroup['kind'], measure: Measure): AlikeGroup[] {
  const prepared = items.map((item) => prepare(item.text, measure));
  const similar: Map<number, number>[] = items.map(() => new Map());
  const pairs: { a: number; b: number; score: number }[] = [];
  const forEachPair = measure.exactUpTo === 0 && items.length > APPROXIMATE_ABOVE ? forEachLongRunPair : (list: Prepared[], visit: (a: number, b: number) => void) => forEachCandidatePair(list, measure, visit);
  forEachPair(prepared, (a, b) => {
    const score = similarityOf(prepared[a]!, prepared[b]!, measure);
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

function groupQuotations(quotations: Quotation[]): AlikeGroup[] {
  const groups = groupItems(quotations, 'quotation', QUOTATION_MEASURE);
  const groupOf = new Map<string, string>();
  for (const group of groups) for (const member of group.members) groupOf.set(member, group.id);
  for (const quotation of quotations) quotation.groupId = groupOf.get(quotation.id) ?? quotation.id;
  return groups;
}

export interface StageTimes {
  mentionsMs: number;
  figuresMs: number;
  quotationsMs: number;
  groupingMs: number;
}

/** analyze() of src/analysis/index.ts with candidate-pair grouping; also says how long each stage took. */
export function analyzeForBench(corpus: Corpus, gazetteer: Gazetteer): { analysis: Analysis; stages: StageTimes } {
  let start = performance.now();
  const lap = () => {
    const now = performance.now();
    const ms = now - start;
    start = now;
    return ms;
  };
  const articleById = new Map(corpus.articles.map((article) => [article.id, article]));
  const mentions = corpus.passages.flatMap((passage) => findMentions(passage, gazetteer));
  const mentionsMs = lap();
  const figures = corpus.passages.flatMap((passage) => findFigures(passage, articleById.get(passage.articleId)!, gazetteer));
  const figuresMs = lap();
  const { quotations } = quotationsOf(corpus, gazetteer);
  const quotationsMs = lap();
  const groups = [...groupItems(corpus.passages, 'passage', PASSAGE_MEASURE), ...groupQuotations(quotations)];
  const groupingMs = lap();
  return {
    analysis: { entities: gazetteer.entities, mentions, quotations, figures, groups },
    stages: { mentionsMs, figuresMs, quotationsMs, groupingMs },
  };
}
