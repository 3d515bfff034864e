/**
 * `npm run start:sharded`: the ShardingManager spawns one process per shard (each loads the desk and
 * starts the bot through src/discord/shard.ts) against the emulator, which recommends two shards.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ShardingManager } from 'discord.js';
import { startDiscordEmulator } from '../emulator/index.ts';
import type { DiscordEmulator } from '../emulator/index.ts';
import { withRedactedToken } from '../../src/runtime/env.ts';
import type { BotConfig } from '../../src/runtime/env.ts';
import { silentLogger } from '../../src/runtime/log.ts';
import { recommendedShardCount, startSharded, stopShards } from '../../src/discord/sharded.ts';
import { deployCommands } from '../../scripts/deploy-commands.ts';
import { finalMessage } from './support/harness.ts';
import { SEED_CORPUS_DIR } from '../support/seed-corpus.ts';

let emulator: DiscordEmulator;
let config: BotConfig;
let manager: ShardingManager | undefined;
const savedEnv = {
  DISCORD_API_URL: process.env['DISCORD_API_URL'],
  LOG_LEVEL: process.env['LOG_LEVEL'],
  STORY_DESK_CORPUS: process.env['STORY_DESK_CORPUS'],
};

beforeAll(async () => {
  emulator = await startDiscordEmulator({ shardCount: 2 });
  config = withRedactedToken({
    token: emulator.token,
    clientId: emulator.applicationId,
    guildId: emulator.guildId,
    apiUrl: emulator.apiUrl,
    logLevel: 'warn',
  });
  await deployCommands(config, { print: () => {} });
  // Shard processes read their configuration from the environment, like a deployment's.
  process.env['DISCORD_API_URL'] = emulator.apiUrl;
  process.env['LOG_LEVEL'] = 'warn';
  process.env['STORY_DESK_CORPUS'] = SEED_CORPUS_DIR;
});

afterAll(async () => {
  if (manager) stopShards(manager);
  for (const [name, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await emulator?.close();
});

it('asks Discord (here the emulator) how many shards to run', async () => {
  expect(await recommendedShardCount(config)).toBe(2);
});

it('runs one process per shard, and the shard holding the server answers its commands', async () => {
  manager = await startSharded(config, {}, { logger: silentLogger, spawnDelayMs: 0 });
  expect([...manager.shards.keys()]).toEqual([0, 1]);
  const pids = [...manager.shards.values()].map((shard) => shard.process?.pid);
  expect(new Set(pids).size).toBe(2);
  expect(pids.every((pid) => typeof pid === 'number' && pid !== process.pid)).toBe(true);
  expect(await manager.fetchClientValues('shard.ids')).toEqual([[0], [1]]);
  // Discord puts a server on shard (server id >> 22) % shard count; only that shard holds it.
  const guildCounts = (await manager.fetchClientValues('guilds.cache.size')) as number[];
  expect(guildCounts.reduce((sum, count) => sum + count, 0)).toBe(1);

  const user = emulator.addUser({ username: 'sharded' });
  const reply = await finalMessage(await emulator.sendCommand({ name: 'sources', options: {}, user }));
  expect((reply.embeds ?? []).length).toBeGreaterThan(1);
}, 120_000);

it("runs only this machine's shards when SHARD_LIST is set", async () => {
  if (manager) stopShards(manager);
  manager = await startSharded(config, { count: 2, list: [1] }, { logger: silentLogger, spawnDelayMs: 0 });
  expect([...manager.shards.keys()]).toEqual([1]);
  expect(await manager.fetchClientValues('shard.ids')).toEqual([[1]]);
  expect(await manager.fetchClientValues('shard.count')).toEqual([2]);
}, 120_000);
