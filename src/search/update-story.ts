/**
 * The story index for a changed corpus without rebuilding the full-text index: the passages that
 * went are removed from it and the new ones added (MiniSearch's own remove and add), every passage
 * kept moves to its new position; the lookup maps are then rebuilt, which is linear and quick.
 */
import type { Analysis } from '../analysis/types.ts';
import type { Corpus } from '../corpus/types.ts';
import { PassageIndex, type SearchDocument } from './passage-index.ts';
import { type StoryIndex, buildStoryIndex, searchDocuments } from './story-index.ts';

/** How the full-text index was brought up to date. */
export type TextIndexUpdate = 'updated' | 'rebuilt';

/**
 * The story index of `corpus` and `analysis`, made from `previous` (which must not answer afterwards:
 * its full-text index is changed in place). Rebuilds the full-text index only when new passages come
 * before kept ones (a page inserted in the middle of the manifest), where an update would order ties
 * differently from a rebuild.
 */
export function updateStoryIndex(previous: StoryIndex, corpus: Corpus, analysis: Analysis): { story: StoryIndex; text: TextIndexUpdate } {
  const before = searchDocuments(previous.corpus, previous.analysis);
  const after = searchDocuments(corpus, analysis);
  const newPositionById = new Map(corpus.passages.map((passage, position) => [passage.id, position]));
  const newPosition = new Int32Array(before.length).fill(-1);
  const keptNew = new Uint8Array(after.length);
  const removed: SearchDocument[] = [];
  previous.corpus.passages.forEach((passage, position) => {
    const at = newPositionById.get(passage.id);
    if (at !== undefined && sameDocument(before[position]!, after[at]!)) {
      newPosition[position] = at;
      keptNew[at] = 1;
    } else removed.push(before[position]!);
  });
  const added = after.filter((_, position) => keptNew[position] === 0);
  const updated = previous.text.changed(removed, newPosition, added, after);
  const text = updated ?? PassageIndex.build(after);
  return { story: buildStoryIndex(corpus, analysis, text), text: updated ? 'updated' : 'rebuilt' };
}

function sameDocument(a: SearchDocument, b: SearchDocument): boolean {
  return a.text === b.text && a.headline === b.headline && a.outlet === b.outlet && a.entities === b.entities;
}
