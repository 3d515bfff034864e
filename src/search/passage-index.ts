import MiniSearch, { type Options, type SearchOptions, type SearchResult } from 'minisearch';
import { championsOf, type ChampionOptions } from './champions.ts';
import { compactPostings, isPackedEngine, packEngine, unpackEngine } from './engine-pack.ts';
import { EngineView, FUZZY_WEIGHT, type FieldTermData } from './engine-view.ts';
import { termOf, tokenize } from './terms.ts';

/** What the index holds for one passage. `id` is the passage's position in the corpus. */
export interface SearchDocument {
  id: number;
  text: string;
  headline: string;
  outlet: string;
  /** Entity ids mentioned in the passage, space-separated. */
  entities: string;
}

export interface PassageHit {
  /** Position of the passage in the corpus's passage list. */
  passage: number;
  score: number;
  /** Breaks ties as MiniSearch does: the order in which its search first met the passage. */
  order?: number;
  /** Query terms that this passage matched (entity ids included). */
  queryTerms: string[];
  /** Index terms that matched, for highlighting. */
  terms: string[];
}

export interface SearchQuery {
  text: string;
  /** Entity ids named in the query (aliases resolved by the caller): matched in the entities field. */
  entityIds?: string[];
  /**
   * How many of the known text terms a passage must match to be worth ranking, given how many are
   * known (default 1). Passages below it that name no queried entity may be left out of the hits.
   */
  minTextTerms?: (known: number) => number;
}

export interface SearchOutcome {
  /** Best first. */
  hits: PassageHit[];
  /** The content terms of the query. */
  queryTerms: string[];
  /** Content terms that match nothing in the coverage, even with fuzzy matching. */
  unknownTerms: string[];
}

const ENTITY_FIELD = 'entities';
const TEXT_FIELDS = ['text', 'headline', 'outlet'] as const;
const TEXT_BOOST: Record<(typeof TEXT_FIELDS)[number], number> = { text: 1, headline: 0.4, outlet: 0.6 };
const ENTITY_BOOST = 3;
const MAX_FUZZY = 2;
const FUZZY_SHARE = 0.2;

/**
 * Up to this many postings in all, MiniSearch scores every passage itself. Above it, only candidates
 * are scored (same scores and tie order, read from MiniSearch's index).
 */
const EXACT_POSTINGS = 500;

/** Knobs for tests: `exactPostings: 0` sends every query through candidate scoring; a low `fullList` makes champions of common terms. */
export interface SearchTuning {
  exactPostings?: number;
  fullList?: number;
  champions?: ChampionOptions;
}
/** A term in at most this many passages has all of them as candidates; a commoner one, its champions. */
const FULL_LIST = 400;
/** Champions kept per common term: overall, and per outlet (so that /compare still finds each outlet). */
const CHAMPIONS = { overall: 200, perGroup: 3 };
/** Passages of the rarest common term checked for the other terms ("AND before OR"), and how many are kept. */
const SCAN_LIMIT = 15_000;
const SCAN_KEEP = 1000;

/** Index-time options; the same object must be given when a snapshot is loaded. */
export function indexOptions(): Options<SearchDocument> {
  return {
    fields: [...TEXT_FIELDS, ENTITY_FIELD],
    storeFields: [],
    tokenize: (text, fieldName) => (fieldName === ENTITY_FIELD ? text.split(' ').filter(Boolean) : tokenize(text)),
    processTerm: (term, fieldName) => (fieldName === ENTITY_FIELD ? term : termOf(term)),
  };
}

/** A query term as searched: itself and, for a word the coverage lacks, its near spellings. */
interface PlannedTerm {
  term: string;
  derived: {
    term: string;
    weight: number;
    data: FieldTermData;
    /** Its frequencies per text field, in TEXT_FIELDS order. */ byField: (Map<number, number> | undefined)[];
  }[];
  /** Passages listed under it and its spellings, over the text fields. */
  postings: number;
}

interface PlannedEntity {
  id: string;
  data: FieldTermData | undefined;
  postings: number;
}

