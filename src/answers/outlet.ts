import type { Passage } from '../corpus/types.ts';
import type { AnswerContext } from './context.ts';
import { citePassage } from './cite.ts';
import { OUTLET_MAX_EXCLUSIVES } from './limits.ts';
import type { Result } from './model.ts';
import type { CommandOutput } from './output.ts';
import { closestMatch, listOf } from './output.ts';
import { termsOf } from '../search/terms.ts';

/** /outlet: an outlet's article(s), each with its lead, then what it reports that no other outlet does. */
export function outlet(context: AnswerContext, options: { name: string }): CommandOutput {
  const { story } = context;
  const outlets = [...new Set(story.corpus.articles.map((article) => article.outlet))];
  // A site that carries several outlets (an aggregator) names none of them.
  const candidates = context.names.exactMatches('outlet', options.name);
  if (candidates.length > 1) {
    return { status: 'invalid', message: `"${options.name}" carries several outlets: ${listOf(candidates.map((candidate) => candidate.name))}. Name one.`, results: [] };
  }
  const resolved = context.names.resolve('outlet', options.name);
  if (!resolved) {
    return { status: 'invalid', message: `No outlet called "${options.name}" in the coverage. Outlets: ${listOf(outlets)}.`, results: [] };
  }
  const { target } = resolved;
  const articles = story.corpus.articles.filter((article) => article.outlet === target.key);
  const results: Result[] = [];
  for (const article of articles) {
    const passages = story.corpus.passages.filter((passage) => passage.articleId === article.id);
    const lead = passages[0];
    if (lead) results.push(citePassage(story, lead, [], { label: 'Lead' }));
  }
  for (const passage of exclusives(context, target.key).slice(0, OUTLET_MAX_EXCLUSIVES)) {
    results.push(citePassage(story, passage, [], { label: `Only in ${target.name}` }));
  }
  const count = articles.length;
  return {
    status: 'ok',
    message: `${closestMatch(options.name, target.name, resolved.exact)}${target.name}: ${count} article${count === 1 ? '' : 's'} in the coverage.`,
    results,
    notes: results.some((result) => result.label?.startsWith('Only')) ? [] : [`Everything ${target.name} reports is reported by other outlets too.`],
  };
}

/**
 * Passages only this outlet carries: in no alike group with another outlet, and with at least two
 * content words no other outlet uses, ranked by how many such words they hold.
 */
function exclusives(context: AnswerContext, outletName: string): Passage[] {
  const { story } = context;
  const outletOf = (passage: Passage) => story.articleById.get(passage.articleId)!.outlet;
  const termsElsewhere = new Set<string>();
  for (const passage of story.corpus.passages) {
    if (outletOf(passage) !== outletName) for (const term of termsOf(passage.text)) termsElsewhere.add(term);
  }
  const scored: { passage: Passage; distinct: number }[] = [];
  for (const passage of story.corpus.passages) {
    if (outletOf(passage) !== outletName || passage.index === 0) continue;
    const group = story.groupOf.get(passage.id);
    if (group && group.members.some((member) => story.passageById.get(member) && outletOf(story.passageById.get(member)!) !== outletName)) continue;
    const distinct = new Set(termsOf(passage.text).filter((term) => !termsElsewhere.has(term))).size;
    if (distinct >= 2) scored.push({ passage, distinct });
  }
  return scored.sort((a, b) => b.distinct - a.distinct || a.passage.index - b.passage.index).map((entry) => entry.passage);
}
