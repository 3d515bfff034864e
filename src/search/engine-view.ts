/**
 * A view of MiniSearch's index (its protected fields, the ones a subclass sees), so that the
 * search can look up a few passages' term frequencies instead of having MiniSearch score every passage
 * that holds a common word. Scores come out exactly as MiniSearch's own: same data, same BM25 formula,
 * same order of operations (checked against MiniSearch.search in test/search/passage-index.test.ts).
 * It only reads, except when the corpus changes (renumber, recomputeAverageFieldLengths).
 */
import type MiniSearch from 'minisearch';

/** Field id -> (short document id -> term frequency). */
export type FieldTermData = Map<number, Map<number, number>>;

interface IndexTree extends Iterable<[string, FieldTermData]> {
  get(term: string): FieldTermData | undefined;
  fuzzyGet(term: string, maxDistance: number): Map<string, [FieldTermData, number]>;
}

interface Internals {
  _index: IndexTree;
  _documentCount: number;
  _documentIds: Map<number, unknown>;
  _idToShortId: Map<unknown, number>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _nextId: number;
}

/** MiniSearch's defaults (minisearch 7): BM25 parameters and the weight of a fuzzy match. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
export const FUZZY_WEIGHT = 0.45;

export class EngineView {
  private readonly internals: Internals;
  /** True when every document's id is its short id (an index built or loaded in position order): no lookups. */
  private idsAreShortIds: boolean;

  constructor(engine: MiniSearch<never> | MiniSearch<object>) {
    const internals = engine as unknown as Internals;
    if (!(
      internals._index &&
      typeof internals._index.fuzzyGet === 'function' &&
      internals._fieldLength instanceof Map &&
      Array.isArray(internals._avgFieldLength)
    )) {
      throw new Error(
        'This MiniSearch version keeps its index in another layout than minisearch 7.2; the search cannot read it (pin minisearch ^7.2).',
      );
    }
    this.internals = internals;
    let identity = true;
    for (const [shortId, id] of internals._documentIds) if (shortId !== id) identity = false;
    this.idsAreShortIds = identity;
  }

  get documentCount(): number {
    return this.internals._documentCount;
  }

  /** One more than the highest short id given so far (the document count, until documents are removed). */
  get shortIdLimit(): number {
    return this.internals._nextId;
  }

  /** Gives every document a new id (`idFor(old id)`); short ids, and so the index's order, stay. */
  renumber(idFor: (id: unknown) => number): void {
    const { _documentIds: documentIds, _idToShortId: idToShortId } = this.internals;
    idToShortId.clear();
    for (const [shortId, id] of documentIds) {
      const renumbered = idFor(id);
      documentIds.set(shortId, renumbered);
      idToShortId.set(renumbered, shortId);
    }
    this.idsAreShortIds = [...documentIds].every(([shortId, id]) => shortId === id);
  }

  /**
   * Each field's average length as MiniSearch computes it while adding the documents in order, so
   * that after removals the scores are those of an index built afresh (its running average after a
   * removal rounds differently).
   */
  recomputeAverageFieldLengths(): void {
    const averages = this.internals._avgFieldLength;
    const fields = averages.length;
    for (let field = 0; field < fields; field++) averages[field] = 0;
    let count = 0;
    for (const lengths of this.internals._fieldLength.values()) {
      for (let field = 0; field < fields; field++) {
        const length = lengths[field];
        if (length !== undefined) averages[field] = (averages[field]! * count + length) / (count + 1);
      }
      count++;
    }
  }

  fieldId(field: string): number {
    const id = this.internals._fieldIds[field];
    if (id === undefined) throw new Error(`the index has no field "${field}"`);
    return id;
  }

  termData(term: string): FieldTermData | undefined {
    return this.internals._index.get(term);
  }

  /** Index terms within `maxDistance` edits, in MiniSearch's own order (the exact term included, at distance 0). */
  fuzzyTerms(term: string, maxDistance: number): Map<string, [FieldTermData, number]> {
    return this.internals._index.fuzzyGet(term, maxDistance);
  }

  terms(): Iterable<[string, FieldTermData]> {
    return this.internals._index;
  }

  /** The short id MiniSearch gave the document with this id. */
  shortIdOf(id: number): number | undefined {
    if (this.idsAreShortIds) return id >= 0 && id < this.internals._documentCount ? id : undefined;
    return this.internals._idToShortId.get(id);
  }

  idOf(shortId: number): number {
    return this.idsAreShortIds ? shortId : (this.internals._documentIds.get(shortId) as number);
  }

  /** A document's field lengths, by field id (read once per document when scoring several terms). */
  fieldLengths(shortId: number): number[] {
    return this.internals._fieldLength.get(shortId)!;
  }

  /**
   * MiniSearch's termResults for one document and field: `termWeight * termBoost * fieldBoost *
   * docBoost * BM25` with termBoost and docBoost 1; undefined when the field lacks the term there.
   */
  weightedScore(
    frequencies: Map<number, number>,
    fieldId: number,
    shortId: number,
    termWeight: number,
    fieldBoost: number,
    fieldLengths?: number[],
  ): number | undefined {
    const termFreq = frequencies.get(shortId);
    if (termFreq === undefined) return undefined;
    const fieldLength = (fieldLengths ?? this.internals._fieldLength.get(shortId)!)[fieldId]!;
    const rawScore = bm25(termFreq, frequencies.size, this.internals._documentCount, fieldLength, this.internals._avgFieldLength[fieldId]!);
    return termWeight * 1 * fieldBoost * 1 * rawScore;
  }
}

/** MiniSearch 7's calcBM25Score, operation for operation. */
function bm25(termFreq: number, matchingCount: number, totalCount: number, fieldLength: number, avgFieldLength: number): number {
  const { k, b, d } = BM25;
  const invDocFreq = Math.log(1 + (totalCount - matchingCount + 0.5) / (matchingCount + 0.5));
  return invDocFreq * (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * fieldLength) / avgFieldLength)));
}
