import MiniSearch, { type Options, type SearchOptions, type SearchResult } from 'minisearch';
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
  /** Query terms that this passage matched (entity ids included). */
  queryTerms: string[];
  /** Index terms that matched, for highlighting. */
  terms: string[];
}

export interface SearchQuery {
  text: string;
  /** Entity ids named in the query (aliases resolved by the caller): matched in the entities field. */
  entityIds?: string[];
  /** Keep only passages that pass this test. */
  filter?: (passage: number) => boolean;
}

export interface SearchOutcome {
  hits: PassageHit[];
  /** The content terms of the query. */
  queryTerms: string[];
  /** Content terms that match nothing in the coverage, even with fuzzy matching. */
  unknownTerms: string[];
}

const ENTITY_FIELD = 'entities';

/** Index-time options; the same object must be given when a snapshot is loaded. */
export function indexOptions(): Options<SearchDocument> {
  return {
    fields: ['text', 'headline', 'outlet', ENTITY_FIELD],
    storeFields: [],
    tokenize: (text, fieldName) => (fieldName === ENTITY_FIELD ? text.split(' ').filter(Boolean) : tokenize(text)),
    processTerm: (term, fieldName) => (fieldName === ENTITY_FIELD ? term : termOf(term)),
  };
}

/**
 * The full-text index over passages. Wraps MiniSearch with the project's term processing, fuzzy
 * matching limited to words the coverage does not contain (so a misspelt name finds its passages
 * and a correct word never drags in near neighbours), and entity matching through a field of ids.
 */
export class PassageIndex {
  constructor(
    private readonly engine: MiniSearch<SearchDocument>,
    /** Every text term the index holds: decides whether a query term needs fuzzy matching. */
    private readonly vocabulary: ReadonlySet<string>,
  ) {}

  static build(documents: SearchDocument[]): PassageIndex {
    const engine = new MiniSearch<SearchDocument>(indexOptions());
    engine.addAll(documents);
    return new PassageIndex(engine, vocabularyOf(documents));
  }

  search(query: SearchQuery): SearchOutcome {
    const queryTerms = uniqueTerms(query.text);
    const entityIds = [...new Set(query.entityIds ?? [])];
    if (queryTerms.length === 0 && entityIds.length === 0) {
      return { hits: [], queryTerms, unknownTerms: [] };
    }
    const results = this.engine.search(
      {
        combineWith: 'OR',
        queries: [
          ...(queryTerms.length > 0 ? [{ ...this.textSearch(), queries: [queryTerms.join(' ')] }] : []),
          ...(entityIds.length > 0 ? [entitySearch(entityIds)] : []),
        ],
      },
      query.filter ? { filter: (result) => query.filter!(result.id as number) } : {},
    );
    const matched = new Set(results.flatMap((result) => result.queryTerms));
    const unknownTerms = queryTerms.filter((term) => !matched.has(term));
    return { hits: results.map(toHit), queryTerms, unknownTerms };
  }

  toJSON(): { engine: MiniSearch<SearchDocument>; vocabulary: string[] } {
    return { engine: this.engine, vocabulary: [...this.vocabulary] };
  }

  static fromJSON(json: string): PassageIndex {
    const parsed = JSON.parse(json) as { engine: unknown; vocabulary: string[] };
    const engine = MiniSearch.loadJS<SearchDocument>(parsed.engine as never, indexOptions());
    return new PassageIndex(engine, new Set(parsed.vocabulary));
  }

  private textSearch(): SearchOptions {
    return {
      fields: ['text', 'headline', 'outlet'],
      boost: { text: 1, headline: 0.4, outlet: 0.6 },
      // Query text is already reduced to terms; do not process it twice.
      tokenize: (text) => text.split(' '),
      processTerm: (term) => term,
      fuzzy: (term) => (term.length >= 5 && !this.vocabulary.has(term) ? 0.2 : false),
      maxFuzzy: 2,
      combineWith: 'OR',
    };
  }
}

function entitySearch(entityIds: string[]): SearchOptions & { queries: string[] } {
  return {
    queries: [entityIds.join(' ')],
    fields: [ENTITY_FIELD],
    boost: { [ENTITY_FIELD]: 3 },
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

function vocabularyOf(documents: SearchDocument[]): Set<string> {
  const vocabulary = new Set<string>();
  for (const document of documents) {
    for (const text of [document.text, document.headline, document.outlet]) {
      for (const word of tokenize(text)) {
        const term = termOf(word);
        if (term !== null) vocabulary.add(term);
      }
    }
  }
  return vocabulary;
}

function toHit(result: SearchResult): PassageHit {
  return { passage: result.id as number, score: result.score, queryTerms: result.queryTerms, terms: result.terms };
}