interface Field {
  name: string;
  id: number;
  boost: number;
}

interface PassageIndexJson {
  engine: unknown;
  vocabulary: string[];
  /** Champion lists as built (so that a load does not score every common term again): keys, list lengths, short ids (Int32, base64). */
  champions?: { keys: string[]; lengths: number[]; ids: string; tuning: string };
  /** Outlet of each passage (by position), as an index into `outlets`: groups for champion lists. */
  outlets?: string[];
  outletOf?: number[];
}

/**
 * The full-text index over passages. Wraps MiniSearch with the project's term processing, fuzzy
 * matching limited to words the coverage does not contain (so a misspelt name finds its passages
 * and a correct word never drags in near neighbours), and entity matching through a field of ids.
 *
 * MiniSearch scores every passage that holds any query word and has no top-k, so on a large corpus
 * a question of common words would score most of it. Above a small size the search therefore picks
 * candidates first (all passages of the rarest words, enough of them that every passage matching
 * `minTextTerms` words holds one; for words too common for that, their champion passages and the
 * passages of the rarest one that hold the others) and scores only those, exactly as MiniSearch would.
 */
export class PassageIndex {
  private readonly view: EngineView;
  private readonly textFields: Field[];
  private readonly entityField: Field;
  private readonly champions: Map<string, Int32Array> = new Map();
  private readonly groupOf: Int32Array | undefined;

  constructor(
    private readonly engine: MiniSearch<SearchDocument>,
    /** Every text term the index holds: decides whether a query term needs fuzzy matching. */
    private readonly vocabulary: ReadonlySet<string>,
    private readonly outlets: { names: string[]; of: Int32Array } | undefined = undefined,
    private readonly tuning: SearchTuning = {},
    /** Champion lists saved with this very index (see toJSON); built when absent. */
    champions?: Map<string, Int32Array>,
  ) {
    this.view = new EngineView(engine);
    this.textFields = TEXT_FIELDS.map((name) => ({ name, id: this.view.fieldId(name), boost: TEXT_BOOST[name] }));
    this.entityField = { name: ENTITY_FIELD, id: this.view.fieldId(ENTITY_FIELD), boost: ENTITY_BOOST };
    this.groupOf = outlets?.of;
    if (champions) this.champions = champions;
    else this.buildChampions();
  }

  static build(documents: SearchDocument[], tuning: SearchTuning = {}): PassageIndex {
    const engine = new MiniSearch<SearchDocument>(indexOptions());
    engine.addAll(documents);
    compactPostings(engine);
    return new PassageIndex(engine, vocabularyOf(documents), outletsOf(documents), tuning);
  }

  /**
   * The index for a changed corpus, by MiniSearch's own remove and add rather than a rebuild: the
   * `removed` documents (as indexed, at their old positions) go, every kept passage moves to its new
   * position (`newPosition[old]`, -1 for a removed one), and the `added` documents come in. Searches
   * then give what a rebuild gives, ties included, when every added passage comes after every kept
   * one (new coverage is appended); otherwise this returns undefined and the caller rebuilds.
   * This index shares its engine with the result and must not be used afterwards.
   */
  changed(removed: SearchDocument[], newPosition: Int32Array, added: SearchDocument[], next: SearchDocument[]): PassageIndex | undefined {
    let lastKept = -1;
    for (const position of newPosition) lastKept = Math.max(lastKept, position);
    if (added.some((document) => document.id <= lastKept)) return undefined;
    for (const document of removed) this.engine.remove(document);
    this.view.renumber((id) => newPosition[id as number]!);
    this.engine.addAll(added);
    this.view.recomputeAverageFieldLengths();
    const vocabulary = new Set<string>();
    for (const [term, data] of this.view.terms())
      if (this.textFields.some((field) => (data.get(field.id)?.size ?? 0) > 0)) vocabulary.add(term);
    return new PassageIndex(this.engine, vocabulary, outletsOf(next), this.tuning);
  }

  /** How many distinct text terms the index holds. */
  get vocabularySize(): number {
    return this.vocabulary.size;
  }

