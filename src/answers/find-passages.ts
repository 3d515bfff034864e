import type { Passage } from '../corpus/types.ts';
import { matchEntities } from '../analysis/entities.ts';
import type { AnswerContext } from './context.ts';
import { highlightTerms } from './highlight.ts';
import { termOf, tokenize } from '../search/terms.ts';

export interface FoundPassage {
  position: number;
  passage: Passage;
  score: number;
  /** The index terms the passage matched (a misspelt query word's matched spelling among them). */
  terms: readonly string[];
  /** Worked out on first read: most found passages are never shown. */
  readonly highlights: [number, number][];
}

/** A found passage whose highlights are computed when an answer first reads them. */
class Found implements FoundPassage {
  private computed: [number, number][] | undefined;

  constructor(
    readonly position: number,
    readonly passage: Passage,
    public score: number,
    readonly terms: readonly string[],
    private readonly highlightOf: () => [number, number][],
  ) {}

  get highlights(): [number, number][] {
    this.computed ??= this.highlightOf();
    return this.computed;
  }
}

export type FindOutcome =
  | { kind: 'found'; passages: FoundPassage[] }
  /** The coverage does not answer: `missing` names the words nothing in it matches. */
  | { kind: 'nothing'; missing: string[] }
  /** Only stop words: nothing to search for. */
  | { kind: 'no-terms' };

/**
 * The rule for honest emptiness, shared by /ask and /compare:
 * 1. The query's content words are its words minus stop words and question framing ("what did ... say").
 * 2. A word is known when some passage holds it, its stem, or (for a word of 5+ letters the coverage
 *    lacks) a spelling one or two edits away. Gazetteer names in the query count as known entities.
 * 3. If fewer than two thirds of the content words are known, or a capitalised word (a name) is unknown,
 *    the coverage does not answer: "nothing in the coverage", never the least bad match. A name is known
 *    only as printed, or as a misspelling of a name the gazetteer knows: "Osmanni" finds Osmani, but
 *    "Orban" is not "organ".
 * 4. A passage is a result only if it matches at least half of the known words, or a named entity.
 */
export function findPassages(context: AnswerContext, text: string): FindOutcome {
  const entityIds = entitiesIn(context, text);
  const outcome = context.story.text.search({ text, entityIds, minTextTerms: neededTerms });
  const { queryTerms, unknownTerms } = outcome;
  if (queryTerms.length === 0 && entityIds.length === 0) return { kind: 'no-terms' };

  const knownCount = queryTerms.length - unknownTerms.length;
  const unknown = new Set(unknownTerms);
  const namesUnknown = capitalisedWordsIn(text).filter((word) => {
    const term = termOf(word);
    if (term === null) return false;
    if (unknown.has(term)) return true;
    return !context.story.text.knowsTerm(term) && !context.names.knowsName(word);
  });
  for (const word of namesUnknown) unknown.add(termOf(word)!);
  if (queryTerms.length > 0 && (knownCount * 3 < queryTerms.length * 2 || namesUnknown.length > 0)) {
    return { kind: 'nothing', missing: wordsFor(text, unknown) };
  }
  const needed = neededTerms(knownCount);
  const entitySet = new Set(entityIds);
  const passages: Found[] = [];
  const outletsSeen = new Set<string>();
  for (const hit of outcome.hits) {
    const textTermsMatched = hit.queryTerms.filter((term) => !entitySet.has(term)).length;
    const entityMatched = hit.queryTerms.some((term) => entitySet.has(term));
    if (textTermsMatched < needed && !entityMatched) continue;
    const passage = context.story.corpus.passages[hit.passage]!;
    // Answers read the best passages and each outlet's best one (/compare): the rest is never shown.
    const outlet = context.story.articleById.get(passage.articleId)!.outlet;
    if (passages.length >= KEPT_DEPTH && outletsSeen.has(outlet)) {
      if (outletsSeen.size === context.story.outlets.length) break;
      continue;
    }
    outletsSeen.add(outlet);
    passages.push(
      new Found(hit.passage, passage, hit.score, hit.terms, () => {
        const highlights = highlightTerms(passage.text, new Set(hit.terms.filter((term) => !entitySet.has(term))));
        for (const mention of context.story.mentionsByPassage.get(passage.id) ?? []) {
          if (entitySet.has(mention.entityId)) highlights.push([mention.start, mention.end]);
        }
        return highlights;
      }),
    );
  }
  return passages.length > 0 ? { kind: 'found', passages: rerankByAdjacency(passages, text) } : { kind: 'nothing', missing: [] };
}

