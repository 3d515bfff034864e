import { printsWords } from '../analysis/alike.ts';
import type { Quotation } from '../analysis/types.ts';
import type { StoryIndex } from '../search/story-index.ts';
import type { AnswerContext } from './context.ts';
import { citePassage } from './cite.ts';
import { writtenSourceQuotations } from './written-sources.ts';
import { creditsForAll, creditsForQuotation } from './credits.ts';
import { highlightTerms, normaliseRanges } from './highlight.ts';
import type { Result } from './model.ts';
import type { CommandOutput } from './output.ts';
import { closestMatch, listOf, nearestName } from './output.ts';
import { QUOTE_MAX_RESULTS } from './limits.ts';
import { termsOf } from '../search/terms.ts';
import { splitSentences } from '../corpus/sentences.ts';

/** /quote: a speaker's direct quotations, one result per group of outlets carrying the same words. */
export function quote(context: AnswerContext, options: { who: string; about?: string }): CommandOutput {
  const { story } = context;
  const resolved = context.names.resolve('speaker', options.who);
  if (!resolved) {
    const nearest = nearestName(context.names.nearest('speaker', options.who)?.name);
    return { status: 'empty', message: `Nobody called "${options.who}" is quoted or mentioned in the coverage.${nearest}`, results: [] };
  }
  const { target } = resolved;
  const prefix = closestMatch(options.who, target.name, resolved.exact);
  const isEntity = story.entityById.has(target.key);
  const quotations = (isEntity ? story.quotationsBySpeaker.get(target.key) : story.quotationsBySpeakerName.get(target.key)) ?? [];
  const wanted = options.about ? new Set(termsOf(options.about)) : undefined;
  const onTopic = wanted ? quotations.filter((quotation) => isAbout(context, quotation, wanted)) : quotations;
  if (quotations.length === 0 && isEntity) {
    // An organisation may speak only through a written source: its advice's or report's quoted words.
    const written = writtenSourceQuotations(story, target.key, target.name).filter(
      (result) => !wanted || termsOf(result.snippet).some((term) => wanted.has(term)),
    );
    if (written.length > 0) {
      const kinds = listOf([...new Set(written.map((result) => result.speakerAsPrinted!))]);
      return {
        status: 'ok',
        message: `${prefix}${written.length} passage${written.length === 1 ? '' : 's'} quoting ${target.name}'s written words (${kinds}).`,
        results: written,
      };
    }
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
  const shownIn = new Map<Result, Quotation[]>();
  const notedGroups = new Set<string>();
  /** Passages left out once QUOTE_MAX_RESULTS are shown. */
  const leftOut = new Set<string>();
  const show = (quotation: Quotation) => {
    const passage = story.passageById.get(quotation.passageId)!;
    if (!resultByPassage.has(passage.id) && results.length >= QUOTE_MAX_RESULTS) {
      leftOut.add(passage.id);
      return;
    }
    const disagreement = notedGroups.has(quotation.groupId) ? undefined : disagreementIn(context, quotation);
    if (disagreement) notes.push(disagreement);
    if (disagreement) notedGroups.add(quotation.groupId);
    // Several quotations in one passage make one result with each quotation highlighted.
    const existing = resultByPassage.get(passage.id);
    if (existing) {
      existing.highlights = normaliseRanges([...existing.highlights, [quotation.start, quotation.end]], passage.text.length);
      quoteRanges.get(existing)!.push([quotation.start, quotation.end]);
      // An outlet is credited with the result only when it prints every quotation shown in it.
      existing.alsoIn = creditsForAll([existing.alsoIn, creditsForQuotation(story, quotation)]);
      existing.sharedWords = [...(existing.sharedWords ?? []), quotation.text];
      shownIn.get(existing)!.push(quotation);
      return;
    }
    const highlights: [number, number][] = [[quotation.start, quotation.end]];
    if (aboutTerms) highlights.push(...highlightTerms(passage.text, aboutTerms));
    const result = citePassage(story, passage, highlights, {
      speaker: quotation.speakerName ?? target.name,
      ...(quotation.speakerAsPrinted ? { speakerAsPrinted: quotation.speakerAsPrinted } : {}),
      quotationId: quotation.id,
    });
    results.push(result);
    resultByPassage.set(passage.id, result);
    quoteRanges.set(result, [[quotation.start, quotation.end]]);
    shownIn.set(result, [quotation]);
  };
  for (const quotation of representatives(onTopic)) show(quotation);
  // An outlet that quotes alike words, but not the very words shown, is not credited: its own words are shown too.
  const covered = new Set<string>();
  for (const [result, shown] of shownIn) {
    for (const quotation of shown)
      for (const outlet of [result.outlet, ...result.alsoIn.map((other) => other.outlet)]) covered.add(`${quotation.groupId}\0${outlet}`);
  }
  for (const quotation of fullestFirst(onTopic)) {
    if (wanted && !termsOf(quotation.text).some((term) => wanted.has(term))) continue;
    const key = `${quotation.groupId}\0${quotation.outlet}`;
    if (covered.has(key)) continue;
    covered.add(key);
    show(quotation);
  }
  for (const result of results) narrowToQuotations(result, quoteRanges.get(result)!);
  const about = options.about ? ` about "${options.about}"` : '';
  const more =
    leftOut.size > 0 ? ` (${leftOut.size} more passages quoting ${target.name} are not shown: add about: to narrow them down)` : '';
  return {
    status: 'ok',
    message: `${prefix}${results.length} quotation${results.length === 1 ? '' : 's'} from ${target.name}${about}${more}.`,
    results,
    notes: [...new Set(notes)],
  };
}

/**
 * Cuts a quotation result's snippet to the sentences that hold its quotations, so that no neighbouring
 * sentence (another speaker's words, or the narrator's) reads as the speaker's. The snippet stays text
 * as printed: a stretch of its passage.
 */
export function narrowToQuotations(result: Result, quotations: [number, number][]): void {
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

/** Quotations in corpus order, the fullest of each outlet's alike words first. */
function fullestFirst(quotations: Quotation[]): Quotation[] {
  return quotations
    .map((quotation, index) => ({ quotation, index }))
    .sort((a, b) => b.quotation.text.length - a.quotation.text.length || a.index - b.index)
    .map((entry) => entry.quotation);
}

/** Whether the quotation or its passage holds one of the wanted terms: the passage's terms are read off the full-text index. */
function isAbout(context: AnswerContext, quotation: Quotation, wanted: ReadonlySet<string>): boolean {
  const { story } = context;
  const position = story.positionOf.get(quotation.passageId)!;
  for (const term of wanted) if (story.text.holdsTerm(position, term)) return true;
  return termsOf(quotation.text).some((term) => wanted.has(term));
}

/** Outlets sometimes attribute the same words to different speakers: say so rather than pick one. */
export function disagreementIn(context: AnswerContext, quotation: Quotation): string | undefined {
  const attributions = attributionsOf(context.story, quotation);
  return attributions === undefined ? undefined : `Outlets differ on who said "${quotation.text}": ${attributions}.`;
}

// Who each outlet says spoke depends on the quotation alone: worked out once per quotation (a group can
// hold a thousand reprints of one line, and a speaker's quotations meet it again and again).
const attributionsByStory = new WeakMap<StoryIndex, Map<string, string | undefined>>();

/**
 * "Outlet: speaker; Outlet: speaker" when the outlets that print these very words (or the quotation's
 * words within theirs) name more than one speaker, else undefined. Alike words that are not the same
 * words (a paraphrase) are another quotation, not a disagreement.
 */
function attributionsOf(story: StoryIndex, quotation: Quotation): string | undefined {
  const known = attributionsByStory.get(story) ?? attributionsByStory.set(story, new Map()).get(story)!;
  if (known.has(quotation.id)) return known.get(quotation.id);
  // The resolved speakers ("Keir Starmer", not the "he" that printed it), each outlet's kept apart.
  const speakersByOutlet = new Map<string, Set<string>>();
  for (const member of story.groupOf.get(quotation.id)?.members ?? []) {
    const other = story.quotationById.get(member);
    if (!other || !(printsWords(other.text, quotation.text) || printsWords(quotation.text, other.text))) continue;
    const speakers = speakersByOutlet.get(other.outlet) ?? new Set<string>();
    speakers.add(other.speakerName ?? 'unattributed');
    speakersByOutlet.set(other.outlet, speakers);
  }
  const allSpeakers = new Set([...speakersByOutlet.values()].flatMap((speakers) => [...speakers]));
  const attributions =
    allSpeakers.size < 2 ? undefined : [...speakersByOutlet].map(([outlet, speakers]) => `${outlet}: ${listOf([...speakers])}`).join('; ');
  known.set(quotation.id, attributions);
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
