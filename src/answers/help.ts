import { commandDefinitions } from './commands.ts';
import type { AnswerContext } from './context.ts';
import type { CommandOutput } from './output.ts';

/** /help: what the bot is and how to use each command. */
export function help(context: AnswerContext): CommandOutput {
  const articles = context.story.corpus.articles.length;
  const outlets = new Set(context.story.corpus.articles.map((article) => article.outlet)).size;
  return {
    status: 'ok',
    message: `story-desk answers from ${articles} articles by ${outlets} outlets; every snippet is cited to the outlet that printed it.`,
    results: [],
    notes: commandDefinitions.map((command) => `${command.usage}: ${command.description}`),
  };
}
