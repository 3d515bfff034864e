import path from 'node:path';
import { type DeskInfo, openDesk } from '../desk/open-desk.ts';
import { WorkerDesk, type DeskLogger } from '../desk/worker-desk.ts';
import { answerNow } from './create-desk.ts';
import type { Desk } from './desk.ts';

export type { Desk, AnswerRequest } from './desk.ts';
export type { Answer, Result, Choice } from './model.ts';
export { createDesk } from './create-desk.ts';
export type { DeskInfo } from '../desk/open-desk.ts';
export type { DeskLogger, ReloadOutcome } from '../desk/worker-desk.ts';
export { WorkerDesk } from '../desk/worker-desk.ts';

/** Where snapshots live unless told otherwise (gitignored). */
export const DEFAULT_CACHE_DIR = path.join('.cache', 'snapshots');

export interface LoadDeskOptions {
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
  logger?: DeskLogger;
}

/** The desk in this thread, with how it was opened. */
export interface MainThreadDesk extends Desk {
  readonly info: DeskInfo;
}

/**
 * Opens the desk over a corpus folder: corpus -> analysis -> search -> desk, or the snapshot of a
 * previous run when the corpus (and the pipeline's code) has not changed since.
 */
export async function loadDesk(options: LoadDeskOptions & { thread: 'worker' }): Promise<WorkerDesk>;
export async function loadDesk(options?: LoadDeskOptions & { thread?: 'main' }): Promise<MainThreadDesk>;
export async function loadDesk(options: LoadDeskOptions = {}): Promise<MainThreadDesk | WorkerDesk> {
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
  const opened = await openDesk({ corpusDir, cacheDir });
  if (opened.unchanged) throw new Error('unreachable: no key to compare with');
  const { context, info } = opened;
  // As createDesk does, over the context openDesk built (its name index included).
  return {
    answer: async (request) => answerNow(context, request),
    complete: async (source, text) => context.names.complete(source, text),
    info,
  };
}
