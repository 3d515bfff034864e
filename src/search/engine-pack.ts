/**
 * MiniSearch's index, packed for a snapshot that loads fast. MiniSearch.loadJS rebuilds every posting
 * list from an object keyed by document-id strings (parsing each key): 1-3 s at 100,000 passages
 * (4 million postings), a large share of a cold start. Packed, the posting lists are one Int32Array
 * (base64 inside the JSON) read straight into the Maps MiniSearch keeps: JSON.parse and unpacking
 * take about half as long as JSON.parse and loadJS, for a snapshot of about the same size. The
 * result is the engine MiniSearch.loadJS would give (same maps, same term order in the tree).
 *
 * Everything but the posting lists goes through MiniSearch.loadJS as usual; the posting lists are put
 * into its index tree (`_index`, the same internal the search's EngineView reads; minisearch ^7.2).
 */
import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';
import { PackedPostings } from './packed-postings.ts';

const FORMAT = 'minisearch-packed-1';

/** Field id -> (short document id -> term frequency), as MiniSearch holds a term's postings. */
type TermData = Map<number, Map<number, number>>;

interface IndexTree extends Iterable<[string, TermData]> {
  get(term: string): TermData | undefined;
  set(term: string, data: TermData): unknown;
}

export interface PackedEngine extends Omit<AsPlainObject, 'index'> {
  format: typeof FORMAT;
  /** Index terms, in the order of their postings. */
  terms: string[];
  /** Per term: field count, then per field: field id, n, n short ids, n frequencies (Int32, little-endian, base64). */
  postings: string;
}

function treeOf(engine: MiniSearch<never> | MiniSearch<object>): IndexTree {
  const tree = (engine as unknown as { _index?: IndexTree })._index;
  if (!tree || typeof tree.set !== 'function' || typeof tree[Symbol.iterator] !== 'function') {
    throw new Error('This MiniSearch version keeps its index in another layout than minisearch 7.2; cannot pack it (pin minisearch ^7.2).');
  }
  return tree;
}

export function packEngine(engine: MiniSearch<never> | MiniSearch<object>): PackedEngine {
  const tree = treeOf(engine);
  const rest = everythingButTheIndex(engine);
  const terms: string[] = [];
  let length = 0;
  for (const [term, data] of tree) {
    terms.push(term);
    length += 1;
    for (const postings of data.values()) length += 2 + 2 * postings.size;
  }
  const packed = new Int32Array(length);
  let at = 0;
  for (const [, data] of tree) {
    packed[at++] = data.size;
    for (const [fieldId, postings] of data) {
      packed[at++] = fieldId;
      packed[at++] = postings.size;
      let ids = at;
      let frequencies = at + postings.size;
      for (const [shortId, frequency] of postings) {
        packed[ids++] = shortId;
        packed[frequencies++] = frequency;
      }
      at = frequencies;
    }
  }
  return { ...rest, format: FORMAT, terms, postings: Buffer.from(packed.buffer, packed.byteOffset, packed.byteLength).toString('base64') };
}

/** What MiniSearch's toJSON gives besides the index, read without serialising the index (that is the slow part). */
function everythingButTheIndex(engine: MiniSearch<never> | MiniSearch<object>): Omit<AsPlainObject, 'index'> {
  const internals = engine as unknown as {
    _documentCount: number;
    _nextId: number;
    _documentIds: Map<number, unknown>;
    _fieldIds: Record<string, number>;
    _fieldLength: Map<number, number[]>;
    _avgFieldLength: number[];
    _storedFields: Map<number, Record<string, unknown>>;
    _dirtCount: number;
  };
  if (!(internals._documentIds instanceof Map && internals._fieldLength instanceof Map && internals._storedFields instanceof Map)) {
    throw new Error(
      'This MiniSearch version keeps its documents in another layout than minisearch 7.2; cannot pack it (pin minisearch ^7.2).',
    );
  }
  return {
    documentCount: internals._documentCount,
    nextId: internals._nextId,
    documentIds: Object.fromEntries<AsPlainObject['documentIds'][string]>(internals._documentIds),
    fieldIds: internals._fieldIds,
    fieldLength: Object.fromEntries(internals._fieldLength),
    averageFieldLength: internals._avgFieldLength,
    storedFields: Object.fromEntries(internals._storedFields),
    dirtCount: internals._dirtCount,
    serializationVersion: 2,
  };
}

export function isPackedEngine(value: unknown): value is PackedEngine {
  return typeof value === 'object' && value !== null && (value as { format?: unknown }).format === FORMAT;
}

/** The engine packEngine packed; `options` must be the ones it was built with (as for MiniSearch.loadJS). */
export function unpackEngine<T>(packed: PackedEngine, options: Options<T>): MiniSearch<T> {
  const { format: _format, terms, postings, ...rest } = packed;
  const engine = MiniSearch.loadJS<T>({ ...rest, index: [] }, options);
  const tree = treeOf(engine);
  const bytes = Buffer.from(postings, 'base64');
  if (bytes.byteLength % 4 !== 0) throw new Error('packed postings are not whole 32-bit numbers');
  // Copied to an aligned buffer: a Buffer from base64 may start anywhere in Node's pool.
  const numbers = new Int32Array(bytes.byteLength / 4);
  new Uint8Array(numbers.buffer).set(bytes);
  let at = 0;
  for (const term of terms) {
    const fields = numbers[at++]!;
    const data: TermData = new Map();
    for (let f = 0; f < fields; f++) {
      const fieldId = numbers[at++]!;
      const count = numbers[at++]!;
      data.set(fieldId, PackedPostings.of(numbers, at, count));
      at += 2 * count;
    }
    tree.set(term, data);
  }
  if (at !== numbers.length) throw new Error('packed postings do not match their terms');
  return engine;
}

/**
 * Moves every posting list of a built engine into one shared Int32Array (see PackedPostings): the
 * same answers from a fraction of the heap. Lists MiniSearch changes later become Maps again.
 */
export function compactPostings(engine: MiniSearch<never> | MiniSearch<object>): void {
  const tree = treeOf(engine);
  let length = 0;
  for (const [, data] of tree) for (const postings of data.values()) if (!(postings instanceof PackedPostings)) length += 2 * postings.size;
  const numbers = new Int32Array(length);
  let at = 0;
  for (const [, data] of tree) {
    for (const [fieldId, postings] of data) {
      if (postings instanceof PackedPostings) continue;
      const start = at;
      for (const id of postings.keys()) numbers[at++] = id;
      for (const frequency of postings.values()) numbers[at++] = frequency;
      data.set(fieldId, PackedPostings.of(numbers, start, postings.size));
    }
  }
}
