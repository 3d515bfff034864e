/**
 * The desk in a worker thread, for the bot: building, loading and swapping an index never runs on
 * the thread that keeps Discord's heartbeats, and answers arrive by message.
 *
 * Reloading starts a second worker on the corpus as it now is. When it is ready, new calls go to it
 * and the old worker is retired once its calls in flight are answered: the swap is one assignment.
 * When the new corpus is bad, the second worker reports the error (naming the file and the fix), the
 * old worker keeps answering, and the error is logged. A worker that dies is restarted (with backoff
 * while it keeps failing); its calls in flight are rejected with a message saying so.
 */
import type { AutocompleteSource } from '../answers/commands.ts';
import type { AnswerRequest } from '../answers/request.ts';
import type { Desk } from './desk.ts';
import type { Answer, Choice } from '../answers/model.ts';
import { CorpusError } from '../corpus/errors.ts';
import { WORKER_ENTRY, WorkerHandle } from './worker-handle.ts';
import type { DeskInfo } from './load-context.ts';
import type { WorkerMemory } from './protocol.ts';
import { type CorpusWatcher, watchCorpus } from './watch-corpus.ts';
import { createLogger, type Logger } from '../runtime/log.ts';

export interface WorkerDeskOptions {
  corpusDir: string;
  /** Snapshot folder, or false for none. */
  cacheDir: string | false;
  /** Reload when files in the corpus folder change (default false). */
  watch?: boolean;
  /** Quiet time after the last change before a reload starts (default 500 ms). */
  debounceMs?: number;
  /** Where reloads, restarts and failures are logged (default: warnings and errors on stderr). */
  logger?: Logger;
  /** The worker's entry module (default src/desk/worker-entry.ts); tests wrap it to inject faults. */
  workerEntry?: URL;
}

export type ReloadOutcome = { status: 'reloaded'; info: DeskInfo } | { status: 'unchanged' } | { status: 'failed'; error: Error };

type State =
  | { kind: 'ready'; thread: WorkerHandle }
  | { kind: 'starting'; thread: Promise<WorkerHandle> }
  | { kind: 'down'; error: Error }
  | { kind: 'closed' };

const RESTART_DELAYS_MS = [0, 1_000, 5_000, 30_000];

export class WorkerDesk implements Desk {
  private state: State;
  private readonly logger: Logger;
  private readonly entry: URL;
  private watcher: CorpusWatcher | undefined;
  private running: Promise<ReloadOutcome> | undefined;
  private queued: Promise<ReloadOutcome> | undefined;
  private readonly candidates = new Set<WorkerHandle>();
  private restarts = 0;
  private restartTimer: NodeJS.Timeout | undefined;

  private constructor(
    private readonly options: WorkerDeskOptions,
    first: WorkerHandle,
  ) {
    this.logger = options.logger ?? createLogger({ level: 'warn', to: 'stderr' });
    this.entry = options.workerEntry ?? WORKER_ENTRY;
    this.state = { kind: 'ready', thread: first };
    first.onCrash = (error) => this.crashed(first, error);
  }

  /** Starts the worker and resolves once it answers; rejects with the corpus's error (a CorpusError...) when it cannot open. */
  static async start(options: WorkerDeskOptions): Promise<WorkerDesk> {
    const thread = new WorkerHandle({ corpusDir: options.corpusDir, cacheDir: options.cacheDir }, options.workerEntry);
    try {
      await thread.started;
    } catch (error) {
      await thread.terminate();
      throw error;
    }
    const desk = new WorkerDesk(options, thread);
    desk.logOpened('desk ready', thread.info!);
    if (options.watch) desk.watch();
    return desk;
  }

  /** How the serving index was opened (source, size, timings); undefined while no worker is ready. */
  get info(): DeskInfo | undefined {
    return this.state.kind === 'ready' ? this.state.thread.info : undefined;
  }

  /** The serving worker's thread id (changes on every swap and restart). */
  get threadId(): number | undefined {
    return this.state.kind === 'ready' ? this.state.thread.threadId : undefined;
  }

