/** Where the front ends find the corpus: `STORY_DESK_CORPUS` when set, else `corpus/` under the working directory. */
import path from 'node:path';

export const DEFAULT_CORPUS_DIR = 'corpus';

/** The corpus folder named by the environment, resolved to an absolute path. */
export function corpusDirFromEnvironment(env: NodeJS.ProcessEnv = process.env): string {
  const named = env['STORY_DESK_CORPUS']?.trim();
  return path.resolve(named ? named : DEFAULT_CORPUS_DIR);
}
