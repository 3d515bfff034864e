/**
 * The gazetteer: optional curated knowledge about the story (corpus/gazetteer.json): aliases ("No 10"),
 * the person a bare title names, merges, descriptions, accepted misspellings. Validated with zod and
 * indexed for matching. The analysis discovers people, organisations and places without it; what the
 * file says wins over what was discovered. A missing or empty file is an empty gazetteer; a bad file
 * fails loudly, naming the entry and the field.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { foldKey } from '../text/fold.ts';
import type { Entity } from './types.ts';

const nonEmpty = z.string().trim().min(1, 'must not be empty');

const OfficeSchema = z.strictObject({
  /** The title of the office, lower case: "prime minister", "president". */
  title: nonEmpty,
  /** Id of the place the office is of. */
  of: nonEmpty,
});

const EntrySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens, e.g. "north-macedonia"'),
  kind: z.enum(['place', 'person', 'organisation']),
  name: nonEmpty,
  aliases: z.array(nonEmpty).min(1, 'must list at least one form'),
  /** Adjectives and nouns for the people of a place ("Serbian"): they count as mentions of it. */
  demonyms: z.array(nonEmpty).optional(),
  /** Aliases that are ordinary words in lower case ("Reform", "Labour"): their capitals must be printed. */
  matchCase: z.array(nonEmpty).optional(),
  gender: z.enum(['he', 'she', 'they']).optional(),
  /** Titles that stand for this entity alone, by context ("the prime minister" for Keir Starmer). */
  titles: z.array(nonEmpty).optional(),
  /** Offices held: resolve a title qualified by a place ("the Albanian prime minister"). */
  offices: z.array(OfficeSchema).optional(),
  relations: z.array(z.strictObject({ relation: nonEmpty, target: nonEmpty })).optional(),
  description: nonEmpty.optional(),
});

export const GazetteerFileSchema = z.strictObject({
  about: z.string().optional(),
  /** Short forms of titles: "PM" -> "prime minister". */
  titleAbbreviations: z.record(z.string(), nonEmpty).optional(),
  entities: z.array(EntrySchema).default([]),
});

export type GazetteerEntry = z.infer<typeof EntrySchema>;
export type GazetteerFile = z.infer<typeof GazetteerFileSchema>;

export interface Office {
  /** Canonical title, folded: "prime minister". */
  title: string;
  /** Place id. */
  of: string;
}

export interface Gazetteer {
  /** The file it was loaded from, for messages. */
  file: string;
  entities: Entity[];
  byId: Map<string, Entity>;
  /** Folded alias -> entity id (names, aliases and demonyms). */
  byAlias: Map<string, string>;
  /** Aliases that must be printed with their capitals (as written in the file). */
  caseSensitiveAliases: Set<string>;
  /** Folded demonym -> place id. */
  demonyms: Map<string, string>;
  /** Folded title -> ids of the entities a bare title stands for. */
  titles: Map<string, string[]>;
  /** Folded short form -> folded canonical title ("pm" -> "prime minister"). */
  titleAbbreviations: Map<string, string>;
  /** Title abbreviations as written (to keep "PM" case-sensitive). */
  titleAbbreviationForms: string[];
  /** Person id -> offices held. */
  offices: Map<string, Office[]>;
}

/** Thrown on a gazetteer file that cannot be used; the message says what to fix. */
export class GazetteerError extends Error {
  override name = 'GazetteerError';
}

const aliasKey = foldKey;

/** What a missing or empty gazetteer file stands for: no curation, everything discovered. */
export const EMPTY_GAZETTEER: GazetteerFile = { entities: [] };

/** Loads and validates corpus/gazetteer.json (or another file); a missing or blank file is empty; throws GazetteerError on bad data. */
export function loadGazetteer(file = 'corpus/gazetteer.json'): Gazetteer {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return buildGazetteer(EMPTY_GAZETTEER, file);
    throw new GazetteerError(`${file}: cannot read the gazetteer (${(error as Error).message}). Check the path.`);
  }
  if (raw.trim() === '') return buildGazetteer(EMPTY_GAZETTEER, file);
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new GazetteerError(`${file}: not valid JSON (${(error as Error).message}). Fix the syntax.`);
  }
  return buildGazetteer(json, file);
}

