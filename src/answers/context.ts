import { type Gazetteer, withEntities } from '../analysis/gazetteer.ts';
import type { StoryIndex } from '../search/story-index.ts';
import { buildNameIndex, type NameIndex } from './names.ts';

/** What every command's answer function reads. Built once per corpus; commands never rebuild it. */
export interface AnswerContext {
  story: StoryIndex;
  gazetteer: Gazetteer;
  names: NameIndex;
}

/** The context for a story: its gazetteer knows every entity of the analysis, curated, discovered or from world data. */
export function createAnswerContext(story: StoryIndex, gazetteer: Gazetteer): AnswerContext {
  const knowledge = withEntities(gazetteer, story.analysis.entities);
  return { story, gazetteer: knowledge, names: buildNameIndex(story, knowledge) };
}
