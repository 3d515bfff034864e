/**
 * One shard's process, spawned by src/discord/sharded.ts (ShardingManager). discord.js passes the
 * shard id and count in the environment (SHARDS, SHARD_COUNT) and the Client picks them up itself.
 */
import { createLogger } from '../runtime/log.ts';
import { startBotFromEnvironment } from './start.ts';

try {
  // The bot opens its desk in a worker thread (see start.ts).
  await startBotFromEnvironment();
} catch (error) {
  // A default logger: the environment itself may be what is wrong. Config errors name variables, not
  // values, and the logger scrubs anything shaped like a token.
  createLogger().fatal({ error }, 'shard failed to start');
  process.exit(1);
}
