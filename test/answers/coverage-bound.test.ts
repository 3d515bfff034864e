/**
 * /compare skips a found passage when its coverage bound says it cannot beat the outlet's passage
 * already chosen; that keeps its answers the same only if the bound is never below what reading the
 * passage gives.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/index.ts';
import { loadGazetteer } from '../../src/analysis/gazetteer.ts';
import { answerSentences, coverageBound, coverageWeigher, readFocus } from '../../src/answers/answering.ts';
import { createAnswerContext, type AnswerContext } from '../../src/answers/context.ts';
import { findPassages } from '../../src/answers/find-passages.ts';
import { loadCorpus } from '../../src/corpus/index.ts';
import { buildStoryIndex } from '../../src/search/story-index.ts';
import { SEED_CORPUS_DIR } from '../support/seed-corpus.ts';

let context: AnswerContext;
beforeAll(async () => {
  const corpus = await loadCorpus(SEED_CORPUS_DIR);
  const gazetteer = loadGazetteer(path.join(SEED_CORPUS_DIR, 'gazetteer.json'));
  context = createAnswerContext(buildStoryIndex(corpus, analyze(corpus, gazetteer)), gazetteer);
});

describe('coverageBound', () => {
  it('is never below the coverage of the sentences a passage shows, misspelt topics included', () => {
    let read = 0;
    let belowOne = 0;
    for (const topic of ['small boat crossings', 'Kosovo talks', 'return hubs', 'retrn hubs', 'asylum seekres', 'Russian infiltration']) {
      const found = findPassages(context, topic);
      if (found.kind !== 'found') continue;
      const focus = readFocus(context, topic);
      const weight = coverageWeigher(context.story, focus);
      for (const hit of found.passages) {
        const span = answerSentences(context, hit, 'other', focus, { weight });
        if (!span) continue;
        const bound = coverageBound(context, hit, focus, weight);
        expect(bound, `${topic}: ${hit.passage.id}`).toBeGreaterThanOrEqual(span.coverage);
        read++;
        if (bound < 1) belowOne++;
      }
    }
    // The check means something only if passages were read and some bound rules a passage out.
    expect(read).toBeGreaterThan(20);
    expect(belowOne).toBeGreaterThan(0);
  });
});