  /** Passage positions whose text holds each term (the text field only), for per-term statistics. */
  *textPostings(): Iterable<[string, Iterable<number>]> {
    const textField = this.textFields[0]!.id;
    for (const [term, data] of this.view.terms()) {
      const frequencies = data.get(textField);
      if (!frequencies || frequencies.size === 0) continue;
      yield [term, mapIterable(frequencies.keys(), (shortId) => this.view.idOf(shortId))];
    }
  }

  /** Whether some passage holds this very term (not only a spelling near it). */
  knowsTerm(term: string): boolean {
    return this.vocabulary.has(term);
  }

  /** How many outlets print the term in some passage's text: a story's topic words are printed by nearly every outlet. */
  outletsHolding(term: string): number {
    const frequencies = this.view.termData(term)?.get(this.textFields[0]!.id);
    if (!frequencies || !this.groupOf) return 0;
    const outlets = new Set<number>();
    for (const shortId of frequencies.keys()) outlets.add(this.groupOf[this.view.idOf(shortId)]!);
    return outlets.size;
  }

  /** How many passages hold the term in their text. */
  passagesHolding(term: string): number {
    return this.view.termData(term)?.get(this.textFields[0]!.id)?.size ?? 0;
  }

  /** Whether the passage at this position holds the term in its text. */
  holdsTerm(position: number, term: string): boolean {
    const shortId = this.view.shortIdOf(position);
    return shortId !== undefined && this.view.termData(term)?.get(this.textFields[0]!.id)?.has(shortId) === true;
  }

  search(query: SearchQuery): SearchOutcome {
    const queryTerms = uniqueTerms(query.text);
    const entityIds = [...new Set(query.entityIds ?? [])];
    if (queryTerms.length === 0 && entityIds.length === 0) {
      return { hits: [], queryTerms, unknownTerms: [] };
    }
    const planned = queryTerms.map((term) => this.plan(term));
    const known = planned.filter((term) => term.derived.length > 0);
    const knownSet = new Set(known.map((term) => term.term));
    const unknownTerms = queryTerms.filter((term) => !knownSet.has(term));
    const entities = entityIds.map((id): PlannedEntity => {
      const data = this.view.termData(id);
      return { id, data, postings: data?.get(this.entityField.id)?.size ?? 0 };
    });
    const postings = known.reduce((sum, term) => sum + term.postings, 0) + entities.reduce((sum, entity) => sum + entity.postings, 0);
    const hits =
      postings <= (this.tuning.exactPostings ?? EXACT_POSTINGS)
        ? this.searchEverything(queryTerms, entityIds)
        : this.searchCandidates(known, entities, query.minTextTerms?.(known.length) ?? 1);
    return { hits, queryTerms, unknownTerms };
  }

  toJSON(): PassageIndexJson {
    return {
      // Packed: loads in about half MiniSearch.loadJS's time (src/search/engine-pack.ts).
      engine: packEngine(this.engine),
      vocabulary: [...this.vocabulary],
      ...(this.outlets ? { outlets: this.outlets.names, outletOf: [...this.outlets.of] } : {}),
      champions: packChampions(this.champions, this.tuning),
    };
  }

  static fromJSON(json: string, tuning: SearchTuning = {}): PassageIndex {
    const parsed = JSON.parse(json) as PassageIndexJson;
    const engine = isPackedEngine(parsed.engine)
      ? unpackEngine<SearchDocument>(parsed.engine, indexOptions())
      : MiniSearch.loadJS<SearchDocument>(parsed.engine as never, indexOptions());
    const outlets = parsed.outlets && parsed.outletOf ? { names: parsed.outlets, of: Int32Array.from(parsed.outletOf) } : undefined;
    // Saved champions are only good for the tuning they were built with: otherwise built afresh.
    const champions = parsed.champions?.tuning === JSON.stringify(tuning) ? unpackChampions(parsed.champions) : undefined;
    return new PassageIndex(engine, new Set(parsed.vocabulary), outlets, tuning, champions);
  }

