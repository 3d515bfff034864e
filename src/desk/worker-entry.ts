/**
 * The desk's worker thread: loads the answer context (snapshot or build) and answers requests, so that neither
 * ever runs on the front end's thread. Started by WorkerDesk with DeskWorkerData; reports 'ready',
 * 'unchanged' (a reload found the same corpus) or 'failed' (a bad corpus), then serves calls by id.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { answerRequest } from '../answers/answer-request.ts';
import type { AnswerContext } from '../answers/context.ts';
import { applyCorpusChange, saveSnapshot } from './corpus-change.ts';
import { type LiveStory, loadAnswerContext } from './load-context.ts';
import { type DeskCall, type FromWorker, type ToWorker, type UpdateResult, type WorkerMemory, serialiseError } from './protocol.ts';
import type { DeskWorkerData } from './protocol.ts';

const port = parentPort;
if (!port) throw new Error('worker-entry.ts runs as a worker thread; start it through WorkerDesk');
const post = (message: FromWorker) => port.postMessage(message);

const data = workerData as DeskWorkerData;
let context: AnswerContext;
let live: LiveStory | undefined;
/** Updates run one at a time; answers keep coming from the current context while one reads the corpus. */
let updating: Promise<unknown> = Promise.resolve();

function serve(call: Exclude<DeskCall, { kind: 'update' }>): unknown {
  switch (call.kind) {
    case 'answer':
      return answerRequest(context, call.request);
    case 'complete':
      return context.names.complete(call.source, call.text);
    case 'memory':
      return memory(call.gc);
  }
}

async function update(): Promise<UpdateResult> {
  if (!live) return { status: 'rebuild', why: 'the desk was opened without the state an update needs' };
  const outcome = await applyCorpusChange(live, data.corpusDir);
  if (outcome.status !== 'updated') return outcome;
  live = outcome.live;
  context = live.context;
  const saved = live;
  const cacheDir = data.cacheDir;
  // After the reply: the first answers from the new corpus come before the snapshot is written.
  if (cacheDir !== false) setTimeout(() => void saveSnapshot(saved, cacheDir).catch(() => {}), 0);
  return { status: 'updated', info: live.info, added: outcome.added, removed: outcome.removed };
}

function memory(gc: boolean): WorkerMemory {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (gc && collect) collect();
  const { heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
  return { heapUsed, heapTotal, external, arrayBuffers };
}

try {
  const opened = await loadAnswerContext(data);
  if (opened.unchanged) {
    post({ type: 'unchanged', key: opened.key });
  } else {
    context = opened.context;
    live = opened.live;
    port.on('message', ({ id, call }: ToWorker) => {
      if (call.kind === 'update') {
        const run = updating.then(update);
        updating = run.catch(() => {});
        run.then(
          (value) => post({ type: 'reply', id, ok: true, value }),
          (error: unknown) => post({ type: 'reply', id, ok: false, error: serialiseError(error) }),
        );
        return;
      }
      try {
        post({ type: 'reply', id, ok: true, value: serve(call) });
      } catch (error) {
        post({ type: 'reply', id, ok: false, error: serialiseError(error) });
      }
    });
    post({ type: 'ready', info: opened.info });
  }
} catch (error) {
  post({ type: 'failed', error: serialiseError(error) });
}
