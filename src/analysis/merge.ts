/**
 * The cross-article step of the analysis: cheap, linear in what the articles found. It gives every
 * discovered person and organisation one id across the coverage, and settles who an office title
 * stands for.
 *
 * - The same full name in two outlets is one person ("Vjosa Osmani"; "Vučić" and "Vucic" fold alike);
 *   a name the gazetteer lists is the gazetteer's entity (the curated knowledge wins).
 * - A surname met alone ("Putin", "Mr Philp") is the one person of the coverage with that surname,
 *   else a person of its own.
 * - A full name an article prints with no person cue counts only when another article marks it as one.
 * - An office title is its holder when the coverage binds it to one person: "the president of Kosovo"
 *   to the one person any article calls Kosovo's president; a bare "the prime minister" to the one
 *   person some article calls "Prime Minister" and none calls another country's prime minister, and only
 *   in an article that names that person. Otherwise it stands for nobody: a mention of no one, and a
 *   quotation left unattributed with the title as printed.
 */
import { type ArticleAnalysis, curatedPlaceFor } from './article.ts';
import type { LocalName, Pronoun } from './discover.ts';
import type { Gazetteer } from './gazetteer.ts';
import { foldKey } from '../text/fold.ts';
import type { Entity, Mention, Quotation } from './types.ts';
import { slug, world } from './world.ts';

interface Discovered {
  id: string;
  kind: 'person' | 'organisation';
  name: string;
  forms: Set<string>;
  pronouns: Set<Pronoun>;
  /** Any article printed the name with no honorific telling its pronoun, or with conflicting ones. */
  bindings: { title: string; of: string | null }[];
  curated: boolean;
}

export interface Merged {
  entities: Entity[];
  mentions: Mention[];
  quotations: Quotation[];
}

