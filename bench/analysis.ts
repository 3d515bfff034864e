/**
 * The analysis stage for the benchmark: exactly what analyze() does, with each stage timed, so the
 * report can say where a large corpus's analysis time goes: the per-article step (names, places,
 * quotations, figures), the coverage's terms, the cross-article merge, and the alike grouping. The
 * per-article step runs as the desk runs it (src/desk/parallel-analysis.ts: on the idle CPUs for a large corpus).
 */
import { readFileSync } from 'node:fs';
import { groupAlike } from '../src/analysis/alike.ts';
import type { ArticleAnalysis } from '../src/analysis/article.ts';
import type { Gazetteer } from '../src/analysis/gazetteer.ts';
import { mergeArticles } from '../src/analysis/merge.ts';
import { settleTerms } from '../src/analysis/quotations.ts';
import type { Analysis } from '../src/analysis/types.ts';
import type { Corpus } from '../src/corpus/types.ts';
import { type ParallelOptions, analyzeArticles } from '../src/desk/parallel-analysis.ts';

export interface StageTimes {
  articlesMs: number;
  termsMs: number;
  mergeMs: number;
  groupingMs: number;
}

export async function analyzeForBench(
  corpus: Corpus,
  gazetteer: Gazetteer,
  gazetteerFile: string,
  options: ParallelOptions = {},
): Promise<{ analysis: Analysis; stages: StageTimes; articles: ArticleAnalysis[]; cpuMs: number }> {
  const cpuStart = process.cpuUsage();
  let start = performance.now();
  const lap = () => {
    const now = performance.now();
    const ms = now - start;
    start = now;
    return ms;
  };
  const source = { data: JSON.parse(readFileSync(gazetteerFile, 'utf8')) as unknown, file: gazetteerFile };
  const articles = await analyzeArticles(corpus, gazetteer, source, options);
  const articlesMs = lap();
  const { quotations } = settleTerms(articles.map((article) => article.quotations));
  const termsMs = lap();
  const merged = mergeArticles(articles, quotations, gazetteer);
  const mergeMs = lap();
  const groups = groupAlike(corpus, merged.quotations);
  const groupingMs = lap();
  const figures = articles.flatMap((article) => article.figures);
  return {
    analysis: { entities: merged.entities, mentions: merged.mentions, quotations: merged.quotations, figures, groups },
    stages: { articlesMs, termsMs, mergeMs, groupingMs },
    articles,
    cpuMs: cpuMsSince(cpuStart),
  };
}

/** Milliseconds of CPU (user + system, every thread) this process used since `start`: on a shared machine, less noisy than wall time. */
export function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}
