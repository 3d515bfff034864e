/**
 * The unseen set (original articles about people and places neither the shipped pages nor the gazetteer
 * name, labelled by hand before the code ran on them), analysed with no gazetteer: quotations found,
 * speakers right, none given to the wrong person, people and places precision and recall. The scorer is
 * scripts/eval/unseen.ts; `npm run eval:unseen` prints every figure with the misses.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_GAZETTEER, buildGazetteer } from '../../src/analysis/gazetteer.ts';
import { analyze } from '../../src/analysis/index.ts';
import { loadCorpus } from '../../src/corpus/index.ts';
import { type AnalysisScore, formatAnalysisScore, scoreAnalysis } from '../../scripts/eval/unseen.ts';
import { UNSEEN_CORPUS_DIR, loadUnseenLabels } from '../support/unseen-labels.ts';

/** Targets of issue 9 where reached; a lower floor is named, and README says so. */
const TARGETS = {
  found: 0.95,
  right: 0.95,
  people: 0.9,
  places: 0.9,
};

let score: AnalysisScore;

beforeAll(async () => {
  const corpus = await loadCorpus(UNSEEN_CORPUS_DIR);
  score = scoreAnalysis(analyze(corpus, buildGazetteer(EMPTY_GAZETTEER, 'no gazetteer')), loadUnseenLabels());
  console.log(formatAnalysisScore(score));
});

describe('the unseen set, without a gazetteer', () => {
  it('gives no quotation to the wrong person', () => {
    expect(score.quotations.wrong).toEqual([]);
  });

  it(`finds at least ${TARGETS.found * 100}% of the labelled quotations`, () => {
    expect(score.quotations.found / score.quotations.labelled).toBeGreaterThanOrEqual(TARGETS.found);
  });

  it(`gives at least ${TARGETS.right * 100}% of them their right speaker`, () => {
    expect(score.quotations.right / score.quotations.labelled).toBeGreaterThanOrEqual(TARGETS.right);
  });

  it(`recognises people with precision and recall of at least ${TARGETS.people}`, () => {
    expect(score.people.precision).toBeGreaterThanOrEqual(TARGETS.people);
    expect(score.people.recall).toBeGreaterThanOrEqual(TARGETS.people);
  });

  it(`recognises places with precision and recall of at least ${TARGETS.places}`, () => {
    expect(score.places.precision).toBeGreaterThanOrEqual(TARGETS.places);
    expect(score.places.recall).toBeGreaterThanOrEqual(TARGETS.places);
  });
});
