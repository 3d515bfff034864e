/**
 * A corpus change applied to a running desk (no rebuild) answers exactly as a desk opened afresh on
 * the changed corpus does, for an added page and for a removed one.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { answerLine } from '../../src/console/answer-line.ts';
import type { Desk } from '../../src/desk/desk.ts';
import { startDesk } from '../../src/desk/start-desk.ts';
import type { WorkerDesk } from '../../src/desk/worker-desk.ts';
import { snapshotFile } from '../../src/search/snapshot.ts';
import { logLines } from './support/log-lines.ts';
import { BROKEN_PAGE, NEW_ARTICLE, type TempCorpus, tempCorpus } from './support/temp-corpus.ts';

const LINES = [
  '/outlet Harbour Gazette',
  '/country Montenegro',
  '/country Serbia',
  '/quote Osmani',
  '/quote Starmer',
  '/ask who ruled out hosting a hub?',
  '/ask was Montenegro asked to host a return hub',
  '/compare small boat crossings',
  '/outlet Sky News',
  '/outlet The Times',
  '/sources',
];

let desk: WorkerDesk | undefined;
let temp: TempCorpus | undefined;
afterEach(async () => {
  await desk?.close();
  desk = undefined;
  temp?.remove();
  temp = undefined;
});

async function answersOf(desk: Desk): Promise<unknown[]> {
  const answers: unknown[] = [];
  for (const line of LINES) answers.push(await answerLine(desk, line));
  for (const text of ['Ser', 'Osm', 'Sky']) answers.push(await desk.complete('place', text), await desk.complete('speaker', text));
  return answers;
}

/** What a desk opened afresh on the folder answers (built in this thread, no snapshot). */
async function rebuiltAnswers(corpusDir: string): Promise<unknown[]> {
  return answersOf(await startDesk({ corpusDir, cacheDir: false }));
}

function removePage(corpusDir: string, file: string): void {
  const manifestFile = path.join(corpusDir, 'sources.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { pages: { file: string }[] };
  manifest.pages = manifest.pages.filter((page) => page.file !== file);
  writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
  rmSync(path.join(corpusDir, file));
}

describe('applying a corpus change to a running desk', () => {
  it('adds a page and then removes one, answering each time as a rebuilt desk does', async () => {
    temp = tempCorpus();
    const { lines, logger } = logLines();
    desk = await startDesk({ corpusDir: temp.corpusDir, cacheDir: temp.cacheDir, thread: 'worker', logger });
    const threadId = desk.threadId;
    expect(await desk.applyCorpusChange()).toEqual({ status: 'unchanged' });

    temp.addPage(NEW_ARTICLE.file, NEW_ARTICLE.text, NEW_ARTICLE.entry);
    expect(await desk.applyCorpusChange()).toMatchObject({ status: 'reloaded', info: { source: 'update' } });
    // The same worker, updated in place: no second worker was started.
    expect(desk.threadId).toBe(threadId);
    expect(JSON.stringify(await answerLine(desk, '/outlet Harbour Gazette'))).toContain('never asked to host');
    expect(await answersOf(desk)).toEqual(await rebuiltAnswers(temp.corpusDir));
    expect(lines).toContainEqual(expect.objectContaining({ level: 'info', msg: 'corpus updated' }));

    const manifest = JSON.parse(readFileSync(path.join(temp.corpusDir, 'sources.json'), 'utf8')) as { pages: { file: string }[] };
    removePage(temp.corpusDir, manifest.pages[1]!.file);
    expect(await desk.applyCorpusChange()).toMatchObject({ status: 'reloaded', info: { source: 'update' } });
    expect(await answersOf(desk)).toEqual(await rebuiltAnswers(temp.corpusDir));
  }, 60_000);

  it('keeps answering from the working corpus when the new page is broken', async () => {
    temp = tempCorpus();
    const { logger } = logLines();
    desk = await startDesk({ corpusDir: temp.corpusDir, cacheDir: temp.cacheDir, thread: 'worker', logger });
    const before = await answersOf(desk);
    temp.addPage(BROKEN_PAGE.file, BROKEN_PAGE.bytes, BROKEN_PAGE.entry);
    const outcome = await desk.applyCorpusChange();
    expect(outcome.status).toBe('failed');
    expect(await answersOf(desk)).toEqual(before);
  }, 60_000);

  it('starts from the snapshot an update wrote; a change from there reloads (a snapshot keeps no per-article analysis)', async () => {
    temp = tempCorpus();
    const { logger } = logLines();
    desk = await startDesk({ corpusDir: temp.corpusDir, cacheDir: temp.cacheDir, thread: 'worker', logger });
    temp.addPage(NEW_ARTICLE.file, NEW_ARTICLE.text, NEW_ARTICLE.entry);
    const updated = await desk.applyCorpusChange();
    if (updated.status !== 'reloaded') throw new Error(`the update did not apply: ${updated.status}`);
    // The snapshot is written just after the update (the first answers come first): the next start loads it.
    const written = snapshotFile(temp.cacheDir, updated.info.key);
    for (let tries = 0; tries < 200 && !existsSync(written); tries++) await new Promise((resolve) => setTimeout(resolve, 50));
    await desk.close();
    desk = await startDesk({ corpusDir: temp.corpusDir, cacheDir: temp.cacheDir, thread: 'worker', logger });
    expect(desk.info?.source).toBe('snapshot');
    removePage(temp.corpusDir, NEW_ARTICLE.file);
    const outcome = await desk.applyCorpusChange();
    expect(outcome.status).toBe('reloaded');
    expect(outcome.status === 'reloaded' ? outcome.info.source : undefined).not.toBe('update');
    expect(await answersOf(desk)).toEqual(await rebuiltAnswers(temp.corpusDir));
  }, 60_000);
});
