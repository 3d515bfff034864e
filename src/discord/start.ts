import type { Desk } from '../answers/desk.ts';
import { startBot } from './bot.ts';
import type { RunningBot } from './bot.ts';
import { loadConfig, loadDotenv } from './config.ts';

/**
 * `npm start` with DISCORD_TOKEN set (src/main.ts) and each shard process: reads and checks the
 * configuration (a bad variable throws ConfigError naming it) and starts the bot.
 */
export async function startBotFromEnvironment(desk: Desk): Promise<RunningBot> {
  loadDotenv();
  return startBot(loadConfig(process.env), desk);
}
