/**
 * The unseen set (original articles labelled by hand before the code ran on them): the labels agree with the pages,
 * and cleaning keeps every labelled body paragraph and no furniture. Figures for every measure: `npm run eval:unseen`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.ts';
import { scoreText } from '../../scripts/eval/unseen.ts';
import { UNSEEN_CORPUS_DIR, loadUnseenLabels } from '../support/unseen-labels.ts';

const labels = loadUnseenLabels();
const corpus = await loadCorpus(UNSEEN_CORPUS_DIR);
const score = scoreText(corpus, labels);

describe('the unseen set', () => {
  it('labels exactly the articles the corpus finds, and only text its pages print', () => {
    expect(labels.pages.flatMap((page) => page.articles.map((article) => article.id)).sort()).toEqual(
      corpus.articles.map((article) => article.id).sort(),
    );
    for (const page of labels.pages) {
      const lines = readFileSync(path.join(UNSEEN_CORPUS_DIR, page.file), 'utf8').split('\n');
      for (const line of page.furniture) expect(lines.some((printed) => printed.startsWith(line)), `${page.file}: ${line}`).toBe(true);
      for (const article of page.articles) {
        for (const paragraph of article.body) expect(lines.some((printed) => printed.endsWith(paragraph)), `${article.id}: ${paragraph}`).toBe(true);
        const body = article.body.join('\n');
        for (const quoted of [...article.quotations, ...article.notQuotations]) expect(body, article.id).toContain(quoted.text);
      }
    }
  });

  it('keeps every labelled body paragraph, whole, in its article', () => {
    expect(score.bodyMissing).toEqual([]);
    expect(score.bodyParagraphs).toBeGreaterThanOrEqual(100);
  });

  it('keeps no furniture line in any passage, nor any other text beside the body', () => {
    expect(score.furnitureLines).toBeGreaterThanOrEqual(250);
    expect(score.furnitureKept).toEqual([]);
    expect(score.unlabelledKept).toEqual([]);
  });
});
