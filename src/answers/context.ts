import type { Gazetteer } from '../analysis/gazetteer.ts';
import type { StoryIndex } from '../search/story-index.ts';
import { buildNameIndex, type NameIndex } from './names.ts';

/** What every command's answer function reads. Built once per corpus; commands never rebuild it. */
export interface AnswerContext {
  story: StoryIndex;
  gazetteer: Gazetteer;
  names: NameIndex;
}

export function createAnswerContext(story: StoryIndex, gazetteer: Gazetteer): AnswerContext {
  return { story, gazetteer, names: buildNameIndex(story, gazetteer) };
}
