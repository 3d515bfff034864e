/**
 * A short run of `npm run bench` (bench/run.ts) on a small synthetic corpus: the harness runs end to
 * end, through the Discord emulator too, and reports every row. No timing is asserted.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/index.ts';
import { loadGazetteer } from '../../src/analysis/gazetteer.ts';
import { loadCorpus } from '../../src/corpus/index.ts';
import { analyzeForBench } from '../../bench/analysis.ts';
import { generateCorpus } from '../../bench/generate.ts';
import { runBenchmark } from '../../bench/run.ts';
import { SEED_CORPUS_DIR } from '../support/seed-corpus.ts';

const workDir = mkdtempSync(path.join(os.tmpdir(), 'story-desk-bench-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('benchmark smoke run', () => {
  it('generates the same corpus twice and the real pipeline reads it', async () => {
    const first = await generateCorpus({ passages: 300, outDir: workDir, seedCorpusDir: SEED_CORPUS_DIR });
    const again = await generateCorpus({ passages: 300, outDir: workDir, seedCorpusDir: SEED_CORPUS_DIR });
    expect(again.cached).toBe(true);
    expect(again.dir).toBe(first.dir);
    // Deterministic: a fresh generation elsewhere writes the same pages.
    const elsewhere = await generateCorpus({ passages: 300, outDir: path.join(workDir, 'again'), seedCorpusDir: SEED_CORPUS_DIR });
    expect(elsewhere.cached).toBe(false);
    const pagesOf = (dir: string) =>
      readdirSync(dir)
        .filter((file) => file.endsWith('.txt') || file === 'sources.json')
        .sort()
        .map((file) => readFileSync(path.join(dir, file), 'utf8'));
    expect(pagesOf(elsewhere.dir)).toEqual(pagesOf(first.dir));
    const corpus = await loadCorpus(first.dir);
    expect(corpus.passages.length).toBeGreaterThan(250);
    expect(new Set(corpus.articles.map((article) => article.outlet)).size).toBeGreaterThan(20);
    // The long tail: made-up words in the text.
    expect(corpus.passages.some((passage) => first.rareWords.some((word) => passage.text.includes(word)))).toBe(true);
  });

  it('groups passages and quotations exactly as analyze() does', async () => {
    const { dir } = await generateCorpus({ passages: 300, outDir: workDir, seedCorpusDir: SEED_CORPUS_DIR });
    const corpus = await loadCorpus(dir);
    const gazetteer = loadGazetteer(path.join(dir, 'gazetteer.json'));
    const expected = analyze(await loadCorpus(dir), gazetteer);
    const actual = (await analyzeForBench(corpus, gazetteer, path.join(dir, 'gazetteer.json'))).analysis;
    expect(actual.groups.some((group) => group.members.length > 1)).toBe(true);
    expect(isDeepStrictEqual(JSON.parse(JSON.stringify(actual)), JSON.parse(JSON.stringify(expected)))).toBe(true);
  });

  it('reports every row for the story and a synthetic corpus, and writes the results', async () => {
    const logged: string[] = [];
    const results = await runBenchmark({
      sizes: [300],
      perKind: 3,
      completions: 14,
      runs: 1,
      engines: true,
      e2eSizes: [300],
      interactions: 8,
      outDir: workDir,
      writeTo: workDir,
      log: (line) => logged.push(line),
      seedCorpusDir: SEED_CORPUS_DIR,
    });
    expect(results.sizes.map((size) => size.label)).toEqual(['story', '300']);
    for (const size of results.sizes) {
      for (const row of [
        'ask',
        'country',
        'quote',
        'outlet',
        'compare',
        'sources',
        'autocomplete',
        'autocomplete place',
        'autocomplete speaker',
        'autocomplete outlet',
      ]) {
        expect(size.latency[row]?.count, `${size.label} ${row}`).toBeGreaterThan(0);
      }
      expect(Object.keys(size.deskLatency)).toEqual(
        expect.arrayContaining(['ask', 'country', 'quote', 'outlet', 'compare', 'sources', 'autocomplete']),
      );
      expect(size.engines.map((engine) => engine.name)).toEqual([
        'story-desk (findPassages)',
        'MiniSearch (bare)',
        'FlexSearch 0.8 (Document)',
        'Linear scan',
      ]);
      expect(size.snapshot.bytes).toBeGreaterThan(0);
      expect(size.heapMb).toBeGreaterThan(0);
    }
    expect(results.endToEnd).toHaveLength(1);
    expect(results.endToEnd[0]!.latency.count).toBe(8);
    expect(results.machine.cpus).toBeGreaterThan(0);
    const markdown = readFileSync(path.join(workDir, 'RESULTS.md'), 'utf8');
    expect(markdown).toContain('FlexSearch 0.8 (Document)');
    expect(markdown).toContain('End to end through the Discord emulator');
    expect(existsSync(path.join(workDir, 'results.json'))).toBe(true);
  }, 60_000);
});
