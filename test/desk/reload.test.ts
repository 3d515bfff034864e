import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startDesk } from '../../src/desk/start-desk.ts';
import type { WorkerDesk } from '../../src/desk/worker-desk.ts';
import { parseCommandLine } from '../../src/console/parse-line.ts';
import { CorpusError } from '../../src/corpus/errors.ts';
import { BROKEN_PAGE, NEW_ARTICLE, type TempCorpus, tempCorpus } from './support/temp-corpus.ts';
import { logLines } from './support/log-lines.ts';

const NEW_OUTLET = parseCommandLine('/outlet Harbour Gazette');
const NEW_WORDS = 'never asked to host';

let desk: WorkerDesk | undefined;
let temp: TempCorpus | undefined;
afterEach(async () => {
  await desk?.close();
  desk = undefined;
  temp?.remove();
  temp = undefined;
});

const mentionsNewPage = async (desk: WorkerDesk) => JSON.stringify(await desk.answer(NEW_OUTLET)).includes(NEW_WORDS);

describe('reloading the worker desk', () => {
  it('swaps in a good new page, and finds nothing to do when nothing changed', async () => {
    temp = tempCorpus();
    const { lines, logger } = logLines();
    desk = await startDesk({ corpusDir: temp.corpusDir, cacheDir: temp.cacheDir, thread: 'worker', logger });
    expect(await desk.reload()).toEqual({ status: 'unchanged' });
    expect(await mentionsNewPage(desk)).toBe(false);
    const oldKey = desk.info?.key;

    temp.addPage(NEW_ARTICLE.file, NEW_ARTICLE.text, NEW_ARTICLE.entry);
    // Answers asked while the new index is built come from the old one.
    const reload = desk.reload();
    const during = await desk.answer(parseCommandLine('/country Serbia'));
    expect(during.status).toBe('ok');
    expect(await reload).toMatchObject({ status: 'reloaded', info: { source: 'build' } });

    expect(await mentionsNewPage(desk)).toBe(true);
    expect(desk.info?.key).not.toBe(oldKey);
    expect(lines).toContainEqual(expect.objectContaining({ level: 'info', msg: 'corpus reloaded' }));
  });

  it('keeps answering from the working index when a broken page is added, and logs the file and the fix', async () => {
    temp = tempCorpus();
    const { lines, logger } = logLines();
    desk = await startDesk({ corpusDir: temp.corpusDir, cacheDir: temp.cacheDir, thread: 'worker', logger });
    const before = await desk.answer(parseCommandLine('/quote Osmani'));

    temp.addPage(BROKEN_PAGE.file, BROKEN_PAGE.bytes, BROKEN_PAGE.entry);
    const outcome = await desk.reload();
    expect(outcome.status).toBe('failed');
    expect(outcome.status === 'failed' && outcome.error).toBeInstanceOf(CorpusError);
    const logged = lines.find((line) => line.level === 'error');
    expect(logged?.msg).toBe('corpus reload failed; still answering from the previous corpus');
    expect(logged?.fields).toMatchObject({
      file: BROKEN_PAGE.file,
      problem: expect.stringMatching(/not valid UTF-8/),
      fix: expect.stringMatching(/UTF-8/),
    });

    expect(await desk.answer(parseCommandLine('/quote Osmani'))).toEqual(before);

    // Once the page is fixed, the next reload takes it.
    writeFileSync(path.join(temp.corpusDir, BROKEN_PAGE.file), BROKEN_PAGE.bytes.toString('latin1'));
    expect(await desk.reload()).toMatchObject({ status: 'reloaded' });
    expect(JSON.stringify(await desk.answer(parseCommandLine('/outlet Latin One')))).toContain('Le ministre a parlé');
  });

  it('reloads on its own when the corpus folder changes', async () => {
    temp = tempCorpus();
    const { lines, logger } = logLines();
    desk = await startDesk({ corpusDir: temp.corpusDir, cacheDir: temp.cacheDir, thread: 'worker', watch: true, logger });
    temp.addPage(NEW_ARTICLE.file, NEW_ARTICLE.text, NEW_ARTICLE.entry);
    // A change is applied to the serving index (src/desk/corpus-change.ts).
    await vi.waitFor(() => expect(lines.map((line) => line.msg)).toContain('corpus updated'), { timeout: 15_000, interval: 100 });
    expect(await mentionsNewPage(desk)).toBe(true);
  });

  it('watches pages in subfolders too', async () => {
    temp = tempCorpus();
    const { lines, logger } = logLines();
    mkdirSync(path.join(temp.corpusDir, 'more'));
    temp.addPage(`more/${NEW_ARTICLE.file}`, NEW_ARTICLE.text, NEW_ARTICLE.entry);
    desk = await startDesk({ corpusDir: temp.corpusDir, cacheDir: temp.cacheDir, thread: 'worker', watch: true, logger });
    expect(await mentionsNewPage(desk)).toBe(true);
    // Only the page in the subfolder changes.
    writeFileSync(
      path.join(temp.corpusDir, 'more', NEW_ARTICLE.file),
      NEW_ARTICLE.text.replace('never asked to host', 'not yet asked to host'),
    );
    await vi.waitFor(() => expect(lines.map((line) => line.msg)).toContain('corpus updated'), { timeout: 15_000, interval: 100 });
    expect(JSON.stringify(await desk.answer(NEW_OUTLET))).toContain('not yet asked to host');
  });

  it('coalesces reloads asked for while one runs', async () => {
    temp = tempCorpus();
    desk = await startDesk({ corpusDir: temp.corpusDir, cacheDir: temp.cacheDir, thread: 'worker' });
    temp.addPage(NEW_ARTICLE.file, NEW_ARTICLE.text, NEW_ARTICLE.entry);
    const first = desk.reload();
    const second = desk.reload();
    const third = desk.reload();
    expect(second).toBe(third);
    expect(await first).toMatchObject({ status: 'reloaded' });
    expect(await second).toEqual({ status: 'unchanged' });
    expect(await mentionsNewPage(desk)).toBe(true);
  });
});
