/**
 * The analysis stage: from a clean corpus and the gazetteer to what the answers need: entity
 * mentions, number claims, quotations with their speakers, and what several outlets carry alike.
 * Pure and deterministic: the same corpus and gazetteer always give the same analysis.
 */
import type { Corpus } from '../corpus/types.ts';
import { groupAlike } from './alike.ts';
import { findMentions, matchEntities } from './entities.ts';
import { findFigures } from './figures.ts';
import type { Gazetteer } from './gazetteer.ts';
import { type FoundQuotations, findQuotations } from './quotations.ts';
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

/** Every quotation with its speaker, and the quoted phrases judged not to be quotations. */
export function quotationsOf(corpus: Corpus, gazetteer: Gazetteer): FoundQuotations {
  return findQuotations(corpus, nameFinderFor(gazetteer));
}

export function analyze(corpus: Corpus, gazetteer: Gazetteer): Analysis {
  const articleById = new Map(corpus.articles.map((article) => [article.id, article]));
  const mentions = corpus.passages.flatMap((passage) => findMentions(passage, gazetteer));
  const figures = corpus.passages.flatMap((passage) => {
    const article = articleById.get(passage.articleId);
    if (!article)
      throw new Error(`Passage ${passage.id} names article "${passage.articleId}", which the corpus lacks; rebuild the corpus.`);
    return findFigures(passage, article, gazetteer);
  });
  const { quotations } = quotationsOf(corpus, gazetteer);
  const groups = groupAlike(corpus, quotations);
  return { entities: gazetteer.entities, mentions, quotations, figures, groups };
}
