import type { AnswerContext } from './context.ts';
import { citePassage } from './cite.ts';
import { OUTLET_MAX_EXCLUSIVES } from './limits.ts';
import type { Result } from './model.ts';
import type { CommandOutput } from './output.ts';
import { closestMatch, listOf, nearestName } from './output.ts';

/** /outlet: an outlet's article(s), each with its lead, then what it reports that no other outlet does. */
export function outlet(context: AnswerContext, options: { name: string }): CommandOutput {
  const { story } = context;
  const outlets = story.outlets;
  // A site that carries several outlets (an aggregator) names none of them.
  const candidates = context.names.exactMatches('outlet', options.name);
  if (candidates.length > 1) {
    return {
      status: 'invalid',
      message: `"${options.name}" carries several outlets: ${listOf(candidates.map((candidate) => candidate.name))}. Name one.`,
      results: [],
    };
  }
  const resolved = context.names.resolve('outlet', options.name);
  if (!resolved) {
    const nearest = nearestName(context.names.nearest('outlet', options.name)?.name);
    return {
      status: 'empty',
      message: `No outlet called "${options.name}" in the coverage.${nearest} Outlets: ${listOf(outlets)}.`,
      results: [],
    };
  }
  const { target } = resolved;
  const articles = story.articlesByOutlet.get(target.key) ?? [];
  const results: Result[] = [];
  for (const article of articles) {
    const lead = story.passagesByArticle.get(article.id)?.[0];
    if (lead) results.push(citePassage(story, lead, [], { label: 'Lead' }));
  }
  for (const passage of (story.exclusivesByOutlet.get(target.key) ?? []).slice(0, OUTLET_MAX_EXCLUSIVES)) {
    results.push(citePassage(story, passage, [], { label: `Only in ${target.name}` }));
  }
  const count = articles.length;
  return {
    status: 'ok',
    message: `${closestMatch(options.name, target.name, resolved.exact)}${target.name}: ${count} article${count === 1 ? '' : 's'} in the coverage.`,
    results,
    notes: results.some((result) => result.label?.startsWith('Only'))
      ? []
      : [`Everything ${target.name} reports is reported by other outlets too.`],
  };
}
