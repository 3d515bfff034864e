/** Messages between the desk's worker thread and the front end's thread: requests carry ids, replies name them. */
import type { AutocompleteSource } from '../answers/commands.ts';
import type { AnswerRequest } from '../answers/request.ts';
import type { Answer, Choice } from '../answers/model.ts';
import { GazetteerError } from '../analysis/gazetteer.ts';
import { CorpusError } from '../corpus/errors.ts';
import type { DeskInfo } from './load-context.ts';

/** What the worker is started with (workerData). */
export interface DeskWorkerData {
  corpusDir: string;
  cacheDir: string | false;
  unlessKey?: string;
}

export type DeskCall =
  | { kind: 'answer'; request: AnswerRequest }
  | { kind: 'complete'; source: AutocompleteSource; text: string }
  /** The worker's heap (after a full GC when `gc` and the process runs with --expose-gc). */
  | { kind: 'memory'; gc: boolean }
  /** Apply the corpus folder's changes to the serving context (src/desk/corpus-change.ts). */
  | { kind: 'update' };

/** What an 'update' call did. */
export type UpdateResult =
  { status: 'updated'; info: DeskInfo; added: string[]; removed: string[] } | { status: 'unchanged' } | { status: 'rebuild'; why: string };

export interface WorkerMemory {
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
}

export type DeskCallResult<C extends DeskCall> = C extends { kind: 'answer' }
  ? Answer
  : C extends { kind: 'complete' }
    ? Choice[]
    : C extends { kind: 'update' }
      ? UpdateResult
      : WorkerMemory;

export type ToWorker = { id: number; call: DeskCall };

export type FromWorker =
  | { type: 'ready'; info: DeskInfo }
  | { type: 'unchanged'; key: string }
  | { type: 'failed'; error: SerialisedError }
  | { type: 'reply'; id: number; ok: true; value: unknown }
  | { type: 'reply'; id: number; ok: false; error: SerialisedError };

/** An error as it crosses threads: enough to rebuild a CorpusError or GazetteerError on the other side. */
export interface SerialisedError {
  name: string;
  message: string;
  stack?: string;
  corpus?: { file: string; field: string | undefined; problem: string; fix: string };
}

export function serialiseError(error: unknown): SerialisedError {
  if (error instanceof CorpusError) {
    return {
      name: error.name,
      message: error.message,
      ...(error.stack ? { stack: error.stack } : {}),
      corpus: { file: error.file, field: error.field, problem: error.problem, fix: error.fix },
    };
  }
  if (error instanceof Error) return { name: error.name, message: error.message, ...(error.stack ? { stack: error.stack } : {}) };
  return { name: 'Error', message: String(error) };
}

/** The same error class and message as thrown in the worker, so callers can tell a bad corpus from a bug. */
export function reviveError(error: SerialisedError): Error {
  let revived: Error;
  if (error.corpus) revived = new CorpusError(error.corpus);
  else if (error.name === 'GazetteerError') revived = new GazetteerError(error.message);
  else {
    revived = new Error(error.message);
    revived.name = error.name;
  }
  if (error.stack) revived.stack = error.stack;
  return revived;
}
