/**
 * End to end: the bot as `npm start` runs it (startBotFromEnvironment: the desk in a worker thread,
 * watching its corpus) against the Discord emulator. A corpus change reaches answers without a
 * restart, a broken page is logged through the bot's logger, and the bot keeps answering.
 */
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { RunningBot } from '../../src/discord/bot.ts';
import { withRedactedToken } from '../../src/runtime/env.ts';
import { startBotFromEnvironment } from '../../src/discord/start.ts';
import { deployCommands } from '../../scripts/deploy-commands.ts';
import { type DiscordEmulator, startDiscordEmulator } from '../emulator/index.ts';
import { finalMessage, visibleTexts } from '../discord/support/harness.ts';
import { BROKEN_PAGE, NEW_ARTICLE, type TempCorpus, tempCorpus } from './support/temp-corpus.ts';

const VARIABLES = ['DISCORD_TOKEN', 'DISCORD_CLIENT_ID', 'DISCORD_GUILD_ID', 'DISCORD_API_URL', 'LOG_LEVEL'] as const;
const saved = Object.fromEntries(VARIABLES.map((name) => [name, process.env[name]]));

let emulator: DiscordEmulator;
let bot: RunningBot | undefined;
let temp: TempCorpus;
const logs: Record<string, unknown>[] = [];

beforeAll(async () => {
  temp = tempCorpus();
  emulator = await startDiscordEmulator();
  const config = withRedactedToken({
    token: emulator.token,
    clientId: emulator.applicationId,
    guildId: emulator.guildId,
    apiUrl: emulator.apiUrl,
    logLevel: 'info',
  });
  await deployCommands(config, { print: () => {} });
  Object.assign(process.env, {
    DISCORD_TOKEN: emulator.token,
    DISCORD_CLIENT_ID: emulator.applicationId,
    DISCORD_GUILD_ID: emulator.guildId,
    DISCORD_API_URL: emulator.apiUrl,
    LOG_LEVEL: 'info',
  });
  // The bot logs JSON lines to stdout.
  const write = process.stdout.write.bind(process.stdout);
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array, ...rest: unknown[]) => {
    for (const line of String(chunk).split('\n')) {
      if (line.startsWith('{"level"')) logs.push(JSON.parse(line) as Record<string, unknown>);
    }
    return write(chunk, ...(rest as []));
  });
  bot = await startBotFromEnvironment(undefined, { corpusDir: temp.corpusDir, cacheDir: temp.cacheDir });
}, 60_000);

afterAll(async () => {
  await bot?.stop();
  vi.restoreAllMocks();
  await emulator?.close();
  temp?.remove();
  for (const name of VARIABLES) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

const outletReply = async () => {
  const interaction = await emulator.sendCommand({
    name: 'outlet',
    options: { name: 'Harbour Gazette' },
    user: emulator.addUser({ username: `reader${Math.random()}` }),
  });
  return visibleTexts(await finalMessage(interaction)).join('\n');
};

it('answers from its worker, swaps in a changed corpus without a restart, and keeps answering through a broken page', async () => {
  expect(logs).toContainEqual(expect.objectContaining({ level: 'info', msg: 'desk ready', source: 'build', passages: 71 }));
  expect(await outletReply()).not.toContain('never asked to host');

  temp.addPage(NEW_ARTICLE.file, NEW_ARTICLE.text, NEW_ARTICLE.entry);
  process.emit('SIGHUP', 'SIGHUP');
  await vi.waitFor(() => expect(logs).toContainEqual(expect.objectContaining({ msg: 'corpus reloaded' })), {
    timeout: 20_000,
    interval: 100,
  });
  expect(await outletReply()).toContain('never asked to host');

  temp.addPage(BROKEN_PAGE.file, BROKEN_PAGE.bytes, BROKEN_PAGE.entry);
  process.emit('SIGHUP', 'SIGHUP');
  await vi.waitFor(
    () =>
      expect(logs).toContainEqual(
        expect.objectContaining({
          level: 'error',
          msg: 'corpus reload failed; still answering from the previous corpus',
          file: BROKEN_PAGE.file,
        }),
      ),
    { timeout: 20_000, interval: 100 },
  );
  expect(await outletReply()).toContain('never asked to host');
}, 60_000);