  /** The term and, for a word of 5+ letters the coverage lacks, the index's spellings 1-2 edits away (as MiniSearch finds them). */
  private plan(term: string): PlannedTerm {
    const derived: PlannedTerm['derived'] = [];
    if (this.vocabulary.has(term)) {
      const data = this.view.termData(term)!;
      derived.push({ term, weight: 1, data, byField: this.textFields.map((field) => data.get(field.id)) });
    } else if (term.length >= 5) {
      const maxDistance = Math.min(MAX_FUZZY, Math.round(term.length * FUZZY_SHARE));
      if (maxDistance > 0) {
        for (const [near, [data, distance]] of this.view.fuzzyTerms(term, maxDistance)) {
          if (distance === 0 || !this.vocabulary.has(near)) continue;
          derived.push({
            term: near,
            weight: (FUZZY_WEIGHT * near.length) / (near.length + distance),
            data,
            byField: this.textFields.map((field) => data.get(field.id)),
          });
        }
      }
    }
    let postings = 0;
    for (const { data } of derived) for (const field of this.textFields) postings += data.get(field.id)?.size ?? 0;
    return { term, derived, postings };
  }

  /** MiniSearch's own search: every passage holding any term, scored and sorted. */
  private searchEverything(queryTerms: string[], entityIds: string[]): PassageHit[] {
    const results = this.engine.search({
      combineWith: 'OR',
      queries: [
        ...(queryTerms.length > 0 ? [{ ...this.textSearch(), queries: [queryTerms.join(' ')] }] : []),
        ...(entityIds.length > 0 ? [entitySearch(entityIds)] : []),
      ],
    });
    return results.map(toHit);
  }

  private textSearch(): SearchOptions {
    return {
      fields: [...TEXT_FIELDS],
      boost: { ...TEXT_BOOST },
      // Query text is already reduced to terms; do not process it twice.
      tokenize: (text) => text.split(' '),
      processTerm: (term) => term,
      fuzzy: (term) => (term.length >= 5 && !this.vocabulary.has(term) ? FUZZY_SHARE : false),
      maxFuzzy: MAX_FUZZY,
      combineWith: 'OR',
    };
  }

  /** Picks candidates (see the class comment), then scores them as MiniSearch would. */
  private searchCandidates(known: PlannedTerm[], entities: PlannedEntity[], minTextTerms: number): PassageHit[] {
    const candidates = new Set<number>();
    const needed = Math.max(1, Math.min(minTextTerms, known.length));
    const byPostings = [...known].sort((a, b) => a.postings - b.postings);
    // A passage matching `needed` of the known terms holds one of the (known - needed + 1) rarest.
    for (const term of byPostings.slice(0, known.length - needed + 1)) {
      for (const { term: spelling, data } of term.derived)
        this.addCandidates(candidates, spelling, data, this.textFields, term.postings <= this.fullList);
    }
    for (const entity of entities) {
      if (entity.data)
        this.addCandidates(candidates, `entity:${entity.id}`, entity.data, [this.entityField], entity.postings <= this.fullList);
      // A text term spelt like a queried entity id ("mi6") counts as naming it wherever it matches.
      const sameTerm = known.find((term) => term.term === entity.id);
      if (sameTerm)
        for (const { term: spelling, data } of sameTerm.derived)
          this.addCandidates(candidates, spelling, data, this.textFields, sameTerm.postings <= this.fullList);
    }
    const rarest = byPostings[0];
    if (known.length >= 2 && rarest && rarest.postings > this.fullList && (rarest.derived[0]?.byField[0]?.size ?? 0) <= SCAN_LIMIT)
      this.addScanned(candidates, rarest, byPostings.slice(1), needed);

    const hits: PassageHit[] = [];
    for (const shortId of candidates) {
      const hit = this.score(shortId, known, entities);
      if (hit) hits.push(hit);
    }
    return hits.sort((a, b) => b.score - a.score || a.order! - b.order!);
  }

