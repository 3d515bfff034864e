/**
 * The analysis stage: from a clean corpus and the gazetteer to what the answers need: entity
 * mentions, number claims, quotations with their speakers, and what several outlets carry alike.
 * Pure and deterministic: the same corpus and gazetteer always give the same analysis.
 */
import type { Corpus } from '../corpus/types.ts';
import { AlikeGrouping } from './alike.ts';
import { type ArticleAnalysis, analyzeArticle } from './article.ts';
import { matchEntities } from './entities.ts';
import type { Gazetteer } from './gazetteer.ts';
import { mergeArticles } from './merge.ts';
import { CoverageTerms, type FoundQuotations, type Phrase, passagesByArticle } from './quotations.ts';
import type { NameFinder } from './speakers.ts';
import type { Analysis } from './types.ts';

export { disagreements, type Disagreement } from './alike.ts';
export type { Phrase } from './quotations.ts';

/** The gazetteer's matcher as a NameFinder for attribution (titles resolved by context). */
export function nameFinderFor(gazetteer: Gazetteer): NameFinder {
  return (text) =>
    matchEntities(text, gazetteer).flatMap((mention) => {
      const entity = gazetteer.byId.get(mention.entityId);
      return entity ? [{ start: mention.start, end: mention.end, entity }] : [];
    });
}

/** What the analysis finds, with the quoted phrases it judged not to be quotations (for reports and tests). */
function analyzeWithPhrases(corpus: Corpus, gazetteer: Gazetteer): { analysis: Analysis; phrases: Phrase[] } {
  const byArticle = passagesByArticle(corpus);
  // The per-article step: a pure function of one article and the gazetteer.
  const articles = corpus.articles.map((article) => analyzeArticle(article, byArticle.get(article.id) ?? [], gazetteer));
  return acrossArticles(corpus, articles, gazetteer);
}

/**
 * The cross-article steps over every article's own analysis (in corpus order): the coverage's own
 * terms, one id per person across outlets, and what outlets carry alike. An update after a corpus
 * change (update.ts) runs this over the articles' kept analyses.
 */
export function acrossArticles(
  corpus: Corpus,
  articles: ArticleAnalysis[],
  gazetteer: Gazetteer,
  kept: AcrossState = { terms: new CoverageTerms(), alike: new AlikeGrouping() },
): { analysis: Analysis; phrases: Phrase[] } {
  const { quotations, phrases } = kept.terms.settle(articles.map((article) => article.quotations));
  const merged = mergeArticles(articles, quotations, gazetteer);
  const figures = articles.flatMap((article) => article.figures);
  const groups = kept.alike.group(corpus, merged.quotations);
  return { analysis: { entities: merged.entities, mentions: merged.mentions, quotations: merged.quotations, figures, groups }, phrases };
}

/**
 * What the cross-article steps keep between corpus changes, so that a change redoes only what it
 * touches: the terms' narrative counts, and the alike groups' shingle postings and pairs. Updated in
 * place by acrossArticles. (Giving every person one id (mergeArticles) runs in full: it is linear.)
 */
export interface AcrossState {
  terms: CoverageTerms;
  alike: AlikeGrouping;
}

/** Every quotation with its speaker, and the quoted phrases judged not to be quotations. */
export function quotationsOf(corpus: Corpus, gazetteer: Gazetteer): FoundQuotations {
  const { analysis, phrases } = analyzeWithPhrases(corpus, gazetteer);
  return { quotations: analysis.quotations, phrases };
}

/**
 * The analysis of a corpus. Works with an empty gazetteer: people, organisations and places are found
 * from the text and the world's data; what the gazetteer says wins over what was discovered.
 */
export function analyze(corpus: Corpus, gazetteer: Gazetteer): Analysis {
  return analyzeWithPhrases(corpus, gazetteer).analysis;
}
