import path from 'node:path';
import { loadCorpus } from '../corpus/index.ts';
import { loadGazetteer } from '../analysis/gazetteer.ts';
import { analyze } from '../analysis/index.ts';
import { buildStoryIndex } from '../search/story-index.ts';
import { createDesk } from './create-desk.ts';
import type { Desk } from './desk.ts';

export type { Desk, AnswerRequest } from './desk.ts';
export type { Answer, Result, Choice } from './model.ts';
export { createDesk } from './create-desk.ts';

export interface LoadDeskOptions {
  /** The corpus folder: pages, sources.json, gazetteer.json. Default: `corpus` under the working directory. */
  corpusDir?: string;
}

/** Reads the corpus and builds everything the answers need: corpus -> analysis -> search -> desk. */
export async function loadDesk(options: LoadDeskOptions = {}): Promise<Desk> {
  const corpusDir = path.resolve(options.corpusDir ?? 'corpus');
  const corpus = await loadCorpus(corpusDir);
  const gazetteer = loadGazetteer(path.join(corpusDir, 'gazetteer.json'));
  const analysis = analyze(corpus, gazetteer);
  return createDesk(buildStoryIndex(corpus, analysis), gazetteer);
}
