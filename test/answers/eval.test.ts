import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { startDesk } from '../../src/desk/start-desk.ts';
import { loadCorpus } from '../../src/corpus/index.ts';
import { loadQuestions, score, type EvalFigures } from '../../scripts/eval/score.ts';
import { SEED_CORPUS_DIR } from '../support/seed-corpus.ts';
import { UNSEEN_CORPUS_DIR } from '../support/unseen-labels.ts';

/** Questions on the unseen set, labelled from its pages before the answers ran on them. */
const UNSEEN_QUESTIONS = path.resolve('test/fixtures/eval-unseen-questions.json');

// The targets README.md states; the eval fails below them.
const TARGETS = {
  citationRecall: 0.95,
  textRecall: 0.9,
  falseCitations: 0,
  falseCredits: 0,
  falseOnlyIn: 0,
  paddedResults: 0,
  furnitureSnippets: 0,
  statusAccuracy: 1,
};

let figures: EvalFigures;
beforeAll(async () => {
  const corpusDir = SEED_CORPUS_DIR;
  const [desk, corpus] = await Promise.all([startDesk({ corpusDir }), loadCorpus(corpusDir)]);
  figures = await score(desk, corpus, corpusDir, loadQuestions());
});

describe('answer quality over the hand-written question set', () => {
  it('has at least 40 questions over every command, some of which must come back empty', () => {
    const questions = loadQuestions();
    expect(questions.length).toBeGreaterThanOrEqual(40);
    for (const command of ['/ask', '/country', '/quote', '/outlet', '/compare', '/sources', '/help']) {
      expect(
        questions.some((question) => question.line.startsWith(command)),
        command,
      ).toBe(true);
    }
    expect(questions.filter((question) => question.status === 'empty').length).toBeGreaterThanOrEqual(15);
    // Questions of every kind /ask reads, with the results that answer them labelled (padding is judged on those).
    for (const opening of [
      '/ask who said',
      '/ask what did',
      '/ask what are',
      '/ask how many',
      '/ask how much',
      '/ask when',
      '/ask why',
      '/ask which',
    ]) {
      expect(
        questions.some((question) => question.line.startsWith(opening) && (question.answers || question.status === 'empty')),
        opening,
      ).toBe(true);
    }
    expect(questions.filter((question) => question.answers).length).toBeGreaterThanOrEqual(20);
  });

  it('credits an outlet only with words its page prints, and "only in" only what no other outlet prints alike', () => {
    expect(figures.creditsChecked).toBeGreaterThan(30);
    expect(figures.falseCredits).toBe(TARGETS.falseCredits);
    expect(figures.onlyInChecked).toBeGreaterThan(5);
    expect(figures.falseOnlyIn).toBe(TARGETS.falseOnlyIn);
  });

  it('answers /ask with the results that answer the question and no filler, leading with the speaker when asked who said it', () => {
    expect(figures.resultsJudged).toBeGreaterThan(30);
    expect(figures.paddedResults).toBe(TARGETS.paddedResults);
    expect(figures.leadsRight).toBe(figures.leadsExpected);
  });

  it('sets figures side by side on /compare only when they measure the topic', () => {
    expect(loadQuestions().filter((question) => question.figureValues).length).toBeGreaterThanOrEqual(2);
    expect(figures.offTopicFigures).toBe(0);
  });

  it('meets the targets: citations found, none false, no furniture, empty when the coverage does not answer', () => {
    if (figures.failures.length > 0) console.log(`eval misses:\n${figures.failures.join('\n')}`);
    expect(figures.citationRecall).toBeGreaterThanOrEqual(TARGETS.citationRecall);
    expect(figures.textRecall).toBeGreaterThanOrEqual(TARGETS.textRecall);
    expect(figures.falseCitations).toBe(TARGETS.falseCitations);
    expect(figures.furnitureSnippets).toBe(TARGETS.furnitureSnippets);
    expect(figures.statusAccuracy).toBe(TARGETS.statusAccuracy);
    expect(figures.emptyWhenExpected).toBe(figures.emptyExpected);
  });
});

describe('answer quality on the unseen set (original articles the rules were not tuned on)', () => {
  let unseen: EvalFigures;
  beforeAll(async () => {
    const [desk, corpus] = await Promise.all([startDesk({ corpusDir: UNSEEN_CORPUS_DIR, cacheDir: false }), loadCorpus(UNSEEN_CORPUS_DIR)]);
    unseen = await score(desk, corpus, UNSEEN_CORPUS_DIR, loadQuestions(UNSEEN_QUESTIONS));
  }, 120_000);

  it('answers every question kind without filler or false credit, empty when the coverage does not answer', () => {
    if (unseen.failures.length > 0) console.log(`unseen eval misses:\n${unseen.failures.join('\n')}`);
    expect(unseen.statusAccuracy).toBe(1);
    expect(unseen.emptyWhenExpected).toBe(unseen.emptyExpected);
    expect(unseen.citationRecall).toBeGreaterThanOrEqual(TARGETS.citationRecall);
    expect(unseen.falseCitations).toBe(0);
    expect(unseen.falseCredits).toBe(0);
    expect(unseen.falseOnlyIn).toBe(0);
    expect(unseen.paddedResults).toBe(0);
    expect(unseen.leadsRight).toBe(unseen.leadsExpected);
  });
});
