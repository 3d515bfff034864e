import type { AnswerContext } from './context.ts';
import { articleSource } from './cite.ts';
import type { Result } from './model.ts';
import type { CommandOutput } from './output.ts';

/** /sources: every article the bot has read, with its outlet, where it was read, link and date. */
export function sources(context: AnswerContext): CommandOutput {
  const { story } = context;
  const leads = new Map<string, string>();
  for (const passage of story.corpus.passages) if (!leads.has(passage.articleId)) leads.set(passage.articleId, passage.text);
  const results: Result[] = story.corpus.articles.map((article) => ({
    ...articleSource(article),
    passageId: null,
    snippet: leads.get(article.id) ?? '',
    highlights: [],
    alsoIn: [],
    ...(article.truncated ? { label: 'Page cut off: its opening is lost' } : {}),
  }));
  const outlets = new Set(story.corpus.articles.map((article) => article.outlet)).size;
  return { status: 'ok', message: `${results.length} articles from ${outlets} outlets.`, results };
}
