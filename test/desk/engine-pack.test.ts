import MiniSearch from 'minisearch';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/index.ts';
import { loadGazetteer } from '../../src/analysis/gazetteer.ts';
import { loadCorpus } from '../../src/corpus/index.ts';
import type { Analysis } from '../../src/analysis/types.ts';
import type { Corpus } from '../../src/corpus/types.ts';
import { isPackedAnalysis, packAnalysis, unpackAnalysis } from '../../src/search/analysis-pack.ts';
import { isPackedEngine, packEngine, unpackEngine } from '../../src/search/engine-pack.ts';
import { indexOptions, PassageIndex, type SearchDocument } from '../../src/search/passage-index.ts';
import { searchDocuments } from '../../src/search/story-index.ts';
import { SEED_CORPUS_DIR, SEED_GAZETTEER_FILE } from '../support/seed-corpus.ts';

let documents: SearchDocument[];
let corpus: Corpus;
let analysis: Analysis;
beforeAll(async () => {
  corpus = await loadCorpus(SEED_CORPUS_DIR);
  analysis = analyze(corpus, loadGazetteer(SEED_GAZETTEER_FILE));
  documents = searchDocuments(corpus, analysis);
});

describe('the packed index', () => {
  it('unpacks to exactly the engine MiniSearch.loadJS gives from its own JSON', () => {
    const engine = new MiniSearch<SearchDocument>(indexOptions());
    engine.addAll(documents);
    const packed = JSON.parse(JSON.stringify(packEngine(engine))) as unknown;
    expect(isPackedEngine(packed)).toBe(true);
    const unpacked = unpackEngine<SearchDocument>(packed as never, indexOptions());
    const loaded = MiniSearch.loadJS<SearchDocument>(JSON.parse(JSON.stringify(engine)) as never, indexOptions());
    expect(unpacked.toJSON()).toEqual(loaded.toJSON());
    for (const query of ['Serbia', 'return hubs', 'Osmani talks', 'infiltrat', 'Kremlin agents']) {
      expect(unpacked.search(query, { prefix: true, fuzzy: 0.2 })).toEqual(engine.search(query, { prefix: true, fuzzy: 0.2 }));
    }
  });

  it('is what PassageIndex saves, and a PassageIndex loaded from it searches as the one built', () => {
    const built = PassageIndex.build(documents);
    const json = JSON.stringify(built.toJSON());
    expect(isPackedEngine((JSON.parse(json) as { engine: unknown }).engine)).toBe(true);
    const loaded = PassageIndex.fromJSON(json);
    for (const text of ['Serbia Kosovo', 'who ruled out hosting a hub', 'Russian sphere of influence', 'Vucic Moscow', 'Albania Rama']) {
      expect(loaded.search({ text })).toEqual(built.search({ text }));
    }
  });

  it('refuses postings that do not match their terms', () => {
    const engine = new MiniSearch<SearchDocument>(indexOptions());
    engine.addAll(documents);
    const packed = packEngine(engine);
    expect(() => unpackEngine({ ...packed, terms: packed.terms.slice(1) }, indexOptions())).toThrow(/do not match/);
  });
});

describe('the packed analysis', () => {
  const roundTrip = (value: Analysis) => {
    const packed = JSON.parse(JSON.stringify(packAnalysis(value, corpus))) as unknown;
    expect(isPackedAnalysis(packed)).toBe(true);
    return unpackAnalysis(packed as never, corpus);
  };

  it('unpacks to the very analysis packed: every mention, group, quotation and figure, keys in the same order', () => {
    expect(analysis.mentions.length).toBeGreaterThan(0);
    expect(analysis.groups.some((group) => group.kind === 'sentence')).toBe(true);
    expect(JSON.stringify(roundTrip(analysis))).toBe(JSON.stringify(analysis));
  });

  it('keeps a surface printed otherwise than the passage text at its offsets', () => {
    const changed = {
      ...analysis,
      mentions: analysis.mentions.map((mention, i) => (i === 0 ? { ...mention, surface: 'Ms Osmani' } : mention)),
    };
    expect(roundTrip(changed).mentions[0]!.surface).toBe('Ms Osmani');
  });

  it('leaves an analysis it cannot pack exactly to be saved as it is', () => {
    const foreign = { ...analysis, groups: [{ id: 'passage:nowhere', kind: 'passage' as const, members: ['nowhere'] }] };
    expect(packAnalysis(foreign, corpus)).toBeUndefined();
  });
});
