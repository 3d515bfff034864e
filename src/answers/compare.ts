import type { FigureGroup } from '../search/story-index.ts';
import type { AnswerContext } from './context.ts';
import { citePassage } from './cite.ts';
import { findPassages } from './find-passages.ts';
import type { FigureComparison, Result } from './model.ts';
import type { CommandOutput } from './output.ts';
import { listOf, nothingMessage } from './output.ts';
import { termsOf } from '../search/terms.ts';

/** /compare: each outlet's best passage on a topic, side by side, and the figures on which outlets differ. */
export function compare(context: AnswerContext, options: { topic: string }): CommandOutput {
  const { story } = context;
  const found = findPassages(context, options.topic);
  if (found.kind === 'no-terms') {
    return { status: 'invalid', message: 'Give a topic with some words about the story, e.g. "small boat crossings".', results: [] };
  }
  if (found.kind === 'nothing') return { status: 'empty', message: nothingMessage(found.missing), results: [] };

  const bestByOutlet = new Map<string, Result>();
  for (const hit of found.passages) {
    const outlet = story.articleById.get(hit.passage.articleId)!.outlet;
    if (!bestByOutlet.has(outlet)) bestByOutlet.set(outlet, citePassage(story, hit.passage, hit.highlights));
  }
  // Figures are on the topic when a shown passage prints them or what they count shares the topic's words.
  const relevant = new Set([...bestByOutlet.values()].map((result) => result.passageId!));
  const outlets = story.outlets;
  const silent = outlets.filter((outlet) => !bestByOutlet.has(outlet));
  const figures = differingFigures(story.figureGroups, relevant, new Set(termsOf(options.topic)));
  const results = [...bestByOutlet.values()];
  return {
    status: 'ok',
    message: `${results.length} of ${outlets.length} outlets on "${options.topic}"${figures.length > 0 ? ', with figures that differ' : ''}.`,
    results,
    notes: silent.length > 0 ? [`Nothing on this from ${listOf(silent)}.`] : [],
    figures,
  };
}

/** Figures counting the same thing, on the topic, where outlets give different values (the groups are formed once, in the story index). */
function differingFigures(
  groups: readonly FigureGroup[],
  relevantPassages: ReadonlySet<string>,
  topicTerms: ReadonlySet<string>,
): FigureComparison[] {
  const comparisons: FigureComparison[] = [];
  for (const { counts, figures, countTerms } of groups) {
    const onTopic = figures.some((figure) => relevantPassages.has(figure.passageId)) || countTerms.some((term) => topicTerms.has(term));
    if (!onTopic) continue;
    comparisons.push({
      counts,
      values: figures.map((figure) => ({
        outlet: figure.outlet,
        articleId: figure.articleId,
        printed: figure.printed,
        value: figure.value,
        passageId: figure.passageId,
      })),
    });
  }
  return comparisons;
}
