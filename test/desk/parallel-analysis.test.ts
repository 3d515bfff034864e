/**
 * The per-article step shared out over worker threads gives what analysing the articles one after
 * another gives, in corpus order, and the analysis built on it is the same.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../src/analysis/article.ts';
import { loadGazetteer } from '../../src/analysis/gazetteer.ts';
import { passagesByArticle } from '../../src/analysis/quotations.ts';
import { analyzeWithState } from '../../src/analysis/update.ts';
import { loadCorpus } from '../../src/corpus/index.ts';
import { analyzeArticles, analyzeWithStateInParallel } from '../../src/desk/parallel-analysis.ts';
import { SEED_CORPUS_DIR, SEED_GAZETTEER_FILE } from '../support/seed-corpus.ts';

const source = { data: JSON.parse(readFileSync(SEED_GAZETTEER_FILE, 'utf8')) as unknown, file: SEED_GAZETTEER_FILE };

describe('the per-article step on worker threads', () => {
  it('gives each article the analysis it gets on the calling thread, in corpus order', async () => {
    const corpus = await loadCorpus(SEED_CORPUS_DIR);
    const gazetteer = loadGazetteer(SEED_GAZETTEER_FILE);
    const byArticle = passagesByArticle(corpus);
    const expected = corpus.articles.map((article) => analyzeArticle(article, byArticle.get(article.id) ?? [], gazetteer));
    // One article per chunk, all of them analysed on the worker.
    let share = { callingThread: 0, workers: 0 };
    const shared = await analyzeArticles(corpus, gazetteer, source, {
      workers: 1,
      minArticles: 0,
      chunkArticles: 1,
      callingThread: false,
      onShare: (counted) => (share = counted),
    });
    expect(share).toEqual({ callingThread: 0, workers: corpus.articles.length });
    expect(shared.map((analysis) => analysis.articleId)).toEqual(corpus.articles.map((article) => article.id));
    expect(shared).toEqual(expected);
    expect(shared.some((analysis) => analysis.quotations.quotations.length > 0)).toBe(true);
  });

  it('builds the same analysis as analyzeWithState', async () => {
    const corpus = await loadCorpus(SEED_CORPUS_DIR);
    const gazetteer = loadGazetteer(SEED_GAZETTEER_FILE);
    const parallel = await analyzeWithStateInParallel(corpus, gazetteer, source, { workers: 1, minArticles: 0, chunkArticles: 2 });
    const serial = analyzeWithState(corpus, gazetteer);
    expect(parallel.analysis).toEqual(serial.analysis);
    expect([...parallel.articles.keys()]).toEqual([...serial.articles.keys()]);
  });
});
