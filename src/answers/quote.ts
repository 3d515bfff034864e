import type { AlikeGroup, Quotation } from '../analysis/types.ts';
import type { StoryIndex } from '../search/story-index.ts';
import type { AnswerContext } from './context.ts';
import { alsoIn, citePassage } from './cite.ts';
import { highlightTerms, normaliseRanges } from './highlight.ts';
import type { Result } from './model.ts';
import type { CommandOutput } from './output.ts';
import { closestMatch, listOf } from './output.ts';
import { termsOf } from '../search/terms.ts';
import { splitSentences } from '../corpus/sentences.ts';

/** /quote: a speaker's direct quotations, one result per group of outlets carrying the same words. */
export function quote(context: AnswerContext, options: { who: string; about?: string }): CommandOutput {
  const { story } = context;
  const resolved = context.names.resolve('speaker', options.who);
  if (!resolved) {
    return { status: 'empty', message: `Nobody called "${options.who}" is quoted or mentioned in the coverage.`, results: [] };
  }
  const { target } = resolved;
  const prefix = closestMatch(options.who, target.name, resolved.exact);
  const isEntity = story.entityById.has(target.key);
  const quotations = (isEntity ? story.quotationsBySpeaker.get(target.key) : story.quotationsBySpeakerName.get(target.key)) ?? [];
  const wanted = options.about ? new Set(termsOf(options.about)) : undefined;
  const onTopic = wanted ? quotations.filter((quotation) => isAbout(context, quotation, wanted)) : quotations;
  if (quotations.length === 0 && isEntity) {
    const answer = noQuotations(context, target.key, target.name);
    return { ...answer, message: `${prefix}${answer.message}` };
  }
  if (onTopic.length === 0) {
    return {
      status: 'empty',
      message: `${prefix}${target.name} is quoted in the coverage, but never about "${options.about}".`,
      results: [],
    };
  }

  const notes: string[] = [];
  const results: Result[] = [];
  const resultByPassage = new Map<string, Result>();
  const quoteRanges = new Map<Result, [number, number][]>();
  const aboutTerms = options.about ? new Set(termsOf(options.about)) : undefined;
  for (const quotation of representatives(onTopic)) {
    const passage = story.passageById.get(quotation.passageId)!;
    // Several quotations in one passage make one result with each quotation highlighted.
    const existing = resultByPassage.get(passage.id);
    if (existing) {
      existing.highlights = normaliseRanges([...existing.highlights, [quotation.start, quotation.end]], passage.text.length);
      quoteRanges.get(existing)!.push([quotation.start, quotation.end]);
      for (const other of alsoIn(story, quotation.id, existing.outlet)) {
        if (!existing.alsoIn.some((known) => known.articleId === other.articleId)) existing.alsoIn.push(other);
      }
      const disagreement = disagreementIn(context, quotation);
      if (disagreement) notes.push(disagreement);
      continue;
    }
    const highlights: [number, number][] = [[quotation.start, quotation.end]];
    if (aboutTerms) highlights.push(...highlightTerms(passage.text, aboutTerms));
    const result = citePassage(story, passage, highlights, {
      speaker: quotation.speakerName ?? target.name,
      ...(quotation.speakerAsPrinted ? { speakerAsPrinted: quotation.speakerAsPrinted } : {}),
      groupMember: quotation.id,
    });
    results.push(result);
    resultByPassage.set(passage.id, result);
    quoteRanges.set(result, [[quotation.start, quotation.end]]);
    const disagreement = disagreementIn(context, quotation);
    if (disagreement) notes.push(disagreement);
  }
  for (const result of results) narrowToQuotations(result, quoteRanges.get(result)!);
  const about = options.about ? ` about "${options.about}"` : '';
  return {
    status: 'ok',
    message: `${prefix}${results.length} quotation${results.length === 1 ? '' : 's'} from ${target.name}${about}.`,
    results,
    notes: [...new Set(notes)],
  };
}

/**
 * Cuts a quotation result's snippet to the sentences that hold its quotations, so that no neighbouring
 * sentence (another speaker's words, or the narrator's) reads as the speaker's. The snippet stays text
 * as printed: a stretch of its passage.
 */
