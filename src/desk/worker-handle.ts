/**
 * One desk worker thread as the front end's thread sees it: started with a corpus folder, it reports
 * how it opened (ready, unchanged or failed), then takes calls by id. A worker that dies rejects every
 * call in flight with a message saying so, and tells its owner, which decides what happens next.
 */
import { Worker } from 'node:worker_threads';
import { bootstrapUrl } from './worker-url.ts';
import type { DeskInfo } from './load-context.ts';
import { type DeskCall, type DeskCallResult, type DeskWorkerData, type FromWorker, type ToWorker, reviveError } from './protocol.ts';

export const WORKER_ENTRY = new URL('./worker-entry.ts', import.meta.url);

export type WorkerStart = { status: 'ready'; info: DeskInfo } | { status: 'unchanged'; key: string };

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

export class WorkerHandle {
  /** Settles once the worker has loaded the answer context (or found the corpus unchanged); rejects with the worker's error. */
  readonly started: Promise<WorkerStart>;
  /** Called once if the worker stops after it was ready and before terminate(): a crash. */
  onCrash: ((error: Error) => void) | undefined;
  info: DeskInfo | undefined;

  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private state: 'starting' | 'ready' | 'done' | 'stopping' | 'exited' = 'starting';
  private lastError: Error | undefined;
  private idleWaiters: (() => void)[] = [];

  constructor(data: DeskWorkerData, entry: URL = WORKER_ENTRY) {
    this.worker = new Worker(bootstrapUrl(entry), { workerData: data });
    this.started = new Promise<WorkerStart>((resolve, reject) => {
      this.worker.on('message', (message: FromWorker) => {
        switch (message.type) {
          case 'ready':
            this.state = 'ready';
            this.info = message.info;
            resolve({ status: 'ready', info: message.info });
            return;
          case 'unchanged':
            this.state = 'done';
            resolve({ status: 'unchanged', key: message.key });
            return;
          case 'failed':
            this.state = 'done';
            reject(reviveError(message.error));
            return;
          case 'reply':
            this.settle(message);
        }
      });
      this.worker.on('error', (error) => {
        this.lastError = error;
      });
      this.worker.on('exit', (code) => {
        const wasReady = this.state === 'ready';
        const intended = this.state === 'stopping' || this.state === 'done';
        this.state = 'exited';
        const why = this.lastError ? `: ${this.lastError.message}` : '';
        const error = new Error(`the desk's worker thread stopped (exit code ${code}${why})`);
        reject(error);
        for (const { reject: rejectCall } of this.pending.values()) {
          rejectCall(
            new Error(
              intended
                ? "the desk's worker thread was closed before it answered"
                : `${error.message} before it answered; the desk restarts it, ask again`,
            ),
          );
        }
        this.pending.clear();
        this.wakeIdle();
        if (wasReady && !intended) this.onCrash?.(error);
      });
    });
    // The owner awaits `started`; this keeps an early failure from counting as unhandled meanwhile.
    this.started.catch(() => {});
  }

  get threadId(): number {
    return this.worker.threadId;
  }

  call<C extends DeskCall>(call: C): Promise<DeskCallResult<C>> {
    if (this.state !== 'ready') return Promise.reject(new Error(`the desk's worker thread is not answering (${this.state})`));
    const id = this.nextId++;
    return new Promise<DeskCallResult<C>>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      const message: ToWorker = { id, call };
      this.worker.postMessage(message);
    });
  }

  /** Resolves when no call is in flight (at once when none is). */
  idle(): Promise<void> {
    if (this.pending.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops the worker on purpose: calls in flight are rejected, and no crash is reported. */
  async terminate(): Promise<void> {
    if (this.state === 'exited') return;
    this.state = 'stopping';
    await this.worker.terminate();
  }

  private settle(message: Extract<FromWorker, { type: 'reply' }>): void {
    const pending = this.pending.get(message.id);
    if (!pending) return;
    this.pending.delete(message.id);
    if (message.ok) pending.resolve(message.value);
    else pending.reject(reviveError(message.error));
    if (this.pending.size === 0) this.wakeIdle();
  }

  private wakeIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const wake of waiters) wake();
  }
}