  private addCandidates(candidates: Set<number>, key: string, data: FieldTermData, fields: Field[], all: boolean): void {
    if (!all) {
      const champions = this.champions.get(key);
      if (champions) {
        for (const shortId of champions) candidates.add(shortId);
        return;
      }
    }
    for (const field of fields) {
      const frequencies = data.get(field.id);
      if (frequencies) for (const shortId of frequencies.keys()) candidates.add(shortId);
    }
  }

  /** Passages of the rarest term that hold enough of the others: the AND of a long question, before its OR. */
  private addScanned(candidates: Set<number>, rarest: PlannedTerm, others: PlannedTerm[], needed: number): void {
    const byCount: number[][] = Array.from({ length: others.length + 2 }, () => []);
    const seen = new Set<number>();
    for (const { byField } of rarest.derived) {
      const frequencies = byField[0];
      if (!frequencies) continue;
      for (const shortId of frequencies.keys()) {
        if (seen.has(shortId)) continue;
        seen.add(shortId);
        let count = 1;
        for (const other of others) if (this.holds(other, shortId)) count++;
        if (count >= needed) byCount[count]!.push(shortId);
      }
    }
    // The passages holding the most terms first: they are the ones the quality factor ranks highest.
    let kept = 0;
    for (let count = byCount.length - 1; count >= needed && kept < SCAN_KEEP; count--) {
      for (const shortId of byCount[count]!) {
        if (kept++ >= SCAN_KEEP) break;
        candidates.add(shortId);
      }
    }
  }

  /** Whether the passage's text holds the term or one of its spellings (the text field: the scan only ranks candidates). */
  private holds(term: PlannedTerm, shortId: number): boolean {
    for (const { byField } of term.derived) if (byField[0]?.has(shortId)) return true;
    return false;
  }

  /**
   * One passage's score as MiniSearch computes it for the same query: per query term, the sum over
   * its spellings and fields of weight * boost * BM25; the terms' sums added in query order; the
   * entity ids' sum added to that; the total times the number of query terms matched.
   */
  private score(shortId: number, known: PlannedTerm[], entities: PlannedEntity[]): PassageHit | undefined {
    let textScore: number | undefined;
    const queryTerms: string[] = [];
    const terms: string[] = [];
    // MiniSearch meets passages term by term (then spelling by spelling, field by field, in id order)
    // and its sort keeps that order among equal scores: the first loop step that matched, then the id.
    let step = 0;
    let firstStep = -1;
    const lengths = this.view.fieldLengths(shortId);
    for (const planned of known) {
      let termScore: number | undefined;
      for (const spelling of planned.derived) {
        for (let f = 0; f < this.textFields.length; f++) {
          step++;
          const frequencies = spelling.byField[f];
          if (!frequencies) continue;
          const field = this.textFields[f]!;
          const score = this.view.weightedScore(frequencies, field.id, shortId, spelling.weight, field.boost, lengths);
          if (score === undefined) continue;
          if (firstStep < 0) firstStep = step;
          termScore = termScore === undefined ? score : termScore + score;
          if (!terms.includes(spelling.term)) terms.push(spelling.term);
        }
      }
      if (termScore === undefined) continue;
      textScore = textScore === undefined ? termScore : textScore + termScore;
      queryTerms.push(planned.term);
    }
    let entityScore: number | undefined;
    for (const entity of entities) {
      step++;
      const frequencies = entity.data?.get(this.entityField.id);
      if (!frequencies) continue;
      const score = this.view.weightedScore(frequencies, this.entityField.id, shortId, 1, this.entityField.boost, lengths);
      if (score === undefined) continue;
      if (firstStep < 0) firstStep = step;
      entityScore = entityScore === undefined ? score : entityScore + score;
      if (!queryTerms.includes(entity.id)) queryTerms.push(entity.id);
      if (!terms.includes(entity.id)) terms.push(entity.id);
    }
    const score = textScore === undefined ? entityScore : entityScore === undefined ? textScore : textScore + entityScore;
    if (score === undefined) return undefined;
    return {
      passage: this.view.idOf(shortId),
      score: score * (queryTerms.length || 1),
      queryTerms,
      terms,
      order: firstStep * this.view.shortIdLimit + shortId,
    };
  }

