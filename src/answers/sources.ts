import type { AnswerContext } from './context.ts';
import { articleSource } from './cite.ts';
import type { Result } from './model.ts';
import type { CommandOutput } from './output.ts';
import type { StoryIndex } from '../search/story-index.ts';

/** /sources: every article the bot has read, with its outlet, where it was read, link and date. */
export function sources(context: AnswerContext): CommandOutput {
  const results = sourcesOf(context.story);
  return { status: 'ok', message: `${results.length} articles from ${context.story.outlets.length} outlets.`, results: [...results] };
}

// The list depends on the corpus alone and runs to thousands of articles: made once per story, frozen
// so that no answer can change what the next one shows.
const sourcesByStory = new WeakMap<StoryIndex, readonly Result[]>();

function sourcesOf(story: StoryIndex): readonly Result[] {
  let results = sourcesByStory.get(story);
  if (!results) {
    results = Object.freeze(
      story.corpus.articles.map((article) =>
        Object.freeze({
          ...articleSource(article),
          passageId: null,
          snippet: story.passagesByArticle.get(article.id)?.[0]?.text ?? '',
          highlights: Object.freeze([]) as unknown as [number, number][],
          alsoIn: Object.freeze([]) as unknown as Result['alsoIn'],
          ...(article.truncated ? { label: 'Page cut off: its opening is lost' } : {}),
        }),
      ),
    );
    sourcesByStory.set(story, results);
  }
  return results;
}