/** Validates parsed gazetteer data and indexes it; `file` names the source in error messages. */
export function buildGazetteer(data: unknown, file = 'gazetteer'): Gazetteer {
  const parsed = GazetteerFileSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new GazetteerError(`${file}: ${describePath(data, issue.path)}: ${issue.message}.`);
  }
  const entries = parsed.data.entities;
  const where = (index: number, field: string) => `${file}: entity "${entries[index]!.id}" (entities[${index}]), field "${field}"`;

  const byId = new Map<string, Entity>();
  const byAlias = new Map<string, string>();
  const caseSensitiveAliases = new Set<string>();
  const demonyms = new Map<string, string>();
  const titles = new Map<string, string[]>();
  const offices = new Map<string, Office[]>();

  entries.forEach((entry, index) => {
    if (byId.has(entry.id)) throw new GazetteerError(`${where(index, 'id')}: the id is used twice; give each entity its own id.`);
    const claim = (form: string, field: string) => {
      const key = aliasKey(form);
      if (key === '') throw new GazetteerError(`${where(index, field)}: "${form}" has no letters to match.`);
      const owner = byAlias.get(key);
      if (owner !== undefined && owner !== entry.id) {
        throw new GazetteerError(`${where(index, field)}: "${form}" is already an alias of "${owner}"; an alias may name only one entity.`);
      }
      byAlias.set(key, entry.id);
    };
    claim(entry.name, 'name');
    entry.aliases.forEach((alias) => claim(alias, 'aliases'));
    for (const demonym of entry.demonyms ?? []) {
      if (entry.kind !== 'place') throw new GazetteerError(`${where(index, 'demonyms')}: only a place has demonyms.`);
      claim(demonym, 'demonyms');
      demonyms.set(aliasKey(demonym), entry.id);
    }
    const forms = new Set([entry.name, ...entry.aliases, ...(entry.demonyms ?? [])]);
    for (const form of entry.matchCase ?? []) {
      if (!forms.has(form))
        throw new GazetteerError(`${where(index, 'matchCase')}: "${form}" is not one of the entity's aliases; list it in "aliases" first.`);
      caseSensitiveAliases.add(form);
    }
    if (entry.kind !== 'person' && (entry.gender || entry.titles || entry.offices)) {
      throw new GazetteerError(
        `${where(index, entry.gender ? 'gender' : entry.titles ? 'titles' : 'offices')}: only a person has a gender, titles or offices.`,
      );
    }
    for (const title of entry.titles ?? []) {
      const key = aliasKey(title);
      titles.set(key, [...(titles.get(key) ?? []), entry.id]);
    }
    if (entry.offices)
      offices.set(
        entry.id,
        entry.offices.map((office) => ({ title: aliasKey(office.title), of: office.of })),
      );
    const relations = [
      ...(entry.offices ?? []).map((office) => ({ relation: `${aliasKey(office.title)} of`, target: office.of })),
      ...(entry.relations ?? []),
    ];
    byId.set(entry.id, {
      id: entry.id,
      kind: entry.kind,
      name: entry.name,
      aliases: [...forms],
      ...(entry.gender ? { gender: entry.gender } : {}),
      ...(entry.titles ? { titles: entry.titles } : {}),
      ...(relations.length > 0 ? { relations } : {}),
      ...(entry.description ? { description: entry.description } : {}),
    });
  });

  // Every reference must name an entity of the right kind.
  entries.forEach((entry, index) => {
    entry.relations?.forEach((relation, n) => {
      if (!byId.has(relation.target)) {
        throw new GazetteerError(`${where(index, `relations[${n}].target`)}: no entity has the id "${relation.target}".`);
      }
    });
    entry.offices?.forEach((office, n) => {
      if (byId.get(office.of)?.kind !== 'place') {
        throw new GazetteerError(`${where(index, `offices[${n}].of`)}: "${office.of}" is not the id of a place.`);
      }
    });
  });

  const titleAbbreviations = new Map<string, string>();
  const abbreviations = parsed.data.titleAbbreviations ?? {};
  for (const [short, title] of Object.entries(abbreviations)) {
    titleAbbreviations.set(aliasKey(short), aliasKey(title));
  }

  const entities = [...byId.values()];
  return {
    file,
    entities,
    byId,
    byAlias,
    caseSensitiveAliases,
    demonyms,
    titles,
    titleAbbreviations,
    titleAbbreviationForms: Object.keys(abbreviations),
    offices,
  };
}

/** "entities[3] (\"serbia\").aliases[1]" from a zod issue path. */
function describePath(data: unknown, path: PropertyKey[]): string {
  if (path.length === 0) return 'the file';
  const [top, index, ...rest] = path;
  if (top === 'entities' && typeof index === 'number') {
    const entry = (data as { entities?: unknown[] }).entities?.[index];
    const id = entry && typeof entry === 'object' && 'id' in entry ? String((entry as { id: unknown }).id) : '?';
    const field = rest.length > 0 ? `, field "${rest.map(String).join('.')}"` : '';
    return `entity "${id}" (entities[${index}])${field}`;
  }
  return `field "${path.map(String).join('.')}"`;
}

/**
 * The gazetteer extended with the analysis's other entities (discovered in the coverage, or from world
 * data), so that names typed by users resolve to them too. Curated entries win: a form the file already
 * gives to one entity is not given to another.
 */
export function withEntities(gazetteer: Gazetteer, entities: readonly Entity[]): Gazetteer {
  const added = entities.filter((entity) => !gazetteer.byId.has(entity.id));
  if (added.length === 0) return gazetteer;
  const byId = new Map(gazetteer.byId);
  const byAlias = new Map(gazetteer.byAlias);
  const titles = new Map(gazetteer.titles);
  const offices = new Map(gazetteer.offices);
  for (const entity of added) byId.set(entity.id, entity);
  for (const entity of added) {
    for (const form of [entity.name, ...entity.aliases]) {
      const key = aliasKey(form);
      if (key !== '' && !byAlias.has(key)) byAlias.set(key, entity.id);
    }
    for (const title of entity.titles ?? []) {
      const key = aliasKey(title);
      if (!titles.has(key)) titles.set(key, [entity.id]);
    }
    const held = (entity.relations ?? [])
      .filter((relation) => / of$/u.test(relation.relation) && byId.has(relation.target))
      .map((relation) => ({ title: aliasKey(relation.relation.replace(/ of$/u, '')), of: relation.target }));
    if (entity.kind === 'person' && held.length > 0) offices.set(entity.id, held);
  }
  return { ...gazetteer, entities: [...byId.values()], byId, byAlias, titles, offices };
}
