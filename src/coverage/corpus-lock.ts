/**
 * One change to a corpus folder at a time, across processes (the CLI and a running bot) and within one:
 * proper-lockfile's lock directory in the corpus folder, waited for with retries.
 */
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { CoverageError } from './coverage-error.ts';

export const LOCK_NAME = '.corpus.lock';

export async function withCorpusLock<T>(corpusDir: string, work: () => Promise<T>): Promise<T> {
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(corpusDir, {
      lockfilePath: path.join(corpusDir, LOCK_NAME),
      // A lock not refreshed for 20 s belongs to a process that died: taken over.
      stale: 20_000,
      retries: { retries: 60, minTimeout: 100, maxTimeout: 500 },
      // The work below finishes or fails on its own; a lost lock only means another change may follow.
      onCompromised: () => {},
    });
  } catch (error) {
    throw new CoverageError(
      `another change to ${corpusDir} is still running (${(error as Error).message})`,
      `wait for it to finish and try again; if no add or remove is running, delete ${path.join(corpusDir, LOCK_NAME)}`,
    );
  }
  try {
    return await work();
  } finally {
    await release().catch(() => {});
  }
}
