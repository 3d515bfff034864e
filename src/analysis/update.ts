/**
 * The analysis kept up to date as articles are added and removed, without analysing every article
 * again: each article's own analysis (analyzeArticle, a pure function of the article and the
 * gazetteer) is kept for every article that did not change and worked out for the new ones; the
 * cross-article steps (terms, one id per person, alike groups) then run over them as in analyze(),
 * redoing only what the change touched: the terms count only the narratives that came and went, and
 * the alike grouping compares and regroups only the texts that share rare shingles with them
 * (alike-index.ts). Giving every person one id (merge.ts) runs over every article: it is linear.
 * The result is the analysis analyze() gives for the new corpus (tested in test/analysis/update.test.ts).
 */
import type { Article, Corpus, Passage } from '../corpus/types.ts';
import { type ArticleAnalysis, analyzeArticle } from './article.ts';
import type { Gazetteer } from './gazetteer.ts';
import { type AcrossState, acrossArticles } from './index.ts';
import { AlikeGrouping } from './alike.ts';
import { CoverageTerms, passagesByArticle } from './quotations.ts';
import type { Analysis } from './types.ts';

/** An analysis and what updating it needs: each article's own analysis. */
export interface AnalysisState {
  corpus: Corpus;
  analysis: Analysis;
  /** Article id -> its own analysis (before the cross-article steps). */
  articles: Map<string, ArticleAnalysis>;
  /** The cross-article steps' kept work, for the next update (which uses it up: see updateAnalysis). */
  across: KeptAcross;
}

/** Kept cross-article work, and whether an update already changed it to describe another corpus. */
export interface KeptAcross extends AcrossState {
  usedUp: boolean;
}

/** What an update did, for logs and the benchmark. */
export interface AnalysisChange {
  added: string[];
  removed: string[];
}

/** The analysis of a corpus from scratch (what analyze() gives), with what updating it later needs. */
export function analyzeWithState(corpus: Corpus, gazetteer: Gazetteer): AnalysisState {
  const byArticle = passagesByArticle(corpus);
  const articles = new Map(
    corpus.articles.map((article) => [article.id, analyzeArticle(article, byArticle.get(article.id) ?? [], gazetteer)]),
  );
  return analysisStateOf(corpus, articles, gazetteer);
}

/** The state for a corpus whose articles' own analyses are known: the cross-article steps from scratch. */
export function analysisStateOf(corpus: Corpus, articles: Map<string, ArticleAnalysis>, gazetteer: Gazetteer): AnalysisState {
  const across = { terms: new CoverageTerms(), alike: new AlikeGrouping(), usedUp: false };
  return { corpus, analysis: acrossArticles(corpus, [...articles.values()], gazetteer, across).analysis, articles, across };
}

/**
 * The state for `next`, reusing `previous` for every article that did not change (same id, same
 * fields, same passages). `previous.analysis` is left as it was, so it can keep answering until the
 * swap; its kept cross-article work is used up (changed to describe `next`), so a second update from
 * `previous` runs the cross-article steps from scratch (same result, slower).
 */
export function updateAnalysis(
  previous: AnalysisState,
  next: Corpus,
  gazetteer: Gazetteer,
): { state: AnalysisState; change: AnalysisChange } {
  const before = passagesByArticle(previous.corpus);
  const after = passagesByArticle(next);
  const previousArticles = new Map(previous.corpus.articles.map((article) => [article.id, article]));
  const articles = new Map<string, ArticleAnalysis>();
  const added: string[] = [];
  for (const article of next.articles) {
    const old = previousArticles.get(article.id);
    const kept = old && sameArticle(old, article) && samePassages(before.get(article.id) ?? [], after.get(article.id) ?? []);
    const own = kept ? previous.articles.get(article.id) : undefined;
    if (own) articles.set(article.id, own);
    else {
      articles.set(article.id, analyzeArticle(article, after.get(article.id) ?? [], gazetteer));
      added.push(article.id);
    }
  }
  const removed = previous.corpus.articles.filter((article) => articles.get(article.id) !== previous.articles.get(article.id));
  const kept = previous.across.usedUp ? undefined : previous.across;
  previous.across.usedUp = true;
  const across = { terms: kept?.terms ?? new CoverageTerms(), alike: kept?.alike ?? new AlikeGrouping(), usedUp: false };
  const analysis = acrossArticles(next, [...articles.values()], gazetteer, across).analysis;
  return { state: { corpus: next, analysis, articles, across }, change: { added, removed: removed.map((article) => article.id) } };
}

function sameArticle(a: Article, b: Article): boolean {
  if (a === b) return true;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof Article>;
  for (const key of keys) if (a[key] !== b[key]) return false;
  return true;
}

function samePassages(a: Passage[], b: Passage[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((passage, i) => {
    const other = b[i]!;
    return (
      passage === other ||
      (passage.id === other.id &&
        passage.text === other.text &&
        passage.index === other.index &&
        passage.paragraph === other.paragraph &&
        passage.start === other.start &&
        passage.end === other.end)
    );
  });
}
