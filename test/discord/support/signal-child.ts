/**
 * A bot process for the shutdown test: the emulator and the real bot in one process, with the
 * bot's own SIGINT/SIGTERM handling switched on. Its JSON log lines go to stdout.
 */
import { startDesk } from '../../../src/desk/start-desk.ts';
import { startBot } from '../../../src/discord/bot.ts';
import { withRedactedToken } from '../../../src/runtime/env.ts';
import { startDiscordEmulator } from '../../emulator/index.ts';
import { SEED_CORPUS_DIR } from '../../support/seed-corpus.ts';

const emulator = await startDiscordEmulator();
const config = withRedactedToken({ token: emulator.token, apiUrl: emulator.apiUrl, logLevel: 'info' });
await startBot(config, await startDesk({ corpusDir: SEED_CORPUS_DIR }));
