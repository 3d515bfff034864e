import type { Article, Corpus, Passage } from '../corpus/types.ts';
import type { AlikeGroup, Analysis, Entity, Mention, Quotation } from '../analysis/types.ts';
import { PassageIndex, type SearchDocument } from './passage-index.ts';

/**
 * Everything the answers need to look up, computed once: the full-text index, and maps that answer
 * entity and quotation questions directly instead of through full-text search.
 */
export interface StoryIndex {
  corpus: Corpus;
  analysis: Analysis;
  text: PassageIndex;
  articleById: Map<string, Article>;
  passageById: Map<string, Passage>;
  /** Passage id -> position in corpus.passages (the full-text index's document id). */
  positionOf: Map<string, number>;
  entityById: Map<string, Entity>;
  mentionsByPassage: Map<string, Mention[]>;
  /** Entity id -> passage positions that mention it, in corpus order. */
  passagesByEntity: Map<string, number[]>;
  quotationsByPassage: Map<string, Quotation[]>;
  quotationById: Map<string, Quotation>;
  /** Group member id (passage or quotation id) -> its group. */
  groupOf: Map<string, AlikeGroup>;
}

export function searchDocuments(corpus: Corpus, analysis: Analysis): SearchDocument[] {
  const articleById = new Map(corpus.articles.map((article) => [article.id, article]));
  const entitiesByPassage = groupBy(analysis.mentions, (mention) => mention.passageId);
  return corpus.passages.map((passage, position) => {
    const article = articleById.get(passage.articleId)!;
    const entityIds = new Set((entitiesByPassage.get(passage.id) ?? []).map((mention) => mention.entityId));
    return {
      id: position,
      text: passage.text,
      headline: article.headline,
      outlet: article.outlet,
      entities: [...entityIds].join(' '),
    };
  });
}

export function buildStoryIndex(corpus: Corpus, analysis: Analysis, text?: PassageIndex): StoryIndex {
  const positionOf = new Map(corpus.passages.map((passage, position) => [passage.id, position]));
  const passagesByEntity = new Map<string, number[]>();
  for (const mention of analysis.mentions) {
    const position = positionOf.get(mention.passageId)!;
    const positions = passagesByEntity.get(mention.entityId) ?? [];
    if (positions.at(-1) !== position) positions.push(position);
    passagesByEntity.set(mention.entityId, positions);
  }
  for (const positions of passagesByEntity.values()) positions.sort((a, b) => a - b);
  const groupOf = new Map<string, AlikeGroup>();
  for (const group of analysis.groups) {
    for (const member of group.members) groupOf.set(member, group);
  }
  return {
    corpus,
    analysis,
    text: text ?? PassageIndex.build(searchDocuments(corpus, analysis)),
    articleById: new Map(corpus.articles.map((article) => [article.id, article])),
    passageById: new Map(corpus.passages.map((passage) => [passage.id, passage])),
    positionOf,
    entityById: new Map(analysis.entities.map((entity) => [entity.id, entity])),
    mentionsByPassage: groupBy(analysis.mentions, (mention) => mention.passageId),
    passagesByEntity,
    quotationsByPassage: groupBy(analysis.quotations, (quotation) => quotation.passageId),
    quotationById: new Map(analysis.quotations.map((quotation) => [quotation.id, quotation])),
    groupOf,
  };
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
