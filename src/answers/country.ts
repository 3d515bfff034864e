import { placesOf } from '../analysis/entities.ts';
import type { AnswerContext } from './context.ts';
import { citePassage } from './cite.ts';
import { findPassages } from './find-passages.ts';
import type { CommandOutput } from './output.ts';
import { closestMatch, listOf, nearestName, nothingMessage } from './output.ts';
import type { Result } from './model.ts';
import type { Passage } from '../corpus/types.ts';
import { sentencesOf } from './passage-sentences.ts';

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
  /** Outlet -> its passage most about the place (see aboutPlace; then the earliest) and how many of its passages name it. */
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
  const positions = new Set<number>();
  for (const entityId of standsFor) for (const position of story.passagesByEntity.get(entityId) ?? []) positions.add(position);
  const bestByOutlet = new Map<string, { position: number; weight: number; total: number }>();
  for (const position of [...positions].sort((a, b) => a - b)) {
    const passage = story.corpus.passages[position]!;
    const outlet = story.articleById.get(passage.articleId)!.outlet;
    const weight = aboutPlace(story, passage, standsFor);
    const best = bestByOutlet.get(outlet);
    if (!best) bestByOutlet.set(outlet, { position, weight, total: 1 });
    else {
      best.total += 1;
      if (weight > best.weight) Object.assign(best, { position, weight });
    }
  }
  const coverage = { standsFor, bestByOutlet };
  known.set(placeId, coverage);
  return coverage;
}

/**
 * How much a passage is about the place, from its best sentence: a sentence naming the place (or its
 * people, its capital, its government) among a list of other places says little about it (0.5); one
 * that names it and no other place says more, more again with the place as its subject (named in its
 * opening words), and each further mention of it adds. Other sentences about the place add a little.
 */
function aboutPlace(story: AnswerContext['story'], passage: Passage, standsFor: ReadonlySet<string>): number {
  const mentions = story.mentionsByPassage.get(passage.id) ?? [];
  const scores: number[] = [];
  for (const span of sentencesOf(passage)) {
    const inSentence = mentions.filter((mention) => mention.start >= span.start && mention.end <= span.end);
    const own = inSentence.filter((mention) => standsFor.has(mention.entityId));
    if (own.length === 0) continue;
    const others = new Set(
      inSentence
        .filter((mention) => !standsFor.has(mention.entityId) && story.entityById.get(mention.entityId)?.kind === 'place')
        .map((mention) => mention.entityId),
    );
    if (others.size >= 2) {
      scores.push(LISTED);
      continue;
    }
    const opening = passage.text.slice(span.start, span.end).split(/\s+/u).slice(0, SUBJECT_WORDS).join(' ').length;
    const subject = own.some((mention) => mention.start - span.start <= opening);
    scores.push(1 + (subject ? 1 : 0) + (others.size === 0 ? 1 : 0) + (own.length - 1) * 0.5);
  }
  const [best = 0, ...rest] = scores.sort((a, b) => b - a);
  return best + rest.length * 0.25;
}

/** A sentence naming the place among two or more others is a list. */
const LISTED = 0.5;
/** A place named within a sentence's first words is its subject ("Serbian President Aleksandar Vucic is ..."). */
const SUBJECT_WORDS = 4;
