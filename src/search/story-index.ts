import type { Article, Corpus, Passage } from '../corpus/types.ts';
import type { AlikeGroup, Analysis, Entity, Figure, Mention, Quotation } from '../analysis/types.ts';
import { YEAR_COUNTS } from '../analysis/figures.ts';
import { PassageIndex, type SearchDocument } from './passage-index.ts';
import { termsOf } from './terms.ts';

/** Figures that count the same thing, printed by at least two outlets with at least two values. */
export interface FigureGroup {
  counts: string;
  /** In corpus order. */
  figures: Figure[];
  /** The content terms of `counts`. */
  countTerms: string[];
}

/**
 * Everything the answers need to look up, computed once: the full-text index, and maps that answer
 * entity and quotation questions directly instead of through full-text search. Building it is linear
 * in the corpus, so that no answer scans every passage, article or quotation.
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
  /** Member id (passage or quotation id) -> its alike group, for members of groups of two or more. */
  groupOf: Map<string, AlikeGroup>;
  /** Every outlet, in the order of its first article. */
  outlets: string[];
  /** Outlet -> its articles, in corpus order. */
  articlesByOutlet: Map<string, Article[]>;
  /** Article id -> its passages, in order (the first is the lead). */
  passagesByArticle: Map<string, Passage[]>;
  /** Speaker entity id -> the quotations attributed to it, in corpus order. */
  quotationsBySpeaker: Map<string, Quotation[]>;
  /** Speaker name (a source without an entity: "a government source") -> its quotations, in corpus order. */
  quotationsBySpeakerName: Map<string, Quotation[]>;
  /** Figures that outlets could disagree on (years left out: they date events, they count nothing). */
  figureGroups: FigureGroup[];
  /** Outlet -> passages only it carries (see exclusivePassages), best first. */
  exclusivesByOutlet: Map<string, Passage[]>;
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
      headline: article.headline ?? '',
      outlet: article.outlet,
      entities: [...entityIds].join(' '),
    };
  });
}

/** Each outlet's exclusive passages as corpus positions (see exclusivePassages): what a snapshot keeps of them. */
export type ExclusivePositions = Record<string, number[]>;

/**
 * The story index of a corpus and its analysis. `text` and `exclusives` are given when a snapshot
 * kept them (they take the longest to work out); otherwise they are built here.
 */
export function buildStoryIndex(corpus: Corpus, analysis: Analysis, text?: PassageIndex, exclusives?: ExclusivePositions): StoryIndex {
  const positionOf = new Map(corpus.passages.map((passage, position) => [passage.id, position]));
  const passagesByEntity = new Map<string, number[]>();
  for (const mention of analysis.mentions) {
    const position = positionOf.get(mention.passageId)!;
    const positions = passagesByEntity.get(mention.entityId) ?? [];
    if (positions.at(-1) !== position) positions.push(position);
    passagesByEntity.set(mention.entityId, positions);
  }
  for (const positions of passagesByEntity.values()) positions.sort((a, b) => a - b);
  // A group of one says nothing (no repeat to drop, no other outlet): only shared groups are listed.
  const groupOf = new Map<string, AlikeGroup>();
  for (const group of analysis.groups) {
    if (group.members.length > 1) for (const member of group.members) groupOf.set(member, group);
  }
  const articleById = new Map(corpus.articles.map((article) => [article.id, article]));
  const passageById = new Map(corpus.passages.map((passage) => [passage.id, passage]));
  const articlesByOutlet = groupBy(corpus.articles, (article) => article.outlet);
  const passagesByArticle = groupBy(corpus.passages, (passage) => passage.articleId);
  const story: StoryIndex = {
    corpus,
    analysis,
    text: text ?? PassageIndex.build(searchDocuments(corpus, analysis)),
    articleById,
    passageById,
    positionOf,
    entityById: new Map(analysis.entities.map((entity) => [entity.id, entity])),
    mentionsByPassage: groupBy(analysis.mentions, (mention) => mention.passageId),
    passagesByEntity,
    quotationsByPassage: groupBy(analysis.quotations, (quotation) => quotation.passageId),
    quotationById: new Map(analysis.quotations.map((quotation) => [quotation.id, quotation])),
    groupOf,
    outlets: [...articlesByOutlet.keys()],
    articlesByOutlet,
    passagesByArticle,
    quotationsBySpeaker: groupBy(
      analysis.quotations.filter((quotation) => quotation.speaker !== null),
      (quotation) => quotation.speaker!,
    ),
    quotationsBySpeakerName: groupBy(
      analysis.quotations.filter((quotation) => quotation.speakerName),
      (quotation) => quotation.speakerName!,
    ),
    figureGroups: figureGroupsOf(analysis.figures),
    exclusivesByOutlet: new Map(),
  };
  story.exclusivesByOutlet = exclusives
    ? new Map(Object.entries(exclusives).map(([outlet, positions]) => [outlet, positions.map((position) => corpus.passages[position]!)]))
    : exclusivePassages(story);
  return story;
}

