/**
 * `npm run start:sharded`: runs the bot under discord.js's ShardingManager, one process per shard.
 * Discord requires sharding from 2,500 servers. SHARD_COUNT sets the total (default: Discord's
 * recommendation) and SHARD_LIST the shards this machine runs (default: all), so a bot can be spread
 * over several machines that share one SHARD_COUNT.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { REST, Routes, ShardingManager } from 'discord.js';
import type { RESTGetAPIGatewayBotResult } from 'discord.js';
import { loadConfig, loadDotenv, loadShardingConfig } from '../runtime/env.ts';
import type { BotConfig, ShardingConfig } from '../runtime/env.ts';
import { createLogger, loggerFromEnvironment } from '../runtime/log.ts';
import type { Logger } from '../runtime/log.ts';

export const SHARD_ENTRY = fileURLToPath(new URL('./shard.ts', import.meta.url));

/** Discord's recommended shard count for this bot, from GET /gateway/bot (through DISCORD_API_URL when set). */
export async function recommendedShardCount(config: BotConfig): Promise<number> {
  const rest = new REST(config.apiUrl === undefined ? {} : { api: config.apiUrl }).setToken(config.token);
  const gateway = (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
  return Math.max(1, gateway.shards);
}

export interface ShardedOptions {
  logger?: Logger;
  /** The script each shard runs; src/discord/shard.ts by default. */
  entry?: string;
  /** Wait between spawning shards; Discord allows one identify per 5 s per bucket. */
  spawnDelayMs?: number;
}

export async function startSharded(config: BotConfig, sharding: ShardingConfig, options: ShardedOptions = {}): Promise<ShardingManager> {
  const logger = options.logger ?? createLogger({ level: config.logLevel, secrets: [config.token] });
  const totalShards = sharding.count ?? (await recommendedShardCount(config));
  const shardList = sharding.list ?? [...Array(totalShards).keys()];
  const manager = new ShardingManager(options.entry ?? SHARD_ENTRY, {
    token: config.token,
    totalShards,
    shardList,
    mode: 'process',
    respawn: true,
    // Shards are TypeScript too: load them through tsx (resolved from the working directory, the repository).
    execArgv: ['--import', 'tsx'],
  });
  manager.on('shardCreate', (shard) => {
    logger.info({ shard: shard.id, of: totalShards }, 'shard spawned');
    shard.on('death', () => logger.warn({ shard: shard.id }, 'shard exited'));
  });
  logger.info({ totalShards, shardList }, 'starting shards');
  await manager.spawn({ amount: totalShards, delay: options.spawnDelayMs ?? 5_500, timeout: 60_000 });
  return manager;
}

/** Stops respawning and ends every shard process. */
export function stopShards(manager: ShardingManager): void {
  manager.respawn = false;
  for (const shard of manager.shards.values()) shard.kill();
}

async function main(): Promise<void> {
  loadDotenv();
  const config = loadConfig();
  const logger = loggerFromEnvironment({ secrets: [config.token] });
  const manager = await startSharded(config, loadShardingConfig(), { logger });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      stopShards(manager);
      process.exit(0);
    });
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    // A default logger: the environment itself may be what is wrong. It scrubs anything shaped like a token.
    createLogger().fatal({ error }, 'start:sharded failed');
    process.exit(1);
  });
}
