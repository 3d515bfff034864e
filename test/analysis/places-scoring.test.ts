/**
 * Scores the analysis's places on the shipped pages against places labelled by hand
 * (test/fixtures/labelled/places.json): precision and recall of the set of places each article
 * mentions. Fails below the targets and prints the figures.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.ts';
import type { Corpus } from '../../src/corpus/types.ts';
import { analyze } from '../../src/analysis/index.ts';
import { loadGazetteer } from '../../src/analysis/gazetteer.ts';
import { SEED_CORPUS_DIR, SEED_GAZETTEER_FILE } from '../support/seed-corpus.ts';

const TARGET_PRECISION = 0.95;
const TARGET_RECALL = 0.95;

const labels = JSON.parse(readFileSync('test/fixtures/labelled/places.json', 'utf8')) as { articles: Record<string, string[]> };
const gazetteer = loadGazetteer(SEED_GAZETTEER_FILE);

interface ArticleScore {
  articleId: string;
  found: Set<string>;
  labelled: Set<string>;
  missed: string[];
  extra: string[];
}

let corpus: Corpus;
let scores: ArticleScore[];

beforeAll(async () => {
  corpus = await loadCorpus(SEED_CORPUS_DIR);
  // The analysis's places: the gazetteer's, and the world data's that it does not claim.
  const analysis = analyze(corpus, gazetteer);
  const kindOf = new Map(analysis.entities.map((entity) => [entity.id, entity.kind]));
  const articleOf = new Map(corpus.passages.map((passage) => [passage.id, passage.articleId]));
  scores = corpus.articles.map((article) => {
    const found = new Set<string>();
    for (const mention of analysis.mentions) {
      if (articleOf.get(mention.passageId) === article.id && kindOf.get(mention.entityId) === 'place') found.add(mention.entityId);
    }
    const labelled = new Set(labels.articles[article.id] ?? []);
    return {
      articleId: article.id,
      found,
      labelled,
      missed: [...labelled].filter((id) => !found.has(id)),
      extra: [...found].filter((id) => !labelled.has(id)),
    };
  });
});

const ratio = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);

describe('places per article, scored against the hand-made labels', () => {
  it('has labels for exactly the articles of the corpus, using gazetteer place ids', () => {
    expect(Object.keys(labels.articles).sort()).toEqual(corpus.articles.map((article) => article.id).sort());
    for (const ids of Object.values(labels.articles)) {
      for (const id of ids) expect(gazetteer.byId.get(id)?.kind, `label "${id}"`).toBe('place');
    }
  });

  it(`reaches precision >= ${TARGET_PRECISION} and recall >= ${TARGET_RECALL} overall`, () => {
    let truePositives = 0;
    let found = 0;
    let labelled = 0;
    const rows = scores.map((score) => {
      const hits = score.found.size - score.extra.length;
      truePositives += hits;
      found += score.found.size;
      labelled += score.labelled.size;
      const notes = [
        score.missed.length > 0 ? `missed: ${score.missed.join(', ')}` : '',
        score.extra.length > 0 ? `extra: ${score.extra.join(', ')}` : '',
      ]
        .filter(Boolean)
        .join('; ');
      return `${score.articleId.padEnd(18)} ${ratio(hits, score.found.size).toFixed(2).padStart(9)} ${ratio(hits, score.labelled.size).toFixed(2).padStart(6)}  ${notes}`;
    });
    const precision = ratio(truePositives, found);
    const recall = ratio(truePositives, labelled);
    console.log(
      [
        'Places per article: precision and recall against test/fixtures/labelled/places.json',
        `${'article'.padEnd(18)} precision recall`,
        ...rows,
        `${'overall'.padEnd(18)} ${precision.toFixed(3).padStart(9)} ${recall.toFixed(3).padStart(6)}  (${truePositives} right of ${found} found, ${labelled} labelled)`,
      ].join('\n'),
    );
    expect(precision).toBeGreaterThanOrEqual(TARGET_PRECISION);
    expect(recall).toBeGreaterThanOrEqual(TARGET_RECALL);
  });
});
