/**
 * The analysis stage for the benchmark: exactly what analyze() does, with each stage timed, so the
 * report can say where a large corpus's analysis time goes.
 */
import { groupAlike } from '../src/analysis/alike.ts';
import { findMentions } from '../src/analysis/entities.ts';
import { findFigures } from '../src/analysis/figures.ts';
import type { Gazetteer } from '../src/analysis/gazetteer.ts';
import { quotationsOf } from '../src/analysis/index.ts';
import type { Analysis } from '../src/analysis/types.ts';
import type { Corpus } from '../src/corpus/types.ts';

export interface StageTimes {
  mentionsMs: number;
  figuresMs: number;
  quotationsMs: number;
  groupingMs: number;
}

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
  const groups = groupAlike(corpus, quotations);
  const groupingMs = lap();
  return {
    analysis: { entities: gazetteer.entities, mentions, quotations, figures, groups },
    stages: { mentionsMs, figuresMs, quotationsMs, groupingMs },
  };
}