  private get fullList(): number {
    return this.tuning.fullList ?? FULL_LIST;
  }

  /** Champion lists for every term (and entity id) listed under more passages than the full-list size. */
  private buildChampions(): void {
    for (const [term, data] of this.view.terms()) {
      let textPostings = 0;
      for (const field of this.textFields) textPostings += data.get(field.id)?.size ?? 0;
      if (textPostings > this.fullList)
        this.champions.set(term, championsOf(this.view, data, this.textFields, this.groupOf, this.tuning.champions ?? CHAMPIONS));
      if ((data.get(this.entityField.id)?.size ?? 0) > this.fullList) {
        this.champions.set(
          `entity:${term}`,
          championsOf(this.view, data, [this.entityField], this.groupOf, this.tuning.champions ?? CHAMPIONS),
        );
      }
    }
  }
}

function entitySearch(entityIds: string[]): SearchOptions & { queries: string[] } {
  return {
    queries: [entityIds.join(' ')],
    fields: [ENTITY_FIELD],
    boost: { [ENTITY_FIELD]: ENTITY_BOOST },
    tokenize: (text) => text.split(' '),
    processTerm: (term) => term,
    combineWith: 'OR',
  };
}

function uniqueTerms(text: string): string[] {
  const terms: string[] = [];
  for (const word of tokenize(text)) {
    const term = termOf(word);
    if (term !== null && !terms.includes(term)) terms.push(term);
  }
  return terms;
}

function packChampions(champions: Map<string, Int32Array>, tuning: SearchTuning): NonNullable<PassageIndexJson['champions']> {
  const lists = [...champions.values()];
  const ids = new Int32Array(lists.reduce((sum, list) => sum + list.length, 0));
  let at = 0;
  for (const list of lists) {
    ids.set(list, at);
    at += list.length;
  }
  return {
    keys: [...champions.keys()],
    lengths: lists.map((list) => list.length),
    ids: Buffer.from(ids.buffer, ids.byteOffset, ids.byteLength).toString('base64'),
    tuning: JSON.stringify(tuning),
  };
}

function unpackChampions(packed: NonNullable<PassageIndexJson['champions']>): Map<string, Int32Array> {
  const bytes = Buffer.from(packed.ids, 'base64');
  // Copied to an aligned buffer: a Buffer from base64 may start anywhere in Node's pool.
  const ids = new Int32Array(new Uint8Array(bytes).buffer);
  const champions = new Map<string, Int32Array>();
  let at = 0;
  packed.keys.forEach((key, i) => {
    const length = packed.lengths[i]!;
    champions.set(key, ids.subarray(at, at + length));
    at += length;
  });
  return champions;
}

/** Each passage's outlet as a small number (in order of first appearance): the groups of champion lists. */
function outletsOf(documents: SearchDocument[]): { names: string[]; of: Int32Array } {
  const names: string[] = [];
  const numbers = new Map<string, number>();
  const of = new Int32Array(documents.length);
  for (const document of documents) {
    let number = numbers.get(document.outlet);
    if (number === undefined) {
      number = names.push(document.outlet) - 1;
      numbers.set(document.outlet, number);
    }
    of[document.id] = number;
  }
  return { names, of };
}

function vocabularyOf(documents: SearchDocument[]): Set<string> {
  const vocabulary = new Set<string>();
  // Headlines and outlets repeat for every passage of an article: each distinct one is read once.
  const seen = new Set<string>();
  for (const document of documents) {
    for (const text of [document.text, document.headline, document.outlet]) {
      if (text !== document.text) {
        if (seen.has(text)) continue;
        seen.add(text);
      }
      for (const word of tokenize(text)) {
        const term = termOf(word);
        if (term !== null) vocabulary.add(term);
      }
    }
  }
  return vocabulary;
}

function* mapIterable<T, U>(items: Iterable<T>, map: (item: T) => U): Iterable<U> {
  for (const item of items) yield map(item);
}

function toHit(result: SearchResult): PassageHit {
  return { passage: result.id as number, score: result.score, queryTerms: result.queryTerms, terms: result.terms };
}