  async answer(request: AnswerRequest): Promise<Answer> {
    return (await this.serving()).call({ kind: 'answer', request });
  }

  async complete(source: AutocompleteSource, text: string): Promise<Choice[]> {
    return (await this.serving()).call({ kind: 'complete', source, text });
  }

  /** The serving worker's heap, after a full GC when the process runs with --expose-gc. */
  async memory(gc = true): Promise<WorkerMemory> {
    return (await this.serving()).call({ kind: 'memory', gc });
  }

  /**
   * Applies the corpus folder's changes (articles added or removed) to the serving worker's index
   * without rebuilding it (src/desk/corpus-change.ts): what `npm run corpus -- add/remove` and the
   * Discord command that adds coverage call. The serving worker answers from the old corpus while it
   * reads the new one, then from the new one. Falls back to reload() when an update cannot apply the
   * change (the gazetteer changed). A bad corpus is reported and the old one keeps answering.
   */
  async applyCorpusChange(): Promise<ReloadOutcome> {
    let thread: WorkerHandle;
    try {
      thread = await this.serving();
    } catch {
      return this.reload();
    }
    try {
      const result = await thread.call({ kind: 'update' });
      if (result.status === 'rebuild') {
        this.logger.info({ why: result.why }, 'corpus change needs a reload');
        return this.reload();
      }
      if (result.status === 'unchanged') return { status: 'unchanged' };
      thread.info = result.info;
      this.logOpened('corpus updated', result.info);
      return { status: 'reloaded', info: result.info };
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      this.logger.error(errorFields(failure), 'corpus update failed; still answering from the previous corpus');
      return { status: 'failed', error: failure };
    }
  }

  /**
   * Opens the corpus folder again in a new worker and swaps it in; the old index answers until then.
   * Calls made while a reload runs are coalesced into one more reload after it.
   */
  reload(): Promise<ReloadOutcome> {
    if (this.queued) return this.queued;
    if (this.running) {
      const next = this.running.then(() => {
        this.queued = undefined;
        return this.runReload();
      });
      this.queued = next;
      return next;
    }
    return this.runReload();
  }

  /** Stops watching and ends every worker; calls after this are rejected. */
  async close(): Promise<void> {
    const state = this.state;
    this.state = { kind: 'closed' };
    this.watcher?.close();
    clearTimeout(this.restartTimer);
    const threads = [...this.candidates];
    if (state.kind === 'ready') threads.push(state.thread);
    if (state.kind === 'starting')
      threads.push(
        ...(await state.thread.then(
          (thread) => [thread],
          () => [],
        )),
      );
    await Promise.all(threads.map((thread) => thread.terminate()));
  }

  private serving(): Promise<WorkerHandle> {
    const state = this.state;
    switch (state.kind) {
      case 'ready':
        return Promise.resolve(state.thread);
      case 'starting':
        return state.thread;
      case 'down':
        return Promise.reject(
          new Error(
            `the desk cannot answer: its worker thread stopped and could not be restarted (${state.error.message}); it retries on its own`,
          ),
        );
      case 'closed':
        return Promise.reject(new Error('the desk is closed'));
    }
  }

  private runReload(): Promise<ReloadOutcome> {
    const run = this.reloadOnce().finally(() => {
      if (this.running === run) this.running = undefined;
    });
    this.running = run;
    return run;
  }

