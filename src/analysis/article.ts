/**
 * The per-article step of the analysis: a pure function of one article and the gazetteer. It finds
 * the gazetteer's entities, the world's places, the people and organisations the article itself
 * names (discover.ts) and the office titles that stand for people, then the article's quotations with
 * their speakers and its figures.
 *
 * Ids are the article's own until the cross-article merge (merge.ts) settles them: a curated entity or
 * a world place keeps its id; a discovered name is `~<folded name>` (`?<folded name>` when the article
 * gives no person cue for it); an office title nobody in the article holds is `title:<title>@<place>`.
 */
import type { Article, Passage } from '../corpus/types.ts';
import { foldKey } from '../text/fold.ts';
import { type LocalName, type TitleBinding, discoverNames } from './discover.ts';
import { matchEntities } from './entities.ts';
import { findFigures } from './figures.ts';
import type { Gazetteer } from './gazetteer.ts';
import { findTitleMentions, titleId } from './office-titles.ts';
import { findWorldPlaces } from './place-names.ts';
import { type ArticleQuotations, quotationsOfArticle } from './quotations.ts';
import { type ArticleScan, MASK, scanArticle } from './scan.ts';
import type { NameFinder, NamedSpan } from './speakers.ts';
import { tokenize } from './tokens.ts';
import type { Entity, Figure, Mention } from './types.ts';
import { world } from './world.ts';

export interface ArticleAnalysis {
  articleId: string;
  /** Offsets in their passages; ids as described in the module comment. */
  mentions: Mention[];
  figures: Figure[];
  quotations: ArticleQuotations;
  /** The people and organisations the article names, by their folded names. */
  names: LocalName[];
}

/** A discovered name's id in the article's own terms. */
export function localId(name: LocalName): string {
  return `${name.confirmed ? '~' : '?'}${name.key}`;
}

interface ArticleSpan {
  id: string;
  start: number;
  end: number;
  entity?: Entity;
}

export function analyzeArticle(article: Article, passages: Passage[], gazetteer: Gazetteer): ArticleAnalysis {
  const scan = scanArticle(article, passages);
  const curated: ArticleSpan[] = scan.parts.flatMap((part) =>
    matchEntities(part.passage.text, gazetteer).map((mention) => ({
      id: mention.entityId,
      start: part.start + mention.start,
      end: part.start + mention.end,
      entity: gazetteer.byId.get(mention.entityId)!,
    })),
  );
  const tokens = tokenize(scan.text);
  const places: ArticleSpan[] = findWorldPlaces(scan.text, tokens)
    .filter((place) => !curated.some((span) => overlaps(span, place)))
    .map((place) => ({ id: curatedPlaceFor(gazetteer, place.placeId) ?? place.placeId, start: place.start, end: place.end }));
  const known = [
    ...curated.map((span) => ({
      start: span.start,
      end: span.end,
      ...(span.entity?.kind === 'place' ? { placeId: span.id } : {}),
      ...(span.entity?.kind === 'person' ? { personId: span.id } : {}),
    })),
    ...places.map((span) => ({ start: span.start, end: span.end, placeId: span.id })),
  ];
  const discovered = discoverNames({ text: scan.text, masked: scan.masked, sentences: scan.sentences, known, tokens });
  const nameByKey = new Map(discovered.names.map((name) => [name.key, name]));
  const people: ArticleSpan[] = discovered.mentions.map((mention) => {
    const name = nameByKey.get(mention.key)!;
    return { id: localId(name), start: mention.start, end: mention.end, entity: localEntity(name) };
  });
  // A title may hold the place it is of ("the president of Kosovo"), never a person's name.
  const taken = [...curated.filter((span) => span.entity?.kind !== 'place'), ...people];
  const titles: ArticleSpan[] = findTitleMentions(scan.text, scan.sentences, known)
    .filter((title) => !taken.some((span) => overlaps(span, title)))
    .map((title) => {
      // Held in this article by exactly one person it names ("Prime Minister Edi Rama ... the prime
      // minister"): that person. Otherwise the merge decides from the whole coverage, falling back on the
      // one person this article gives the title with any place ("Greece's migration minister, Eleni
      // Markopoulou ... The migration minister said"), or on its one holder of the bare head ("the minister").
      const holding = (test: (binding: TitleBinding) => boolean) => {
        const found = discovered.names.filter((name) => name.confirmed && name.bindings.some(test));
        return found.length === 1 ? found[0]! : undefined;
      };
      const holder = holding((binding) => binding.title === title.title && binding.of === title.of);
      const fallback =
        holding((binding) => binding.title === title.title) ??
        (title.title.includes(' ') ? undefined : holding((binding) => binding.title.split(' ').at(-1) === title.title));
      const id = holder ? localId(holder) : `${titleId(title.title, title.of)}${fallback ? `#${localId(fallback)}` : ''}`;
      const printed = scan.text.slice(title.start, title.end);
      return {
        id,
        start: title.start,
        end: title.end,
        entity: {
          id,
          kind: 'person',
          name: holder?.name ?? printed,
          aliases: [],
          titles: [title.title],
          ...(holder?.gender ? { gender: holder.gender } : {}),
        },
      };
    });

  const finder = articleNameFinder(scan, [...curated, ...people.filter((span) => span.id.startsWith('~')), ...titles]);
  const quotations = quotationsOfArticle(scan, finder);
  const figures = passages.flatMap((passage) => findFigures(passage, article, gazetteer));
  const mentions = [...curated, ...places, ...people, ...titles].flatMap((span) => toMention(scan, span));
  return { articleId: article.id, mentions, figures, quotations, names: discovered.names };
}

