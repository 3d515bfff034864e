/**
 * The local console as `npm start` runs it without DISCORD_TOKEN: the desk in a worker thread that
 * watches the corpus folder and reloads on change or on SIGHUP, as the bot's does, so coverage added
 * while the console runs is answered from at once; a bad change is reported and the previous corpus
 * keeps answering. SIGHUP never ends the console.
 */
import { startDesk } from '../desk/start-desk.ts';
import { createLogger, type Logger } from '../runtime/log.ts';
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

/**
 * The desk's log lines as short notices between answers: the console is for a person, so a reload
 * shows as "[corpus reloaded (8 articles, 95 passages)]" and a failure as "[corpus reload failed: why]".
 */
export function noticeLogger(write: (line: string) => void): Logger {
  return createLogger({
    write: (line) => {
      const notice = noticeOf(JSON.parse(line) as Record<string, unknown>);
      if (notice !== undefined) write(notice);
    },
  });
}

function noticeOf(entry: Record<string, unknown>): string | undefined {
  const msg = String(entry['msg']);
  if (entry['level'] === 'info' && msg !== 'corpus reloaded') return undefined;
  if (typeof entry['articles'] === 'number')
    return `[${msg} (${String(entry['articles'])} articles, ${String(entry['passages'])} passages)]`;
  const error = entry['error'] ?? entry['problem'];
  const why =
    typeof error === 'string'
      ? error
      : typeof (error as { message?: unknown })?.message === 'string'
        ? (error as { message: string }).message
        : undefined;
  return why === undefined ? `[${msg}]` : `[${msg}: ${why}]`;
}
