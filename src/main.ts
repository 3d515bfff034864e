/**
 * `npm start`: the Discord bot when DISCORD_TOKEN is set, otherwise the local console, so a fresh
 * clone answers questions with no Discord account and no .env.
 */
import { corpusDirFromEnvironment, discordTokenSet, loadDotenv } from './runtime/env.ts';
import { startConsole } from './console/start.ts';
import { reportStartupError } from './console/startup-error.ts';

loadDotenv();

async function main(): Promise<void> {
  if (discordTokenSet()) {
    // The bot opens its desk in a worker thread, off the gateway's thread.
    const { startBotFromEnvironment } = await import('./discord/start.ts');
    await startBotFromEnvironment();
    return;
  }
  await startConsole({ corpusDir: corpusDirFromEnvironment() });
}

main().catch((error: unknown) => {
  process.exitCode = reportStartupError(error);
});
