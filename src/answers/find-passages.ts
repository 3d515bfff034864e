import type { Passage } from '../corpus/types.ts';
import { matchEntities } from '../analysis/entities.ts';
import type { AnswerContext } from './context.ts';
import { highlightTerms } from './highlight.ts';
import { termOf, tokenize } from '../search/terms.ts';

export interface FoundPassage {
  position: number;
  passage: Passage;
  score: number;
  highlights: [number, number][];
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
 *    the coverage does not answer: "nothing in the coverage", never the least bad match.
 * 4. A passage is a result only if it matches at least half of the known words, or a named entity.
 */
export function findPassages(context: AnswerContext, text: string, filter?: (position: number) => boolean): FindOutcome {
  const entityIds = entitiesIn(context, text);
  const outcome = context.story.text.search({ text, entityIds, ...(filter ? { filter } : {}) });
  const { queryTerms, unknownTerms } = outcome;
  if (queryTerms.length === 0 && entityIds.length === 0) return { kind: 'no-terms' };

  const knownCount = queryTerms.length - unknownTerms.length;
  const unknown = new Set(unknownTerms);
  const namesUnknown = capitalisedWordsIn(text).filter((word) => unknown.has(termOf(word) ?? ''));
  if (queryTerms.length > 0 && (knownCount * 3 < queryTerms.length * 2 || namesUnknown.length > 0)) {
    return { kind: 'nothing', missing: wordsFor(text, unknown) };
  }
  const needed = Math.max(1, Math.ceil(knownCount / 2));
  const entitySet = new Set(entityIds);
  const passages: FoundPassage[] = [];
  for (const hit of outcome.hits) {
    const textTermsMatched = hit.queryTerms.filter((term) => !entitySet.has(term)).length;
    const entityMatched = hit.queryTerms.some((term) => entitySet.has(term));
    if (textTermsMatched < needed && !entityMatched) continue;
    const passage = context.story.corpus.passages[hit.passage]!;
    const highlightSet = new Set(hit.terms.filter((term) => !entitySet.has(term)));
    const highlights = highlightTerms(passage.text, highlightSet);
    for (const mention of context.story.mentionsByPassage.get(passage.id) ?? []) {
      if (entitySet.has(mention.entityId)) highlights.push([mention.start, mention.end]);
    }
    passages.push({ position: hit.passage, passage, score: hit.score, highlights });
  }
  return passages.length > 0 ? { kind: 'found', passages: rerankByAdjacency(passages, text) } : { kind: 'nothing', missing: [] };
}

/** How many of the best hits get the adjacency re-rank: enough to reorder the top, cheap at any size. */
const RERANK_DEPTH = 40;

/**
 * Words of the query that stand next to each other in a passage ("ruled out", "small boats") say more
 * than the same words scattered, which BM25 cannot see: each adjacent pair adds half to the score.
 */
function rerankByAdjacency(passages: FoundPassage[], query: string): FoundPassage[] {
  const pairs = adjacentPairs(queryWords(query));
  if (pairs.size === 0) return passages;
  const top = passages.slice(0, RERANK_DEPTH).map((found) => {
    const inPassage = adjacentPairs(queryWords(found.passage.text));
    let shared = 0;
    for (const pair of pairs) if (inPassage.has(pair)) shared++;
    return { ...found, score: found.score * (1 + 0.5 * shared) };
  });
  top.sort((a, b) => b.score - a.score);
  return [...top, ...passages.slice(RERANK_DEPTH)];
}

// Stems of every word, stop words included as gaps, so "ruled out" pairs but "rules ... out" does not.
function queryWords(text: string): (string | null)[] {
  return tokenize(text).map((word) => termOf(word) ?? (OUT_WORDS.has(word) ? word : null));
}

// Particles that make a phrase ("ruled out", "set up") though they are stop words on their own.
const OUT_WORDS: ReadonlySet<string> = new Set(['out', 'up', 'down', 'off', 'over']);

function adjacentPairs(words: (string | null)[]): Set<string> {
  const pairs = new Set<string>();
  for (let i = 1; i < words.length; i++) {
    const [a, b] = [words[i - 1], words[i]];
    if (a && b) pairs.add(`${a} ${b}`);
  }
  return pairs;
}

/** Entity ids of the gazetteer names in a free text ("Bosnia-Herzegovina", "Sir Keir"). */
export function entitiesIn(context: AnswerContext, text: string): string[] {
  // Users type names in lower case ("reform", "the times"): match without the capitals the coverage needs.
  return [...new Set(matchEntities(text, context.gazetteer, { ignoreCase: true }).map((match) => match.entityId))];
}

// A capitalised word after the first is a name the user cares about ("is France involved?").
function capitalisedWordsIn(text: string): string[] {
  const words = text.match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
  return words.slice(1).filter((word) => /^\p{Lu}/u.test(word));
}

function wordsFor(text: string, terms: ReadonlySet<string>): string[] {
  const words = text.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu) ?? [];
  return words.filter((word) => terms.has(termOf(word) ?? ''));
}
