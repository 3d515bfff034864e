import path from 'node:path';
import { type Desk, mainThreadDesk } from './desk.ts';
import { type DeskInfo, loadAnswerContext } from './load-context.ts';
import { WorkerDesk } from './worker-desk.ts';
import type { Logger } from '../runtime/log.ts';

/** Where snapshots live unless told otherwise (gitignored). */
export const DEFAULT_CACHE_DIR = path.join('.cache', 'snapshots');

export interface StartDeskOptions {
  /** The corpus folder: pages, sources.json, gazetteer.json. Default: `corpus` under the working directory. */
  corpusDir?: string;
  /**
   * Where the desk runs. 'main' (default): in this thread, for the console and tests; 'worker': in a
   * worker thread, so that building, loading or swapping an index never stalls this one (the bot).
   */
  thread?: 'main' | 'worker';
  /** Snapshot folder (default `.cache/snapshots` under the working directory); false to always build. */
  cacheDir?: string | false;
  /** Worker desk only: reload when the corpus folder changes. */
  watch?: boolean;
  /** Worker desk only: where reloads and restarts are logged. */
  logger?: Logger;
}

/** The desk in this thread, with how it was opened. */
export interface MainThreadDesk extends Desk {
  readonly info: DeskInfo;
}

/**
 * The front ends' one way to get a desk over a corpus folder: corpus -> analysis -> search -> answer
 * context, or the snapshot of a previous run when the corpus (and the pipeline's code) has not changed since.
 */
export async function startDesk(options: StartDeskOptions & { thread: 'worker' }): Promise<WorkerDesk>;
export async function startDesk(options?: StartDeskOptions & { thread?: 'main' }): Promise<MainThreadDesk>;
export async function startDesk(options: StartDeskOptions = {}): Promise<MainThreadDesk | WorkerDesk> {
  const corpusDir = path.resolve(options.corpusDir ?? 'corpus');
  const cacheDir = options.cacheDir === false ? false : path.resolve(options.cacheDir ?? DEFAULT_CACHE_DIR);
  if (options.thread === 'worker') {
    return WorkerDesk.start({
      corpusDir,
      cacheDir,
      ...(options.watch ? { watch: true } : {}),
      ...(options.logger ? { logger: options.logger } : {}),
    });
  }
  const loaded = await loadAnswerContext({ corpusDir, cacheDir });
  if (loaded.unchanged) throw new Error('unreachable: no key to compare with');
  return { ...mainThreadDesk(loaded.context), info: loaded.info };
}
