import { placesOf } from '../analysis/entities.ts';
import type { AnswerContext } from './context.ts';
import { citePassage } from './cite.ts';
import { findPassages } from './find-passages.ts';
import type { CommandOutput } from './output.ts';
import { closestMatch, listOf, nearestName, nothingMessage } from './output.ts';
import type { Result } from './model.ts';

/** /country: what each outlet says about a place (its best passage), and which outlets do not mention it. */
export function country(context: AnswerContext, options: { name: string }): CommandOutput {
  const { story } = context;
  const resolved = context.names.resolve('place', options.name);
  if (!resolved) return unknownPlace(context, options.name);
  const { target } = resolved;
  const prefix = closestMatch(options.name, target.name, resolved.exact);

  const { standsFor, bestByOutlet } = coverageOf(context, target.key);
  const outlets = story.outlets;
  const silent = outlets.filter((outlet) => !bestByOutlet.has(outlet));
  const ranked = [...bestByOutlet.entries()].sort((a, b) => b[1].total - a[1].total);
  const results: Result[] = ranked.map(([, best]) => {
    const passage = story.corpus.passages[best.position]!;
    const highlights = (story.mentionsByPassage.get(passage.id) ?? [])
      .filter((mention) => standsFor.has(mention.entityId))
      .map((mention): [number, number] => [mention.start, mention.end]);
    return citePassage(story, passage, highlights);
  });
  if (results.length === 0) {
    return { status: 'empty', message: `${prefix}No outlet in the coverage mentions ${target.name}.`, results: [] };
  }
  return {
    status: 'ok',
    message: `${prefix}${target.name}: mentioned by ${results.length} of ${outlets.length} outlets.`,
    results,
    notes: silent.length > 0 ? [`Not mentioned by ${listOf(silent)}.`] : [`Every outlet mentions ${target.name}.`],
  };
}

function unknownPlace(context: AnswerContext, name: string): CommandOutput {
  const other = context.names.exactAnywhere(name).find((target) => target.source !== 'place');
  if (other) {
    const hint = other.source === 'outlet' ? `/outlet name:${other.name}` : `/quote who:${other.name}`;
    return {
      status: 'empty',
      message: `"${name}" is ${other.source === 'outlet' ? 'an outlet' : 'a person or organisation'}, not a place: try ${hint}.`,
      results: [],
    };
  }
  // A place the gazetteer lacks is no entity, but its words may still be in the coverage.
  const found = findPassages(context, name);
  if (found.kind === 'found') {
    const results = found.passages.slice(0, 5).map((hit) => citePassage(context.story, hit.passage, hit.highlights));
    return { status: 'ok', message: `"${name}" is not a place the bot knows; passages that mention those words:`, results };
  }
  return { status: 'empty', message: `${nothingMessage([name])}${nearestName(context.names.nearest('place', name)?.name)}`, results: [] };
}

interface Coverage {
  /** The place and what stands for it: the Kremlin for Russia, Tirana for Albania. */
  standsFor: ReadonlySet<string>;
  /** Outlet -> its best passage on the place (the most mentions, then the earliest) and its mentions in all. */
  bestByOutlet: ReadonlyMap<string, { position: number; weight: number; total: number }>;
}

// A place's coverage depends on the place alone: worked out once per place and story.
const coverageByStory = new WeakMap<AnswerContext['story'], Map<string, Coverage>>();

function coverageOf(context: AnswerContext, placeId: string): Coverage {
  const { story } = context;
  const known = coverageByStory.get(story) ?? coverageByStory.set(story, new Map()).get(story)!;
  const cached = known.get(placeId);
  if (cached) return cached;
  const standsFor = new Set([
    placeId,
    ...story.analysis.entities
      .filter((entity) => entity.kind !== 'person' && placesOf(context.gazetteer, entity).some((place) => place.id === placeId))
      .map((entity) => entity.id),
  ]);
  const countsByPassage = new Map<number, number>();
  for (const entityId of standsFor) {
    for (const position of story.passagesByEntity.get(entityId) ?? []) {
      countsByPassage.set(position, (countsByPassage.get(position) ?? 0) + (entityId === placeId ? 2 : 1));
    }
  }
  const bestByOutlet = new Map<string, { position: number; weight: number; total: number }>();
  for (const [position, weight] of [...countsByPassage].sort((a, b) => a[0] - b[0])) {
    const passage = story.corpus.passages[position]!;
    const outlet = story.articleById.get(passage.articleId)!.outlet;
    const best = bestByOutlet.get(outlet);
    if (!best) bestByOutlet.set(outlet, { position, weight, total: weight });
    else {
      best.total += weight;
      if (weight > best.weight) Object.assign(best, { position, weight });
    }
  }
  const coverage = { standsFor, bestByOutlet };
  known.set(placeId, coverage);
  return coverage;
}