export function mergeArticles(articles: ArticleAnalysis[], quotations: Quotation[], gazetteer: Gazetteer): Merged {
  const registry = new Map<string, Discovered>(); // global id -> entity being built
  const idOf = new Map<string, string | null>(); // `${articleId}\0${localId}` -> global id (null: nobody)
  const local = (articleId: string, id: string) => `${articleId}\u0000${id}`;

  const claim = (name: LocalName, id: string, curated: boolean) => {
    let entry = registry.get(id);
    if (!entry) {
      const curatedEntity = gazetteer.byId.get(id);
      entry = {
        id,
        kind: name.kind,
        name: curatedEntity?.name ?? name.name,
        forms: new Set(),
        pronouns: new Set(),
        bindings: [],
        curated,
      };
      registry.set(id, entry);
    }
    for (const form of name.forms) entry.forms.add(form);
    if (name.gender) entry.pronouns.add(name.gender);
    for (const printed of name.bindings) {
      const binding = { ...printed, of: printed.of === null ? null : (curatedPlaceFor(gazetteer, printed.of) ?? printed.of) };
      if (!entry.bindings.some((known) => known.title === binding.title && known.of === binding.of)) entry.bindings.push(binding);
    }
    return entry;
  };
  const curatedId = (name: LocalName) => {
    const id = gazetteer.byAlias.get(foldKey(name.name)) ?? gazetteer.byAlias.get(name.key);
    return id !== undefined && gazetteer.byId.get(id)?.kind === name.kind ? id : undefined;
  };

  // 1. Full names and organisations that an article marks as such. "President Putin" in one article
  // marks "Vladimir Putin" printed with no cue in another as a person.
  const surnamesMarked = new Set(
    articles.flatMap((article) =>
      article.names.filter((name) => name.confirmed && name.kind === 'person' && !name.key.includes(' ')).map((name) => name.key),
    ),
  );
  const marked = (name: LocalName) => name.confirmed || (name.kind === 'person' && surnamesMarked.has(name.key.split(' ').at(-1)!));
  for (const article of articles) {
    for (const name of article.names) {
      if (!marked(name) || (name.kind === 'person' && !name.key.includes(' '))) continue;
      const curated = curatedId(name);
      const id = curated ?? uniqueId(slug(name.key), name.kind);
      idOf.set(local(article.articleId, `${name.confirmed ? '~' : '?'}${name.key}`), claim(name, id, curated !== undefined).id);
    }
  }
  // 2. Surnames met alone, and full names confirmed elsewhere.
  const bySurname = new Map<string, string | null>();
  for (const entry of registry.values()) {
    if (entry.kind !== 'person') continue;
    for (const form of entry.forms) {
      const surname = foldKey(form).split(' ').at(-1)!;
      if (!foldKey(form).includes(' ')) continue;
      const known = bySurname.get(surname);
      bySurname.set(surname, known === undefined || known === entry.id ? entry.id : null);
    }
  }
  for (const article of articles) {
    for (const name of article.names) {
      if (name.confirmed && name.kind === 'person' && !name.key.includes(' ')) {
        const curated = curatedId(name);
        const id = curated ?? bySurname.get(name.key) ?? uniqueId(slug(name.key), 'person');
        idOf.set(local(article.articleId, `~${name.key}`), claim(name, id, curated !== undefined).id);
      } else if (!marked(name)) {
        const id = registry.has(slug(name.key)) ? slug(name.key) : curatedId(name);
        if (id)
          idOf.set(local(article.articleId, `?${name.key}`), claim({ ...name, bindings: [] }, id, registry.get(id)?.curated ?? true).id);
        else idOf.set(local(article.articleId, `?${name.key}`), null);
      }
    }
  }

  // 3. Office titles: bindings across the coverage.
  const holders = new Map<string, Set<string>>(); // `${title}@${of}` -> person ids
  const qualifiedTitles = new Map<string, Set<string>>(); // title -> people bound to it with a place
  for (const entry of registry.values()) {
    for (const binding of entry.bindings) {
      const key = `${binding.title}@${binding.of ?? ''}`;
      holders.set(key, (holders.get(key) ?? new Set()).add(entry.id));
      if (binding.of !== null) qualifiedTitles.set(binding.title, (qualifiedTitles.get(binding.title) ?? new Set()).add(entry.id));
    }
  }
  const mentionedIn = new Map<string, Set<string>>(); // article id -> global ids it mentions
  const resolveTitle = (articleId: string, id: string): string | null => {
    const [titleAt, fallback] = id.split('#') as [string, string | undefined];
    const settled = resolveTitleInCoverage(articleId, titleAt);
    if (settled !== null || fallback === undefined) return settled;
    return idOf.get(local(articleId, fallback)) ?? null;
  };
  const resolveTitleInCoverage = (articleId: string, id: string): string | null => {
    const [title, printedOf] = id.slice('title:'.length).split('@') as [string, string];
    const of = printedOf === '' ? '' : (curatedPlaceFor(gazetteer, printedOf) ?? printedOf);
    const bound = [...(holders.get(`${title}@${of}`) ?? [])];
    if (of !== '') return bound.length === 1 ? bound[0]! : null;
    const unqualified = bound.filter((person) => !qualifiedTitles.get(title)?.has(person) && mentionedIn.get(articleId)?.has(person));
    return unqualified.length === 1 ? unqualified[0]! : null;
  };
  const globalId = (articleId: string, id: string): string | null => {
    if (id.startsWith('~') || id.startsWith('?')) return idOf.get(local(articleId, id)) ?? null;
    if (id.startsWith('title:')) return resolveTitle(articleId, id);
    return id;
  };

  const mentions: Mention[] = [];
  for (const article of articles) {
    const ids = new Set<string>();
    for (const mention of article.mentions) {
      if (mention.entityId.startsWith('title:')) continue;
      const id = globalId(article.articleId, mention.entityId);
      if (id !== null) ids.add(id);
    }
    mentionedIn.set(article.articleId, ids);
  }
  for (const article of articles) {
    for (const mention of article.mentions) {
      const id = globalId(article.articleId, mention.entityId);
      if (id !== null) mentions.push({ ...mention, entityId: id });
    }
  }

  const nameOf = (id: string) => gazetteer.byId.get(id)?.name ?? registry.get(id)?.name ?? id;
  const merged = quotations.map((quotation): Quotation => {
    const speaker = quotation.speaker;
    if (speaker === null || !(speaker.startsWith('~') || speaker.startsWith('?') || speaker.startsWith('title:'))) return quotation;
    const id = globalId(quotation.articleId, speaker);
    if (id === null) {
      const { rule: _rule, ...rest } = quotation;
      return { ...rest, speaker: null, speakerName: null, speakerKind: 'unattributed' };
    }
    const settled = speaker.startsWith('title:') ? "; the office title's holder" : '';
    return { ...quotation, speaker: id, speakerName: nameOf(id), ...(quotation.rule ? { rule: `${quotation.rule}${settled}` } : {}) };
  });

  const mentioned = new Set([...mentions.map((mention) => mention.entityId), ...merged.map((quotation) => quotation.speaker ?? '')]);
  const entities = [
    ...gazetteer.entities.map((entity): Entity => ({ ...entity, origin: 'curated' })),
    ...[...registry.values()]
      .filter((entry) => !gazetteer.byId.has(entry.id) && mentioned.has(entry.id))
      .map((entry) => toEntity(entry, bySurname)),
    ...worldEntities(mentioned, gazetteer),
  ];
  // Bare titles the coverage settles on one person: what "/quote the prime minister" means.
  const entityIds = new Set(entities.map((entity) => entity.id));
  for (const entity of entities) {
    if (entity.origin !== 'discovered' || entity.kind !== 'person') continue;
    const entry = registry.get(entity.id)!;
    const titles = entry.bindings
      .filter(
        (binding) =>
          binding.of === null &&
          [...(holders.get(`${binding.title}@`) ?? [])].filter((person) => !qualifiedTitles.get(binding.title)?.has(person)).length === 1,
      )
      .filter((binding) => !qualifiedTitles.get(binding.title)?.has(entity.id))
      .map((binding) => binding.title);
    if (titles.length > 0) entity.titles = [...new Set(titles)];
    // "President of Kosovo": an office of a place the analysis knows, so "the president of Kosovo" resolves.
    const offices = entry.bindings
      .filter((binding) => binding.of !== null && entityIds.has(binding.of))
      .map((binding) => ({ relation: `${binding.title} of`, target: binding.of! }));
    if (offices.length > 0) entity.relations = offices;
  }
  return { entities, mentions, quotations: merged };

  function uniqueId(base: string, kind: 'person' | 'organisation'): string {
    const taken = gazetteer.byId.get(base) ?? world().byId.get(base);
    return taken ? `${base}-${kind}` : base;
  }
}

