/**
 * One shard's process, spawned by src/discord/sharded.ts (ShardingManager). discord.js passes the
 * shard id and count in the environment (SHARDS, SHARD_COUNT) and the Client picks them up itself.
 */
import { redact } from './log.ts';
import { startBotFromEnvironment } from './start.ts';

try {
  // The bot opens its desk in a worker thread (see start.ts).
  await startBotFromEnvironment();
} catch (error) {
  // The token never reaches this message: config errors name variables, not values.
  process.stderr.write(
    redact(`Shard ${process.env['SHARDS'] ?? '?'} failed to start: ${error instanceof Error ? error.message : String(error)}\n`, [
      process.env['DISCORD_TOKEN'] ?? '',
    ]),
  );
  process.exit(1);
}
