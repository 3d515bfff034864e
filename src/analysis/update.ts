/**
 * The analysis kept up to date as articles are added and removed, without analysing the whole corpus
 * again: what depends on one article alone (mentions, figures, its quotations) is kept for every
 * article that did not change and worked out for the new ones; what spans articles is updated for
 * what changed: the term test's counts (a phrase printed in half the narratives is a term), the
 * quotations of an article whose term decisions that moved, and the alike groups.
 *
 * The result is the analysis a full analyze() of the new corpus gives, field for field (tested in
 * test/analysis/update.test.ts).
 */
import type { Article, Corpus, Passage } from '../corpus/types.ts';
import { groupAlike } from './alike.ts';
import { findMentions } from './entities.ts';
import { findFigures } from './figures.ts';
import type { Gazetteer } from './gazetteer.ts';
import { nameFinderFor } from './name-finder.ts';
import { type ArticleScan, TermTest, narrativeOf, passagesByArticle, quotationsOfArticle, scanArticle } from './quotations.ts';
import type { Analysis, Figure, Mention, Quotation } from './types.ts';

/** An analysis and what updating it needs. */
export interface AnalysisState {
  corpus: Corpus;
  analysis: Analysis;
  terms: TermTest;
  /** Article id -> the corpus-wide term decisions its quotations rest on (articles with none are left out). */
  termChecks: Map<string, [string, boolean][]>;
}

/** What an update did, for logs and the benchmark. */
export interface AnalysisChange {
  added: string[];
  removed: string[];
  /** Unchanged articles whose quotations were worked out again because a term decision moved. */
  requoted: string[];
}

/** The analysis of a corpus from scratch (analyze() is this), with what updating it later needs. */
export function analyzeWithState(corpus: Corpus, gazetteer: Gazetteer): AnalysisState {
  const articleById = new Map(corpus.articles.map((article) => [article.id, article]));
  const mentions = corpus.passages.flatMap((passage) => findMentions(passage, gazetteer));
  const figures = corpus.passages.flatMap((passage) => findFigures(passage, articleOf(articleById, passage), gazetteer));
  const passagesOf = passagesByArticle(corpus);
  const scans = corpus.articles.map((article) => scanArticle(article, passagesOf.get(article.id)!));
  const terms = TermTest.of(scans);
  const names = nameFinderFor(gazetteer);
  const quotations: Quotation[] = [];
  const termChecks = new Map<string, [string, boolean][]>();
  for (const scan of scans) {
    const found = quotationsOfArticle(scan, names, terms);
    quotations.push(...found.quotations);
    if (found.termChecks.length > 0) termChecks.set(scan.article.id, found.termChecks);
  }
  const groups = groupAlike(corpus, quotations);
  const analysis = { entities: gazetteer.entities, mentions, quotations, figures, groups };
  return { corpus, analysis, terms: terms.finding(narrativesOf(corpus)), termChecks };
}

/** Every narrative of a corpus, worked out when asked for (the term test keeps none: they are as large as the corpus). */
export function narrativesOf(corpus: Corpus): () => Iterable<string> {
  return () => {
    const passagesOf = passagesByArticle(corpus);
    return corpus.articles.map((article) => narrativeOf(scanArticle(article, passagesOf.get(article.id)!)));
  };
}

/**
 * The state for `next`, reusing `previous` for every article that did not change (same id, same
 * fields, same passages). `previous` is left as it was, so it can keep answering until the swap.
 */
export function updateAnalysis(
  previous: AnalysisState,
  next: Corpus,
  gazetteer: Gazetteer,
): { state: AnalysisState; change: AnalysisChange } {
  const before = passagesByArticle(previous.corpus);
  const after = passagesByArticle(next);
  const previousArticles = new Map(previous.corpus.articles.map((article) => [article.id, article]));
  const kept = new Set<string>();
  for (const article of next.articles) {
    const old = previousArticles.get(article.id);
    if (old && sameArticle(old, article) && samePassages(before.get(article.id)!, after.get(article.id)!)) kept.add(article.id);
  }
  const removedArticles = previous.corpus.articles.filter((article) => !kept.has(article.id));
  const addedArticles = next.articles.filter((article) => !kept.has(article.id));
  const scanBefore = (article: Article) => scanArticle(article, before.get(article.id)!);
  const scansAfter = new Map<string, ArticleScan>();
  const scanAfter = (article: Article): ArticleScan => {
    let scan = scansAfter.get(article.id);
    if (!scan) {
      scan = scanArticle(article, after.get(article.id)!);
      scansAfter.set(article.id, scan);
    }
    return scan;
  };
  const changedTerms = previous.terms.changed(removedArticles.map(scanBefore), addedArticles.map(scanAfter), narrativesOf(next));

  const keptPassage = (passage: Passage) => kept.has(passage.articleId);
  const oldMentions = byPassage(previous.analysis.mentions);
  const oldFigures = byPassage(previous.analysis.figures);
  const articleById = new Map(next.articles.map((article) => [article.id, article]));
  const mentions: Mention[] = [];
  const figures: Figure[] = [];
  for (const passage of next.passages) {
    if (keptPassage(passage)) {
      mentions.push(...(oldMentions.get(passage.id) ?? []));
      figures.push(...(oldFigures.get(passage.id) ?? []));
    } else {
      mentions.push(...findMentions(passage, gazetteer));
      figures.push(...findFigures(passage, articleOf(articleById, passage), gazetteer));
    }
  }

  const names = nameFinderFor(gazetteer);
  const oldQuotations = new Map<string, Quotation[]>();
  for (const quotation of previous.analysis.quotations) {
    const list = oldQuotations.get(quotation.articleId);
    if (list) list.push(quotation);
    else oldQuotations.set(quotation.articleId, [quotation]);
  }
  const quotations: Quotation[] = [];
  const termChecks = new Map<string, [string, boolean][]>();
  const requoted: string[] = [];
  for (const article of next.articles) {
    const checks = previous.termChecks.get(article.id) ?? [];
    const reusable = kept.has(article.id) && checks.every(([phrase, term]) => changedTerms.inHalfTheNarratives(phrase) === term);
    if (reusable) {
      // Copies: grouping sets groupId, and the previous analysis keeps answering meanwhile.
      for (const quotation of oldQuotations.get(article.id) ?? []) quotations.push({ ...quotation, groupId: quotation.id });
      if (checks.length > 0) termChecks.set(article.id, checks);
      continue;
    }
    if (kept.has(article.id)) requoted.push(article.id);
    const found = quotationsOfArticle(scanAfter(article), names, changedTerms);
    quotations.push(...found.quotations);
    if (found.termChecks.length > 0) termChecks.set(article.id, found.termChecks);
  }
  const groups = groupAlike(next, quotations);
  return {
    state: {
      corpus: next,
      analysis: { entities: gazetteer.entities, mentions, quotations, figures, groups },
      terms: changedTerms,
      termChecks,
    },
    change: { added: addedArticles.map((article) => article.id), removed: removedArticles.map((article) => article.id), requoted },
  };
}

function articleOf(articleById: Map<string, Article>, passage: Passage): Article {
  const article = articleById.get(passage.articleId);
  if (!article) throw new Error(`Passage ${passage.id} names article "${passage.articleId}", which the corpus lacks; rebuild the corpus.`);
  return article;
}

function byPassage<T extends { passageId: string }>(items: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const list = map.get(item.passageId);
    if (list) list.push(item);
    else map.set(item.passageId, [item]);
  }
  return map;
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
