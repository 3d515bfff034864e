/**
 * The local console as `npm start` runs it without DISCORD_TOKEN: the desk in a worker thread that
 * watches the corpus folder and reloads on change or on SIGHUP, as the bot's does, so coverage added
 * while the console runs is answered from at once; a bad change is reported and the previous corpus
 * keeps answering. SIGHUP never ends the console.
 */
import { startDesk } from '../desk/start-desk.ts';
import type { DeskLogger } from '../desk/worker-desk.ts';
import { runConsole } from './repl.ts';

export interface StartConsoleOptions {
  corpusDir: string;
  /** Where reload notices go (default: stderr). */
  write?: (line: string) => void;
}

export async function startConsole(options: StartConsoleOptions): Promise<void> {
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const desk = await startDesk({ corpusDir: options.corpusDir, thread: 'worker', watch: true, logger: noticeLogger(write) });
  const onHangup = () => {
    write('[SIGHUP: reloading the corpus]');
    void desk.reload();
  };
  process.on('SIGHUP', onHangup);
  try {
    await runConsole(desk);
  } finally {
    process.off('SIGHUP', onHangup);
    await desk.close();
  }
}

/** The desk's log lines as short notices between answers. */
export function noticeLogger(write: (line: string) => void): DeskLogger {
  const fieldsText = (fields?: Record<string, unknown>) => {
    if (!fields) return '';
    if (typeof fields['articles'] === 'number') return ` (${String(fields['articles'])} articles, ${String(fields['passages'])} passages)`;
    const error = fields['error'] ?? fields['message'];
    return error === undefined ? '' : `: ${String(error)}`;
  };
  return {
    info: (msg, fields) => {
      if (msg === 'corpus reloaded') write(`[corpus reloaded${fieldsText(fields)}]`);
    },
    warn: (msg, fields) => write(`[${msg}${fieldsText(fields)}]`),
    error: (msg, fields) => write(`[${msg}${fieldsText(fields)}]`),
  };
}
