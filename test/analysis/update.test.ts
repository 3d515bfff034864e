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
import type { AlikeGroup } from '../../src/analysis/types.ts';
import { type Gazetteer, loadGazetteer } from '../../src/analysis/gazetteer.ts';
import { type AnalysisState, analyzeWithState, updateAnalysis } from '../../src/analysis/update.ts';
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

  it('settles a phrase as a term, and as a quotation again, as the articles printing it come and go', () => {
    // The seed prints "no formal talks" in two narratives, and one outlet quotes it: a quotation
    // while fewer than half the articles print it. Four more articles that print it make it a term.
    const printing = (n: number) => `page-${n}.txt`;
    const pages = new Map(seed.pages);
    const entries = [...seed.manifest.pages];
    for (let n = 0; n < 4; n++) {
      pages.set(
        printing(n),
        `Officials in Belgrade said on Tuesday there were no formal talks about the plan. Reporter ${n} was told the ministry would not comment further on the matter.\n`,
      );
      entries.push({
        ...seed.manifest.pages[0]!,
        file: printing(n),
        kind: 'article',
        url: `https://am1.news/story-${n}`,
        outlet: `Outlet ${n}`,
      } as Folder['manifest']['pages'][number]);
    }
    const all: Folder = { manifest: { ...seed.manifest, pages: entries }, pages };
    const seedPages = seed.manifest.pages.length;
    const quoted = (state: AnalysisState) => state.analysis.quotations.some((quotation) => quotation.text === 'no formal talks');
    let state = analyzeWithState(corpusWithout(all, [seedPages + 3]), gazetteer);
    expect(quoted(state)).toBe(true);
    for (const [without, isQuoted] of [
      [[], false],
      [[seedPages], true],
      [[], false],
      [[seedPages, seedPages + 1], true],
    ] as const) {
      const next = corpusWithout(all, [...without]);
      state = updateAnalysis(state, next, gazetteer).state;
      expect(state.analysis).toEqual(analyze(next, gazetteer));
      expect(quoted(state)).toBe(isQuoted);
    }
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

    it('follows several adds and removes in a row exactly as rebuilds would, as alike groups gain and lose members', () => {
      const pages = folder.manifest.pages.length;
      const steps = [[pages - 1], [pages - 1, 3], [pages - 1, 3, 4, 5, 6, 7], [3], [], [0, 1, 2, 8, 9, 10, 11, 12, 13]];
      let state = analyzeWithState(corpusWithout(folder, steps[0]!), synthetic);
      let ids = new Set(state.corpus.passages.map((passage) => passage.id));
      const linkedPassages = (groups: AlikeGroup[]) =>
        new Set(groups.filter((group) => group.kind === 'passage' && group.members.length > 1).flatMap((group) => group.members));
      let linked = linkedPassages(state.analysis.groups);
      let groupChanges = 0;
      for (const without of steps.slice(1)) {
        const next = corpusWithout(folder, without);
        state = updateAnalysis(state, next, synthetic).state;
        expect(state.analysis).toEqual(analyze(next, synthetic));
        const nextLinked = linkedPassages(state.analysis.groups);
        // A passage kept across the step that joined or left a group of alike passages.
        const kept = next.passages.filter((passage) => ids.has(passage.id));
        if (kept.some((passage) => linked.has(passage.id) !== nextLinked.has(passage.id))) groupChanges++;
        ids = new Set(next.passages.map((passage) => passage.id));
        linked = nextLinked;
      }
      expect(groupChanges).toBeGreaterThan(0);
    });

    it('adds an article and removes another exactly as a rebuild would', () => {
      const pages = folder.manifest.pages.length;
      expect(expectSameAsRebuild(folder, synthetic, [pages - 1], []).added.length).toBe(1);
      expect(expectSameAsRebuild(folder, synthetic, [], [Math.floor(pages / 2)]).removed.length).toBe(1);
    });
  });
});
