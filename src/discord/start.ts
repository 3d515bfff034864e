import { CoverageEditor } from '../coverage/coverage-editor.ts';
import type { Desk } from '../desk/desk.ts';
import { startDesk } from '../desk/start-desk.ts';
import { startBot } from './bot.ts';
import type { RunningBot } from './bot.ts';
import { corpusDirFromEnvironment, loadConfig, loadDotenv } from '../runtime/env.ts';
import { loggerFromEnvironment } from '../runtime/log.ts';

export interface StartFromEnvironmentOptions {
  /** The corpus folder (default: STORY_DESK_CORPUS, else `corpus` under the working directory). */
  corpusDir?: string;
  /** The snapshot folder (default `.cache/snapshots` under the working directory). */
  cacheDir?: string;
}

/**
 * `npm start` with DISCORD_TOKEN set (src/main.ts) and each shard process: reads and checks the
 * configuration (a bad variable throws ConfigError naming it) and starts the bot.
 *
 * Without a desk given, the bot opens its own in a worker thread (from the snapshot when the corpus is
 * unchanged) so that no index work ever stalls the gateway, watches the corpus folder and reloads it
 * on change or on SIGHUP; a bad new corpus is logged and the previous one keeps answering.
 */
export async function startBotFromEnvironment(desk?: Desk, options: StartFromEnvironmentOptions = {}): Promise<RunningBot> {
  loadDotenv();
  const config = loadConfig();
  const logger = loggerFromEnvironment({ secrets: [config.token] });
  if (desk) return startBot(config, desk, { logger });

  // The desk opens in its worker while the gateway connects; an interaction that comes first waits for it.
  const corpusDir = options.corpusDir ?? corpusDirFromEnvironment();
  const opening = startDesk({ ...options, corpusDir, thread: 'worker', watch: true, logger });
  const waiting: Desk = {
    answer: async (request) => (await opening).answer(request),
    complete: async (source, text) => (await opening).complete(source, text),
  };
  // /coverage changes the folder in a worker thread, then applies the change to the serving index
  // (an update, not a rebuild; src/desk/corpus-change.ts) before it replies.
  const coverage = new CoverageEditor({
    corpusDir,
    reload: async () => (await opening).applyCorpusChange(),
    ...(config.apiUrl === undefined ? {} : { apiUrl: config.apiUrl }),
  });
  const [opened, bot] = await Promise.allSettled([opening, startBot(config, waiting, { logger, coverage })]);
  if (opened.status === 'rejected' || bot.status === 'rejected') {
    if (bot.status === 'fulfilled') await bot.value.stop();
    if (opened.status === 'fulfilled') await opened.value.close();
    throw opened.status === 'rejected' ? opened.reason : (bot as PromiseRejectedResult).reason;
  }
  const own = opened.value;
  const onHangup = () => {
    logger.info('SIGHUP: reloading the corpus');
    void own.reload();
  };
  process.on('SIGHUP', onHangup);
  return {
    client: bot.value.client,
    async stop() {
      process.off('SIGHUP', onHangup);
      await bot.value.stop();
      await own.close();
    },
  };
}
