import type { Gazetteer } from '../analysis/gazetteer.ts';
import type { StoryIndex } from '../search/story-index.ts';
import type { NameIndex } from './names.ts';

/** What every command's answer function reads. Built once per corpus; commands never rebuild it. */
export interface AnswerContext {
  story: StoryIndex;
  gazetteer: Gazetteer;
  names: NameIndex;
}
