/**
 * The full-text index: candidate scoring (what large corpora use) ranks exactly as MiniSearch's own
 * search does, and champion lists keep the strongest passages of common words.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/index.ts';
import { loadGazetteer } from '../../src/analysis/gazetteer.ts';
import { createAnswerContext } from '../../src/answers/context.ts';
import { entitiesIn } from '../../src/answers/find-passages.ts';
import { loadCorpus } from '../../src/corpus/index.ts';
import { PassageIndex, type PassageHit, type SearchDocument, type SearchQuery } from '../../src/search/passage-index.ts';
import { buildStoryIndex, searchDocuments } from '../../src/search/story-index.ts';
import type { AnswerContext } from '../../src/answers/context.ts';
import { SEED_CORPUS_DIR } from '../support/seed-corpus.ts';

const QUESTIONS = [
  'who ruled out hosting a hub?',
  'MI6 is particularly cautious',
  'small boat crossings',
  'Kosovo talks',
  'return hubs',
  'Russian infiltration of the hubs',
  'failed asylum seekres',
  'Osmanni',
  'how many people used the Western Balkans route last year?',
  'Serbia',
  'the Kremlin',
  'Vucic Moscow visit',
  'Italy offshoring deal praised',
  'uk government',
  'deterrent',
];

let documents: SearchDocument[];
let context: AnswerContext;

beforeAll(async () => {
  const dir = SEED_CORPUS_DIR;
  const corpus = await loadCorpus(dir);
  const gazetteer = loadGazetteer(path.join(dir, 'gazetteer.json'));
  const analysis = analyze(corpus, gazetteer);
  documents = searchDocuments(corpus, analysis);
  context = createAnswerContext(buildStoryIndex(corpus, analysis), gazetteer);
});

const half = (known: number) => Math.max(1, Math.ceil(known / 2));

function queryFor(text: string): SearchQuery {
  return { text, entityIds: entitiesIn(context, text), minTextTerms: half };
}

/** The hits an answer may use: at least half of the known text terms, or a queried entity (findPassages' rule). */
function usable(hits: PassageHit[], query: SearchQuery, known: number): { passage: number; score: number }[] {
  const entities = new Set(query.entityIds);
  return hits
    .filter(
      (hit) =>
        hit.queryTerms.filter((term) => !entities.has(term)).length >= half(known) || hit.queryTerms.some((term) => entities.has(term)),
    )
    .map((hit) => ({ passage: hit.passage, score: hit.score }));
}

describe('PassageIndex', () => {
  it('scores candidates exactly as MiniSearch scores them, in the same order, ties included', () => {
    const everything = PassageIndex.build(documents, { exactPostings: Number.POSITIVE_INFINITY });
    const candidates = PassageIndex.build(documents, { exactPostings: 0 });
    let compared = 0;
    for (const text of QUESTIONS) {
      const query = queryFor(text);
      const expected = everything.search(query);
      const actual = candidates.search(query);
      expect(actual.unknownTerms).toEqual(expected.unknownTerms);
      const known = expected.queryTerms.length - expected.unknownTerms.length;
      expect(usable(actual.hits, query, known)).toEqual(usable(expected.hits, query, known));
      compared += usable(expected.hits, query, known).length;
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('keeps the strongest passages of a common word when only its champions are candidates', () => {
    const everything = PassageIndex.build(documents, { exactPostings: Number.POSITIVE_INFINITY });
    const champions = PassageIndex.build(documents, { exactPostings: 0, fullList: 5, champions: { overall: 5, perGroup: 0 } });
    for (const text of ['hubs', 'migrants', 'Balkans']) {
      const query = queryFor(text);
      const all = everything.search(query).hits;
      const some = champions.search(query).hits;
      expect(all.length).toBeGreaterThan(some.length);
      // Fewer passages, but the best ones, with the same scores.
      expect(some.slice(0, 3).map((hit) => [hit.passage, hit.score])).toEqual(all.slice(0, 3).map((hit) => [hit.passage, hit.score]));
    }
  });

  it('names the words nothing matches, and matches a misspelt word by its spelling', () => {
    const index = PassageIndex.build(documents);
    const outcome = index.search({ text: 'Eurovision return hubs' });
    expect(outcome.unknownTerms).toEqual(['eurovis']);
    expect(index.search({ text: 'Osmanni' }).hits.length).toBeGreaterThan(0);
  });

  it("reads a passage's terms off the index", () => {
    const index = PassageIndex.build(documents);
    const position = documents.findIndex((document) => /Osmani/.test(document.text));
    expect(index.holdsTerm(position, 'osmani')).toBe(true);
    expect(index.holdsTerm(position, 'eurovis')).toBe(false);
  });

  it('answers the same after a JSON round trip', () => {
    const index = PassageIndex.build(documents, { exactPostings: 0 });
    const loaded = PassageIndex.fromJSON(JSON.stringify(index.toJSON()), { exactPostings: 0 });
    for (const text of QUESTIONS) expect(loaded.search(queryFor(text))).toEqual(index.search(queryFor(text)));
  });

  it('answers the same after a JSON round trip that keeps its champion lists instead of building them again', () => {
    const tuning = { exactPostings: 0, fullList: 5, champions: { overall: 5, perGroup: 1 } };
    const index = PassageIndex.build(documents, tuning);
    const saved = index.toJSON();
    expect(saved.champions?.keys.length).toBeGreaterThan(10);
    const loaded = PassageIndex.fromJSON(JSON.stringify(saved), tuning);
    for (const text of [...QUESTIONS, 'hubs', 'migrants Balkans'])
      expect(loaded.search(queryFor(text))).toEqual(index.search(queryFor(text)));
    expect(loaded.toJSON().champions).toEqual(saved.champions);
  });
});
