/**
 * Adding or removing an article updates the analysis to exactly what analysing the new corpus from
 * scratch gives: the same mentions, figures, quotations (speakers, term decisions) and alike groups.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/generate.ts';
import { analyze } from '../../src/analysis/index.ts';
import { type Gazetteer, loadGazetteer } from '../../src/analysis/gazetteer.ts';
import { analyzeWithState, updateAnalysis } from '../../src/analysis/update.ts';
import { buildCorpus } from '../../src/corpus/build.ts';
import type { Corpus } from '../../src/corpus/types.ts';
import { SEED_CORPUS_DIR, SEED_GAZETTEER_FILE } from '../support/seed-corpus.ts';

interface Folder {
  manifest: { pages: { file: string }[] };
  pages: Map<string, string>;
}

function readFolder(dir: string): Folder {
  const manifest = JSON.parse(readFileSync(path.join(dir, 'sources.json'), 'utf8')) as Folder['manifest'];
  const pages = new Map<string, string>();
  for (const name of readdirSync(dir)) if (name.endsWith('.txt')) pages.set(name, readFileSync(path.join(dir, name), 'utf8'));
  return { manifest, pages };
}

/** The folder's corpus without the pages at these manifest positions. */
function corpusWithout(folder: Folder, positions: number[]): Corpus {
  const pages = folder.manifest.pages.filter((_, i) => !positions.includes(i));
  const texts = new Map(pages.map((page) => [page.file, folder.pages.get(page.file)!]));
  return buildCorpus({ ...folder.manifest, pages }, texts);
}

function expectSameAsRebuild(folder: Folder, gazetteer: Gazetteer, from: number[], to: number[]) {
  const before = corpusWithout(folder, from);
  const after = corpusWithout(folder, to);
  const { state, change } = updateAnalysis(analyzeWithState(before, gazetteer), after, gazetteer);
  expect(state.analysis).toEqual(analyze(after, gazetteer));
  expect(state.corpus).toBe(after);
  return change;
}

describe('updating the analysis for an added or removed article', () => {
  const seed = readFolder(SEED_CORPUS_DIR);
  const gazetteer = loadGazetteer(SEED_GAZETTEER_FILE);
  const last = seed.manifest.pages.length - 1;

  it('gives what a full analysis gives when the last page is added', () => {
    const change = expectSameAsRebuild(seed, gazetteer, [last], []);
    expect(change.added.length).toBeGreaterThan(0);
    expect(change.removed).toEqual([]);
  });

  it('gives what a full analysis gives when a page is removed', () => {
    const change = expectSameAsRebuild(seed, gazetteer, [], [1]);
    expect(change.removed.length).toBeGreaterThan(0);
    expect(change.added).toEqual([]);
  });

  it('gives what a full analysis gives when one page goes and another comes', () => {
    expectSameAsRebuild(seed, gazetteer, [0], [2]);
  });

  describe('on a synthetic corpus of a few hundred passages (terms shared across many articles)', () => {
    let dir: string;
    let folder: Folder;
    let synthetic: Gazetteer;
    beforeAll(async () => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'story-desk-update-'));
      const generated = await generateCorpus({ passages: 400, outDir: dir, seedCorpusDir: SEED_CORPUS_DIR });
      folder = readFolder(generated.dir);
      synthetic = loadGazetteer(path.join(generated.dir, 'gazetteer.json'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('adds an article and removes another exactly as a rebuild would', () => {
      const pages = folder.manifest.pages.length;
      expect(expectSameAsRebuild(folder, synthetic, [pages - 1], []).added.length).toBe(1);
      expect(expectSameAsRebuild(folder, synthetic, [], [Math.floor(pages / 2)]).removed.length).toBe(1);
    });
  });
});
