/**
 * Loading the corpus again after a change reads only the pages that changed, and gives exactly the
 * corpus a fresh load gives: the same hash, articles (ids included) and passages.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PageReadings, loadCorpus } from '../../src/corpus/index.ts';
import { SEED_CORPUS_DIR } from '../support/seed-corpus.ts';

interface Manifest {
  pages: { file: string; headline?: string | null }[];
}

describe('loading the corpus again after a change', () => {
  let dir: string;
  let original: Manifest;
  const manifestFile = () => path.join(dir, 'sources.json');
  const writeManifest = (manifest: Manifest) => writeFileSync(manifestFile(), JSON.stringify(manifest, null, 2));

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'story-desk-readings-'));
    cpSync(SEED_CORPUS_DIR, dir, { recursive: true });
    original = JSON.parse(readFileSync(manifestFile(), 'utf8')) as Manifest;
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads only a page that was added back, edited or given a new manifest entry, and equals a fresh load', async () => {
    const readings = new PageReadings();
    const pages = original.pages.length;
    const last = path.join(dir, original.pages.at(-1)!.file);
    const lastText = readFileSync(last, 'utf8');
    rmSync(last);
    writeManifest({ ...original, pages: original.pages.slice(0, -1) });
    await loadCorpus(dir, readings);
    expect(readings.pagesRead).toBe(pages - 1);

    writeFileSync(last, lastText);
    writeManifest(original);
    const added = await loadCorpus(dir, readings);
    expect(readings.pagesRead).toBe(1);
    expect(added).toEqual(await loadCorpus(dir));

    const page = path.join(dir, original.pages[1]!.file);
    writeFileSync(page, `${readFileSync(page, 'utf8').trimEnd()}\nThe outlet added this sentence to its page later on.\n`);
    const edited = await loadCorpus(dir, readings);
    expect(readings.pagesRead).toBe(1);
    expect(edited).toEqual(await loadCorpus(dir));
    expect(edited.hash).not.toBe(added.hash);

    writeManifest({ ...original, pages: original.pages.map((entry, i) => (i === 0 ? { ...entry, headline: 'A corrected headline' } : entry)) });
    const retitled = await loadCorpus(dir, readings);
    expect(readings.pagesRead).toBe(1);
    expect(retitled).toEqual(await loadCorpus(dir));
    expect(retitled.articles[0]!.headline).toBe('A corrected headline');
  });

  it('gives the same ids and passages when a page moves up the manifest, reading none', async () => {
    const readings = new PageReadings();
    await loadCorpus(dir, readings);
    writeManifest({ ...original, pages: [original.pages.at(-1)!, ...original.pages.slice(0, -1)] });
    const moved = await loadCorpus(dir, readings);
    expect(readings.pagesRead).toBe(0);
    expect(moved).toEqual(await loadCorpus(dir));
  });
});
