import { CorpusError } from '../corpus/errors.ts';
import { discordApiUrlSetting } from '../runtime/env.ts';

/**
 * Errors whose message already says what is wrong and how to fix it: a broken corpus file, gazetteer,
 * configuration variable or command file. They are printed as they are, without a stack trace.
 * Matched by name so that this module needs neither front end.
 */
const EXPLAINED_ERRORS = new Map([
  ['CorpusError', 'story-desk cannot load its corpus.'],
  ['GazetteerError', 'story-desk cannot load its gazetteer.'],
  ['ConfigError', 'story-desk cannot start the Discord bot.'],
  ['CommandLoadError', 'story-desk cannot load its slash commands.'],
]);

/** Network failures that mean Discord (or DISCORD_API_URL) cannot be reached at all. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH']);

/** Prints why story-desk could not start, as the user can fix it; returns the exit code. */
export function reportStartupError(error: unknown): number {
  const name = error instanceof CorpusError ? 'CorpusError' : error instanceof Error ? error.name : '';
  const heading = EXPLAINED_ERRORS.get(name);
  const code = networkCode(error);
  if (heading && error instanceof Error) {
    console.error(`${heading}\n${error.message}`);
  } else if (code) {
    const apiUrl = discordApiUrlSetting();
    const where = apiUrl ? `DISCORD_API_URL (${apiUrl})` : 'Discord';
    console.error(`story-desk cannot reach ${where}: ${code}. Check the network, or unset DISCORD_API_URL to use discord.com.`);
  } else {
    console.error('story-desk failed to start:', error);
  }
  return 1;
}

function networkCode(error: unknown): string | undefined {
  // fetch wraps the system error: the code may sit on the error or on its cause.
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 4; current = current.cause, depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && UNREACHABLE.has(code)) return code;
  }
  return undefined;
}
