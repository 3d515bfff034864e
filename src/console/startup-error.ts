import { CorpusError } from '../corpus/errors.ts';

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

/** Prints why story-desk could not start, as the user can fix it; returns the exit code. */
export function reportStartupError(error: unknown): number {
  const name = error instanceof CorpusError ? 'CorpusError' : error instanceof Error ? error.name : '';
  const heading = EXPLAINED_ERRORS.get(name);
  if (heading && error instanceof Error) {
    console.error(`${heading}\n${error.message}`);
  } else {
    console.error('story-desk failed to start:', error);
  }
  return 1;
}
