import type { AnswerContext } from './context.ts';
import { citePassage, withoutRepeats } from './cite.ts';
import { findPassages } from './find-passages.ts';
import { ASK_MAX_RESULTS } from './limits.ts';
import type { CommandOutput } from './output.ts';
import { nothingMessage } from './output.ts';

/** /ask: the best passages for a free question, best first, one per alike group. */
export function ask(context: AnswerContext, options: { question: string }): CommandOutput {
  const found = findPassages(context, options.question);
  if (found.kind === 'no-terms') {
    return { status: 'invalid', message: 'Ask with some words about the story, e.g. "who ruled out hosting a hub?".', results: [] };
  }
  if (found.kind === 'nothing') return { status: 'empty', message: nothingMessage(found.missing), results: [] };
  const best = withoutRepeats(found.passages, (hit) => hit.passage.id, context.story).slice(0, ASK_MAX_RESULTS);
  const results = best.map((hit) => citePassage(context.story, hit.passage, hit.highlights));
  return { status: 'ok', message: `${results.length} passage${results.length === 1 ? '' : 's'} from the coverage, best first.`, results };
}