  private async reloadOnce(): Promise<ReloadOutcome> {
    if (this.state.kind === 'closed') return { status: 'failed', error: new Error('the desk is closed') };
    const current = this.state.kind === 'ready' ? this.state.thread.info?.key : undefined;
    const candidate = new WorkerHandle(
      { corpusDir: this.options.corpusDir, cacheDir: this.options.cacheDir, ...(current ? { unlessKey: current } : {}) },
      this.entry,
    );
    this.candidates.add(candidate);
    try {
      const started = await candidate.started;
      if (started.status === 'unchanged') {
        await candidate.terminate();
        return { status: 'unchanged' };
      }
      // The desk may have been closed while the candidate was opening.
      if ((this.state as State).kind === 'closed') {
        await candidate.terminate();
        return { status: 'failed', error: new Error('the desk is closed') };
      }
      this.install(candidate);
      this.logOpened('corpus reloaded', started.info);
      return { status: 'reloaded', info: started.info };
    } catch (error) {
      await candidate.terminate();
      const failure = error instanceof Error ? error : new Error(String(error));
      // Closing the desk ends the candidate too: nothing failed.
      if ((this.state as State).kind === 'closed') return { status: 'failed', error: new Error('the desk is closed') };
      this.logger.error(
        errorFields(failure),
        this.state.kind === 'ready' ? 'corpus reload failed; still answering from the previous corpus' : 'corpus reload failed',
      );
      return { status: 'failed', error: failure };
    } finally {
      this.candidates.delete(candidate);
    }
  }

  /** Makes `thread` the serving worker; the previous one finishes its calls in flight, then ends. */
  private install(thread: WorkerHandle): void {
    const previous = this.state.kind === 'ready' ? this.state.thread : undefined;
    this.state = { kind: 'ready', thread };
    thread.onCrash = (error) => this.crashed(thread, error);
    this.restarts = 0;
    clearTimeout(this.restartTimer);
    if (previous) {
      previous.onCrash = undefined;
      void previous.idle().then(() => previous.terminate());
    }
  }

  private crashed(thread: WorkerHandle, error: Error): void {
    if (this.state.kind !== 'ready' || this.state.thread !== thread) return;
    this.logger.error({ error: error.message, corpusDir: this.options.corpusDir }, 'desk worker stopped unexpectedly; restarting it');
    this.restart();
  }

  private restart(): void {
    const attempt = new WorkerHandle({ corpusDir: this.options.corpusDir, cacheDir: this.options.cacheDir }, this.entry);
    const starting: State = {
      kind: 'starting',
      thread: attempt.started.then(() => attempt),
    };
    this.state = starting;
    starting.thread.then(
      (thread) => {
        if (this.state !== starting) return void thread.terminate();
        this.install(thread);
        this.logOpened('desk worker restarted', thread.info!);
      },
      (error: unknown) => {
        void attempt.terminate();
        if (this.state !== starting) return;
        const failure = error instanceof Error ? error : new Error(String(error));
        this.state = { kind: 'down', error: failure };
        const delay = RESTART_DELAYS_MS[Math.min(++this.restarts, RESTART_DELAYS_MS.length - 1)]!;
        this.logger.error({ ...errorFields(failure), retryInMs: delay }, 'desk worker could not restart; retrying');
        this.restartTimer = setTimeout(() => {
          if (this.state.kind === 'down') this.restart();
        }, delay);
        this.restartTimer.unref();
      },
    );
    // Callers waiting on a failed start get the error through serving(); this only silences the spare chain.
    starting.thread.catch(() => {});
  }

  private watch(): void {
    // A change to the folder is applied to the serving index (an update, falling back to a reload).
    this.watcher = watchCorpus(this.options.corpusDir, () => void this.applyCorpusChange(), {
      ...(this.options.debounceMs === undefined ? {} : { debounceMs: this.options.debounceMs }),
      onError: (error) =>
        this.logger.warn({ error: error.message, corpusDir: this.options.corpusDir }, 'cannot watch the corpus folder; reload with SIGHUP'),
    });
  }

  private logOpened(msg: string, info: DeskInfo): void {
    this.logger.info(
      {
        corpusDir: info.corpusDir,
        articles: info.articles,
        passages: info.passages,
        source: info.source,
        ms: Math.round(info.timings.totalMs),
      },
      msg,
    );
    if (info.snapshotProblem) this.logger.warn({ problem: info.snapshotProblem }, 'snapshot problem');
  }
}

function errorFields(error: Error): Record<string, unknown> {
  if (error instanceof CorpusError) return { error: error.message, file: error.file, problem: error.problem, fix: error.fix };
  return { error: error.message, name: error.name };
}
