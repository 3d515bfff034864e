/**
 * Applying a corpus change (an article added or removed, e.g. by `npm run corpus -- add`) to a live
 * desk without rebuilding it: the corpus folder is read again (cleaning and splitting only the pages
 * that changed), the analysis is updated article by article (src/analysis/update.ts) and the
 * full-text index by MiniSearch's own remove and add (src/search/update-story.ts). The result is what a rebuild of the new corpus would answer. The
 * snapshot for the new corpus is written afterwards (saveSnapshot), once answers are flowing again.
 */
import path from 'node:path';
import { createAnswerContext } from '../answers/context.ts';
import { updateAnalysis } from '../analysis/update.ts';
import { loadCorpus } from '../corpus/load.ts';
import { updateStoryIndex } from '../search/update-story.ts';
import { writeSnapshot } from '../search/snapshot.ts';
import { exclusivePositions } from '../search/story-index.ts';
import type { DeskInfo, LiveStory } from './load-context.ts';
import { GAZETTEER_FILE, readGazetteerBytes, snapshotKey } from './snapshot-key.ts';

export type CorpusChangeOutcome =
  | { status: 'updated'; live: LiveStory; added: string[]; removed: string[] }
  | { status: 'unchanged' }
  /** The change is not one an update can apply (the gazetteer changed): open the corpus afresh. */
  | { status: 'rebuild'; why: string };

/**
 * The live story updated for the corpus folder as it now is. `live` stays usable until the caller
 * swaps in the result, except for its full-text index, which the update changes in place: the
 * caller must not answer from `live` once this resolves. Throws the corpus's error (a CorpusError)
 * on a bad corpus before anything is changed.
 */
export async function applyCorpusChange(live: LiveStory, corpusDir: string): Promise<CorpusChangeOutcome> {
  const started = performance.now();
  const gazetteerBytes = await readGazetteerBytes(path.join(corpusDir, GAZETTEER_FILE));
  if (!gazetteerBytes.equals(live.gazetteerBytes)) return { status: 'rebuild', why: 'the gazetteer changed' };
  const corpus = await loadCorpus(corpusDir, live.readings);
  if (corpus.hash === live.analysis.corpus.hash) return { status: 'unchanged' };
  const gazetteer = live.context.gazetteer;
  const { state, change } = updateAnalysis(live.analysis, corpus, gazetteer);
  let updated: ReturnType<typeof updateStoryIndex>;
  try {
    updated = updateStoryIndex(live.context.story, corpus, state.analysis);
  } catch (error) {
    // The old index may be half changed: the desk must open the corpus afresh.
    return { status: 'rebuild', why: `the full-text index could not be updated (${(error as Error).message})` };
  }
  const { story, text } = updated;
  const context = createAnswerContext(story, gazetteer);
  const totalMs = performance.now() - started;
  const info: DeskInfo = {
    ...live.info,
    key: await snapshotKey(corpus.hash, gazetteerBytes),
    corpusHash: corpus.hash,
    articles: corpus.articles.length,
    passages: corpus.passages.length,
    source: text === 'updated' ? 'update' : 'build',
    timings: { keyMs: 0, buildMs: totalMs, totalMs },
  };
  delete info.snapshotBytes;
  delete info.snapshotProblem;
  return { status: 'updated', live: { ...live, context, analysis: state, info }, added: change.added, removed: change.removed };
}

/** Writes the live story's snapshot (so that the next start loads it); returns its size in bytes. */
export function saveSnapshot(live: LiveStory, cacheDir: string): Promise<number> {
  const { story } = live.context;
  return writeSnapshot(cacheDir, live.info.key, {
    corpus: story.corpus,
    analysis: story.analysis,
    gazetteer: live.gazetteerData,
    index: story.text,
    exclusives: exclusivePositions(story),
  });
}
