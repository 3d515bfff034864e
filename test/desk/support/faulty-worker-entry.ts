/**
 * The real desk worker with faults to inject, by the command of an answer request:
 * "__crash__": an uncaught error in the worker (as a bug would throw), which ends the worker thread;
 * "__fail__": the call fails with a RangeError, as an answer function that throws would.
 */
import { parentPort } from 'node:worker_threads';
import { serialiseError } from '../../../src/desk/protocol.ts';

parentPort!.on('message', (message: { id: number; call?: { kind?: string; request?: { command?: string } } }) => {
  const command = message.call?.kind === 'answer' ? message.call.request?.command : undefined;
  if (command === '__crash__') {
    process.nextTick(() => {
      throw new Error('injected fault');
    });
  }
  // The real worker answers this id too (an unknown command); the first reply wins.
  if (command === '__fail__')
    parentPort!.postMessage({ type: 'reply', id: message.id, ok: false, error: serialiseError(new RangeError('injected answer failure')) });
});

await import('../../../src/desk/worker-entry.ts');
