import type { FigureGroup } from '../search/story-index.ts';
import type { AnswerContext } from './context.ts';
import { citeSpan } from './cite.ts';
import { COVERAGE_FLOOR, answerSentences, coverageBound, coverageWeigher, readFocus } from './answering.ts';
import { findPassages } from './find-passages.ts';
import type { FigureComparison, Result } from './model.ts';
import type { CommandOutput } from './output.ts';
import { listOf, nothingMessage } from './output.ts';

/** /compare: each outlet's best passage on a topic, side by side, and the figures on which outlets differ. */
export function compare(context: AnswerContext, options: { topic: string }): CommandOutput {
  const { story } = context;
  const found = findPassages(context, options.topic);
  if (found.kind === 'no-terms') {
    return { status: 'invalid', message: 'Give a topic with some words about the story, e.g. "small boat crossings".', results: [] };
  }
  if (found.kind === 'nothing') return { status: 'empty', message: nothingMessage(found.missing), results: [] };

  // An outlet counts only with a passage on the topic: one whose sentences hold the topic's focus words
  // (see answering.ts); each outlet's best such passage, shown as those sentences.
  const focus = readFocus(context, options.topic);
  const candidates = new Map<string, { hit: (typeof found.passages)[number]; from: number; to: number; coverage: number }>();
  // Reading a passage's sentences is what costs (hundreds of found passages at 100,000): a passage is
  // read only when its coverage bound (from the index) could change the answer, so the answer is the same.
  const weight = coverageWeigher(story, focus);
  for (const hit of found.passages) {
    const outlet = story.articleById.get(hit.passage.articleId)!.outlet;
    const known = candidates.get(outlet);
    const bound = coverageBound(context, hit, focus, weight);
    // Only a better coverage replaces an outlet's passage.
    if (known && bound <= known.coverage) continue;
    const span = answerSentences(context, hit, 'other', focus, { weight });
    if (span && (!known || span.coverage > known.coverage)) candidates.set(outlet, { hit, ...span });
  }
  // As /ask's floor: an outlet whose best passage covers the topic far less well than the best one's does not speak to it.
  const bestCoverage = Math.max(0, ...[...candidates.values()].map((candidate) => candidate.coverage));
  const bestByOutlet = new Map<string, Result>();
  for (const [outlet, { hit, from, to, coverage }] of candidates) {
    if (coverage >= bestCoverage * COVERAGE_FLOOR) bestByOutlet.set(outlet, citeSpan(story, hit.passage, from, to, hit.highlights));
  }
  if (bestByOutlet.size === 0) return { status: 'empty', message: nothingMessage([]), results: [] };
  const relevant = new Set([...bestByOutlet.values()].map((result) => result.passageId!));
  const outlets = story.outlets;
  const silent = outlets.filter((outlet) => !bestByOutlet.has(outlet));
  const figures = differingFigures(story.figureGroups, relevant, new Set(focus.all));
  const results = [...bestByOutlet.values()];
  return {
    status: 'ok',
    message: `${results.length} of ${outlets.length} outlets on "${options.topic}"${figures.length > 0 ? ', with figures that differ' : ''}.`,
    results,
    notes: silent.length > 0 ? [`Nothing on this from ${listOf(silent)}.`] : [],
    figures,
  };
}

/**
 * Figures counting the same thing, on the topic, where outlets give different values (the groups are
 * formed once, in the story index). On the topic: what they count holds half the topic's words, or
 * some of them and every figure of the group stands in a passage shown on the topic ("small-boat
 * arrivals this year" is not "Western Balkans migrants last year", though both say "year").
 */
function differingFigures(
  groups: readonly FigureGroup[],
  relevantPassages: ReadonlySet<string>,
  topicTerms: ReadonlySet<string>,
): FigureComparison[] {
  const comparisons: FigureComparison[] = [];
  for (const { counts, figures, countTerms } of groups) {
    const shared = countTerms.filter((term) => topicTerms.has(term)).length;
    const onTopic = shared * 2 >= topicTerms.size || (shared > 0 && figures.every((figure) => relevantPassages.has(figure.passageId)));
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