function toEntity(entry: Discovered, bySurname: Map<string, string | null>): Entity {
  const aliases = new Set([entry.name, ...entry.forms]);
  if (entry.kind === 'person') {
    const surname = entry.name.split(/\s+/u).at(-1)!;
    if (bySurname.get(foldKey(surname)) === entry.id) aliases.add(surname);
  }
  const qualified = entry.bindings.find((binding) => binding.of !== null);
  const anyTitle = qualified ?? entry.bindings[0];
  const place = qualified?.of ? world().byId.get(qualified.of)?.name : undefined;
  const description = anyTitle ? `${capitalise(anyTitle.title)}${place ? ` of ${place}` : ''}` : undefined;
  return {
    id: entry.id,
    kind: entry.kind,
    name: entry.name,
    aliases: [...aliases],
    ...(entry.pronouns.size === 1 ? { gender: [...entry.pronouns][0]! } : {}),
    ...(description ? { description } : {}),
    origin: 'discovered',
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The world's places the coverage mentions, as entities: a city stands for its country in /country. */
function worldEntities(mentioned: Set<string>, gazetteer: Gazetteer): Entity[] {
  const { byId } = world();
  const entities: Entity[] = [];
  for (const id of mentioned) {
    const place = byId.get(id);
    if (!place || gazetteer.byId.has(id)) continue;
    const relations =
      place.kind === 'city'
        ? place.within
            .map((country) => curatedPlaceFor(gazetteer, country) ?? country)
            .filter((country) => mentioned.has(country) || gazetteer.byId.has(country))
            .map((target) => ({ relation: 'city in', target }))
        : [];
    entities.push({
      id,
      kind: 'place',
      name: place.name,
      aliases: [...new Set([...place.aliases, ...place.demonyms])],
      ...(relations.length > 0 ? { relations } : {}),
      description:
        place.kind === 'city' ? `City in ${byId.get(place.within[0] ?? '')?.name ?? '?'}` : place.kind === 'region' ? 'Region' : 'Country',
      origin: 'world',
    });
  }
  return entities;
}