/** The article a group member (a passage id, a sentence id `${passageId}:s${n}` or a quotation id `${passageId}:q${n}`) comes from. */
export function articleIdOfMember(story: Pick<StoryIndex, 'passageById'>, memberId: string): string | undefined {
  const passageId = story.passageById.has(memberId) ? memberId : memberId.replace(/:[qs]\d+$/, '');
  return story.passageById.get(passageId)?.articleId;
}

/** The story's exclusive passages as corpus positions, for a snapshot. */
export function exclusivePositions(story: Pick<StoryIndex, 'exclusivesByOutlet' | 'positionOf'>): ExclusivePositions {
  return Object.fromEntries(
    [...story.exclusivesByOutlet].map(([outlet, passages]) => [outlet, passages.map((passage) => story.positionOf.get(passage.id)!)]),
  );
}

function figureGroupsOf(figures: readonly Figure[]): FigureGroup[] {
  const groups: FigureGroup[] = [];
  for (const [counts, members] of groupBy(figures, (figure) => figure.counts)) {
    if (counts === YEAR_COUNTS) continue;
    if (new Set(members.map((figure) => figure.outlet)).size < 2 || new Set(members.map((figure) => figure.value)).size < 2) continue;
    groups.push({ counts, figures: members, countTerms: termsOf(counts) });
  }
  return groups;
}

/**
 * Passages only one outlet carries, per outlet: not its lead, in no alike group with another outlet's
 * passage, no sentence of it alike another outlet's sentence, and with at least two content words no other outlet uses, ranked by how many such words
 * they hold (then by place in the article). Read off the full-text index's text postings: a term is
 * the outlet's own when every passage holding it is that outlet's.
 */
function exclusivePassages(story: StoryIndex): Map<string, Passage[]> {
  const { passages } = story.corpus;
  const outletOf = passages.map((passage) => story.articleById.get(passage.articleId)!.outlet);
  const ownTerms = new Int32Array(passages.length);
  for (const [, positions] of story.text.textPostings()) {
    let outlet: string | undefined;
    let shared = false;
    const holders: number[] = [];
    for (const position of positions) {
      if (outlet === undefined) outlet = outletOf[position];
      else if (outletOf[position] !== outlet) {
        shared = true;
        break;
      }
      holders.push(position);
    }
    if (!shared) for (const position of holders) ownTerms[position]!++;
  }
  // A passage one of whose sentences another outlet prints alike is not its outlet's alone.
  const echoed = new Set<number>();
  for (const group of story.analysis.groups) {
    if (group.kind !== 'sentence') continue;
    const positions = group.members.map((member) => story.positionOf.get(member.replace(/:s\d+$/, ''))!);
    if (new Set(positions.map((position) => outletOf[position])).size > 1) for (const position of positions) echoed.add(position);
  }
  const byOutlet = new Map<string, { passage: Passage; distinct: number }[]>();
  passages.forEach((passage, position) => {
    const distinct = ownTerms[position]!;
    if (distinct < 2 || passage.index === 0 || echoed.has(position)) return;
    const outlet = outletOf[position]!;
    const group = story.groupOf.get(passage.id);
    if (group && group.members.some((member) => story.passageById.has(member) && outletOf[story.positionOf.get(member)!] !== outlet))
      return;
    const list = byOutlet.get(outlet) ?? byOutlet.set(outlet, []).get(outlet)!;
    list.push({ passage, distinct });
  });
  return new Map(
    [...byOutlet].map(([outlet, list]) => [
      outlet,
      list.sort((a, b) => b.distinct - a.distinct || a.passage.index - b.passage.index).map((entry) => entry.passage),
    ]),
  );
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