/** Rule 4: at least half of the known words (and at least one). */
function neededTerms(knownCount: number): number {
  return Math.max(1, Math.ceil(knownCount / 2));
}

/** Found passages kept in rank order; below them, only each outlet's best. */
const KEPT_DEPTH = 200;

/** How many of the best hits get the adjacency re-rank: enough to reorder the top, cheap at any size. */
const RERANK_DEPTH = 40;

/**
 * Words of the query that stand next to each other in a passage ("ruled out", "small boats") say more
 * than the same words scattered, which BM25 cannot see: each adjacent pair adds half to the score.
 */
function rerankByAdjacency(passages: Found[], query: string): Found[] {
  const pairs = adjacentPairs(queryWords(query));
  if (pairs.size === 0) return passages;
  const top = passages.slice(0, RERANK_DEPTH).map((found) => {
    found.score *= 1 + 0.5 * sharedPairs(pairs, passageWords(found.passage));
    return found;
  });
  top.sort((a, b) => b.score - a.score);
  return [...top, ...passages.slice(RERANK_DEPTH)];
}

/** How many of the query's adjacent pairs (first word -> the words after it) stand next to each other in `words`. */
function sharedPairs(pairs: ReadonlyMap<string, ReadonlySet<string>>, words: (string | null)[]): number {
  let shared: Set<string> | undefined;
  for (let i = 1; i < words.length; i++) {
    const [a, b] = [words[i - 1], words[i]];
    if (a && b && pairs.get(a)?.has(b)) (shared ??= new Set()).add(`${a} ${b}`);
  }
  return shared?.size ?? 0;
}

// The best passages recur from question to question: each one's words are worked out once (bounded).
const PASSAGE_WORDS_LIMIT = 4096;
const wordsOfPassage = new Map<Passage, (string | null)[]>();

function passageWords(passage: Passage): (string | null)[] {
  let words = wordsOfPassage.get(passage);
  if (!words) {
    if (wordsOfPassage.size >= PASSAGE_WORDS_LIMIT) wordsOfPassage.clear();
    words = queryWords(passage.text);
    wordsOfPassage.set(passage, words);
  }
  return words;
}

// Stems of every word, stop words included as gaps, so "ruled out" pairs but "rules ... out" does not.
function queryWords(text: string): (string | null)[] {
  return tokenize(text).map((word) => termOf(word) ?? (OUT_WORDS.has(word) ? word : null));
}

// Particles that make a phrase ("ruled out", "set up") though they are stop words on their own.
const OUT_WORDS: ReadonlySet<string> = new Set(['out', 'up', 'down', 'off', 'over']);

function adjacentPairs(words: (string | null)[]): Map<string, Set<string>> {
  const pairs = new Map<string, Set<string>>();
  for (let i = 1; i < words.length; i++) {
    const [a, b] = [words[i - 1], words[i]];
    if (a && b) (pairs.get(a) ?? pairs.set(a, new Set()).get(a)!).add(b);
  }
  return pairs;
}

/** Entity ids of the gazetteer names in a free text ("Bosnia-Herzegovina", "Sir Keir"). */
export function entitiesIn(context: AnswerContext, text: string): string[] {
  const known = entitiesByContext.get(context) ?? entitiesByContext.set(context, new Map()).get(context)!;
  let ids = known.get(text);
  if (!ids) {
    if (known.size >= KEPT_TEXTS) known.clear();
    // Users type names in lower case ("reform", "the times"): match without the capitals the coverage needs.
    ids = [...new Set(matchEntities(text, context.gazetteer, { ignoreCase: true }).map((match) => match.entityId))];
    known.set(text, ids);
  }
  return [...ids];
}

// One question reads its names several times (choosing what to search, the search, its focus): matched once.
const entitiesByContext = new WeakMap<AnswerContext, Map<string, readonly string[]>>();
const KEPT_TEXTS = 256;

// A capitalised word is a name the user cares about ("is France involved?", "Sunak visited Serbia");
// a capitalised stop word ("Who", "What") is not, since termOf drops it.
function capitalisedWordsIn(text: string): string[] {
  const words = text.match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
  return words.filter((word) => /^\p{Lu}/u.test(word));
}

function wordsFor(text: string, terms: ReadonlySet<string>): string[] {
  const words = text.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu) ?? [];
  return words.filter((word) => terms.has(termOf(word) ?? ''));
}
