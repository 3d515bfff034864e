/**
 * The desk's worker thread: loads the answer context (snapshot or build) and answers requests, so that neither
 * ever runs on the front end's thread. Started by WorkerDesk with DeskWorkerData; reports 'ready',
 * 'unchanged' (a reload found the same corpus) or 'failed' (a bad corpus), then serves calls by id.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { answerRequest } from '../answers/answer-request.ts';
import type { AnswerContext } from '../answers/context.ts';
import { loadAnswerContext } from './load-context.ts';
import { type DeskCall, type FromWorker, type ToWorker, type WorkerMemory, serialiseError } from './protocol.ts';
import type { DeskWorkerData } from './protocol.ts';

const port = parentPort;
if (!port) throw new Error('worker-entry.ts runs as a worker thread; start it through WorkerDesk');
const post = (message: FromWorker) => port.postMessage(message);

function serve(context: AnswerContext, call: DeskCall): unknown {
  switch (call.kind) {
    case 'answer':
      return answerRequest(context, call.request);
    case 'complete':
      return context.names.complete(call.source, call.text);
    case 'memory':
      return memory(call.gc);
  }
}

function memory(gc: boolean): WorkerMemory {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (gc && collect) collect();
  const { heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
  return { heapUsed, heapTotal, external, arrayBuffers };
}

try {
  const opened = await loadAnswerContext(workerData as DeskWorkerData);
  if (opened.unchanged) {
    post({ type: 'unchanged', key: opened.key });
  } else {
    const { context } = opened;
    port.on('message', ({ id, call }: ToWorker) => {
      try {
        post({ type: 'reply', id, ok: true, value: serve(context, call) });
      } catch (error) {
        post({ type: 'reply', id, ok: false, error: serialiseError(error) });
      }
    });
    post({ type: 'ready', info: opened.info });
  }
} catch (error) {
  post({ type: 'failed', error: serialiseError(error) });
}
