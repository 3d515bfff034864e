import { CorpusError } from '../corpus/errors.ts';

/** Prints why the desk could not start, as the user can fix it; returns the exit code. */
export function reportStartupError(error: unknown): number {
  if (error instanceof CorpusError) {
    console.error(`story-desk cannot load its corpus.\n${error.message}`);
    return 1;
  }
  if (error instanceof Error && error.name === 'GazetteerError') {
    console.error(`story-desk cannot load its gazetteer.\n${error.message}`);
    return 1;
  }
  console.error('story-desk failed to start:', error);
  return 1;
}