/** A discovered name as the entity the speaker rules read (gender, forms); its id is the article's own. */
function localEntity(name: LocalName): Entity {
  return {
    id: localId(name),
    kind: name.kind,
    name: name.name,
    aliases: name.forms,
    ...(name.gender ? { gender: name.gender } : {}),
  };
}

/** The finder the speaker rules use over the article's masked text: what lies inside quotations is not narrative. */
function articleNameFinder(scan: ArticleScan, spans: ArticleSpan[]): NameFinder {
  const visible = spans
    .filter((span) => span.entity && span.entity.kind !== 'place' && scan.masked[span.start] !== MASK)
    .sort((a, b) => a.start - b.start);
  const named: NamedSpan[] = visible.map((span) => ({ start: span.start, end: span.end, entity: span.entity! }));
  return (text) => (text === scan.masked ? named : []);
}

/** An article span as a mention in the passage that holds it (a span across two passages is none). */
function toMention(scan: ArticleScan, span: ArticleSpan): Mention[] {
  const part = scan.parts.find((candidate) => candidate.start <= span.start && span.end <= candidate.end);
  if (!part) return [];
  const start = span.start - part.start;
  const end = span.end - part.start;
  return [{ entityId: span.id, passageId: part.passage.id, start, end, surface: part.passage.text.slice(start, end) }];
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

const curatedPlaces = new WeakMap<Gazetteer, Map<string, string | null>>();

/** The curated place a world place is, when the gazetteer claims one of its names ("United Kingdom" -> "uk"). */
export function curatedPlaceFor(gazetteer: Gazetteer, worldId: string): string | undefined {
  const cache = curatedPlaces.get(gazetteer) ?? curatedPlaces.set(gazetteer, new Map()).get(gazetteer)!;
  let found = cache.get(worldId);
  if (found === undefined) {
    const place = world().byId.get(worldId);
    const claimed = place
      ? [place.name, ...place.aliases, ...place.demonyms]
          .map((form) => gazetteer.byAlias.get(foldKey(form)))
          .find((id) => id !== undefined && gazetteer.byId.get(id)?.kind === 'place')
      : undefined;
    found = claimed ?? null;
    cache.set(worldId, found);
  }
  return found ?? undefined;
}