function narrowToQuotations(result: Result, quotations: [number, number][]): void {
  const sentences = splitSentences(result.snippet);
  const holding = sentences.filter((sentence) => quotations.some(([start, end]) => start < sentence.end && end > sentence.start));
  if (holding.length === 0) return;
  const from = holding[0]!.start;
  const to = holding.at(-1)!.end;
  if (from === 0 && to >= result.snippet.trimEnd().length) return;
  result.snippet = result.snippet.slice(from, to);
  result.highlights = normaliseRanges(
    result.highlights.map(([start, end]): [number, number] => [start - from, end - from]),
    result.snippet.length,
  );
}

/**
 * One quotation per group of alike words, in the order the groups first appear: the fullest one, so
 * that "There's been no formal talks with the UK on this issue" stands for its fragment "no formal talks".
 */
function representatives(quotations: Quotation[]): Quotation[] {
  const best = new Map<string, Quotation>();
  for (const quotation of quotations) {
    const current = best.get(quotation.groupId);
    if (!current || quotation.text.length > current.text.length) best.set(quotation.groupId, quotation);
  }
  const order = new Map(quotations.map((quotation, index) => [quotation, index]));
  return [...best.values()].sort((a, b) => order.get(a)! - order.get(b)!);
}

/** Whether the quotation or its passage holds one of the wanted terms: the passage's terms are read off the full-text index. */
function isAbout(context: AnswerContext, quotation: Quotation, wanted: ReadonlySet<string>): boolean {
  const { story } = context;
  const position = story.positionOf.get(quotation.passageId)!;
  for (const term of wanted) if (story.text.holdsTerm(position, term)) return true;
  return termsOf(quotation.text).some((term) => wanted.has(term));
}

/** Outlets sometimes attribute the same words to different speakers: say so rather than pick one. */
function disagreementIn(context: AnswerContext, quotation: Quotation): string | undefined {
  const group = context.story.groupOf.get(quotation.id);
  if (!group) return undefined;
  const attributions = attributionsOf(context.story, group);
  return attributions === undefined ? undefined : `Outlets differ on who said "${quotation.text}": ${attributions}.`;
}

// Who each outlet says spoke depends on the group alone: worked out once per group (a group can hold
// a thousand reprints of one line, and a speaker's quotations meet it again and again).
const attributionsByStory = new WeakMap<StoryIndex, Map<string, string | undefined>>();

/** "Outlet: speaker; Outlet: speaker" when the group's outlets name more than one speaker, else undefined. */
function attributionsOf(story: StoryIndex, group: AlikeGroup): string | undefined {
  const known = attributionsByStory.get(story) ?? attributionsByStory.set(story, new Map()).get(story)!;
  if (known.has(group.id)) return known.get(group.id);
  // The resolved speakers ("Keir Starmer", not the "he" that printed it), each outlet's kept apart.
  const speakersByOutlet = new Map<string, Set<string>>();
  for (const member of group.members) {
    const other = story.quotationById.get(member);
    if (!other) continue;
    const speakers = speakersByOutlet.get(other.outlet) ?? new Set<string>();
    speakers.add(other.speakerName ?? 'unattributed');
    speakersByOutlet.set(other.outlet, speakers);
  }
  const allSpeakers = new Set([...speakersByOutlet.values()].flatMap((speakers) => [...speakers]));
  const attributions =
    allSpeakers.size < 2 ? undefined : [...speakersByOutlet].map(([outlet, speakers]) => `${outlet}: ${listOf([...speakers])}`).join('; ');
  known.set(group.id, attributions);
  return attributions;
}

/** A known person with no direct quotation: say so, and show where they are mentioned. */
function noQuotations(context: AnswerContext, entityId: string, name: string): CommandOutput {
  const { story } = context;
  const perOutlet = new Map<string, number>();
  for (const position of story.passagesByEntity.get(entityId) ?? []) {
    const passage = story.corpus.passages[position]!;
    const outlet = story.articleById.get(passage.articleId)!.outlet;
    if (!perOutlet.has(outlet)) perOutlet.set(outlet, position);
  }
  const results = [...perOutlet.values()].map((position) => {
    const passage = story.corpus.passages[position]!;
    const highlights = (story.mentionsByPassage.get(passage.id) ?? [])
      .filter((mention) => mention.entityId === entityId)
      .map((mention): [number, number] => [mention.start, mention.end]);
    return citePassage(story, passage, highlights, { label: 'Mentioned' });
  });
  const where = results.length > 0 ? ` ${name} is mentioned by ${listOf([...perOutlet.keys()])}.` : '';
  return { status: 'empty', message: `No direct quotations from ${name} in the coverage.${where}`, results };
}
