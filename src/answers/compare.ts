import type { Figure } from '../analysis/types.ts';
import { YEAR_COUNTS } from '../analysis/figures.ts';
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
  const relevant = new Set<string>();
  for (const hit of found.passages) {
    relevant.add(hit.passage.id);
    const outlet = story.articleById.get(hit.passage.articleId)!.outlet;
    if (!bestByOutlet.has(outlet)) bestByOutlet.set(outlet, citePassage(story, hit.passage, hit.highlights));
  }
  const outlets = [...new Set(story.corpus.articles.map((article) => article.outlet))];
  const silent = outlets.filter((outlet) => !bestByOutlet.has(outlet));
  const figures = differingFigures(story.analysis.figures, relevant, new Set(termsOf(options.topic)));
  const results = [...bestByOutlet.values()];
  return {
    status: 'ok',
    message: `${results.length} of ${outlets.length} outlets on "${options.topic}"${figures.length > 0 ? ', with figures that differ' : ''}.`,
    results,
    notes: silent.length > 0 ? [`Nothing on this from ${listOf(silent)}.`] : [],
    figures,
  };
}

/** Figures counting the same thing, on the topic, where outlets give different values. */
function differingFigures(all: Figure[], relevantPassages: ReadonlySet<string>, topicTerms: ReadonlySet<string>): FigureComparison[] {
  const byCounts = new Map<string, Figure[]>();
  for (const figure of all) byCounts.set(figure.counts, [...(byCounts.get(figure.counts) ?? []), figure]);
  const comparisons: FigureComparison[] = [];
  for (const [counts, figures] of byCounts) {
    // Years date events; they do not count anything that outlets could disagree on.
    if (counts === YEAR_COUNTS) continue;
    const onTopic = figures.some((figure) => relevantPassages.has(figure.passageId)) || termsOf(counts).some((term) => topicTerms.has(term));
    if (!onTopic) continue;
    const outlets = new Set(figures.map((figure) => figure.outlet));
    const values = new Set(figures.map((figure) => figure.value));
    if (outlets.size < 2 || values.size < 2) continue;
    comparisons.push({
      counts,
      values: figures.map((figure) => ({ outlet: figure.outlet, articleId: figure.articleId, printed: figure.printed, value: figure.value, passageId: figure.passageId })),
    });
  }
  return comparisons;
}
