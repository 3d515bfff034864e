import { afterEach, describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../src/console/parse-line.ts';
import { CorpusError } from '../../src/corpus/errors.ts';
import { startDesk } from '../../src/desk/start-desk.ts';
import { WorkerDesk } from '../../src/desk/worker-desk.ts';
import { BROKEN_PAGE, type TempCorpus, tempCorpus } from './support/temp-corpus.ts';
import { logLines } from './support/log-lines.ts';

const LINES = [
  '/country Serbia',
  '/country Montenegro',
  '/quote who:Osmani about:talks',
  '/quote Philp',
  '/ask who ruled out hosting a hub?',
  '/ask russia infiltration',
  '/outlet Sky News',
  '/compare small boat crossings',
  '/sources',
  '/help',
  '/country',
  '/nonsense here',
];

const FAULTY_WORKER = new URL('./support/faulty-worker-entry.ts', import.meta.url);

let desk: WorkerDesk | undefined;
let temp: TempCorpus | undefined;
afterEach(async () => {
  await desk?.close();
  desk = undefined;
  temp?.remove();
  temp = undefined;
});

describe('the worker desk', () => {
  it('answers exactly as the in-process desk', async () => {
    temp = tempCorpus();
    const local = await startDesk({ corpusDir: temp.corpusDir, cacheDir: false });
    desk = await startDesk({ corpusDir: temp.corpusDir, cacheDir: temp.cacheDir, thread: 'worker' });
    expect(desk.threadId).toBeGreaterThan(0);
    for (const line of LINES) {
      const request = parseCommandLine(line);
      expect(await desk.answer(request), line).toEqual(await local.answer(request));
    }
    for (const [source, text] of [
      ['place', 'ser'],
      ['speaker', 'osm'],
      ['outlet', 'sky'],
      ['place', ''],
    ] as const) {
      expect(await desk.complete(source, text)).toEqual(await local.complete(source, text));
    }
  });

  it('rejects a bad corpus at start with the corpus error, naming the file and the fix', async () => {
    temp = tempCorpus();
    temp.addPage(BROKEN_PAGE.file, BROKEN_PAGE.bytes, BROKEN_PAGE.entry);
    const started = startDesk({ corpusDir: temp.corpusDir, cacheDir: temp.cacheDir, thread: 'worker' });
    await expect(started).rejects.toBeInstanceOf(CorpusError);
    await expect(started).rejects.toMatchObject({ file: BROKEN_PAGE.file, message: expect.stringMatching(/not valid UTF-8.*Fix:/) });
  });

  it('reports a worker that dies, rejecting the calls in flight, and restarts it', async () => {
    temp = tempCorpus();
    const { lines, logger } = logLines();
    desk = await WorkerDesk.start({ corpusDir: temp.corpusDir, cacheDir: temp.cacheDir, logger, workerEntry: FAULTY_WORKER });
    const before = await desk.answer(parseCommandLine('/country Serbia'));
    const firstThread = desk.threadId;

    const crash = desk.answer({ command: '__crash__', options: {} });
    const inFlight = desk.answer(parseCommandLine('/quote Osmani'));
    await crash.catch(() => {});
    await expect(inFlight).rejects.toThrow(
      /worker thread stopped \(exit code 1: injected fault\) before it answered; the desk restarts it/,
    );
    expect(lines).toContainEqual(
      expect.objectContaining({ level: 'error', msg: expect.stringMatching(/stopped unexpectedly; restarting/) }),
    );

    // Calls made while it restarts wait for the new worker.
    expect(await desk.answer(parseCommandLine('/country Serbia'))).toEqual(before);
    expect(desk.threadId).not.toBe(firstThread);
    expect(lines).toContainEqual(expect.objectContaining({ level: 'info', msg: 'desk worker restarted' }));
  });

  it('passes a failed call back as a rejection with the original error', async () => {
    temp = tempCorpus();
    desk = await WorkerDesk.start({ corpusDir: temp.corpusDir, cacheDir: temp.cacheDir, workerEntry: FAULTY_WORKER });
    const failed = desk.answer({ command: '__fail__', options: {} });
    await expect(failed).rejects.toThrow('injected answer failure');
    await expect(failed).rejects.toMatchObject({ name: 'RangeError' });
    // The worker is still serving.
    expect((await desk.answer(parseCommandLine('/country Serbia'))).status).toBe('ok');
  });

  it('refuses calls once closed', async () => {
    temp = tempCorpus();
    desk = await startDesk({ corpusDir: temp.corpusDir, cacheDir: temp.cacheDir, thread: 'worker' });
    await desk.close();
    await expect(desk.answer(parseCommandLine('/country Serbia'))).rejects.toThrow(/closed/);
    desk = undefined;
  });
});
