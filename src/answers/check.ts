import type { Figure, Quotation } from '../analysis/types.ts';
import type { Passage } from '../corpus/types.ts';
import type { StoryIndex } from '../search/story-index.ts';
import { termOf as termOfWord } from '../search/terms.ts';
import { readMessage, type PersonClaim, type QuotedWords } from './check-message.ts';
import { citePassage } from './cite.ts';
import type { AnswerContext } from './context.ts';
import type { FigureComparison, Result } from './model.ts';
import type { CommandOutput } from './output.ts';
import { listOf, nothingMessage } from './output.ts';
import { findPassages } from './find-passages.ts';
import { alignWords, wordsWithOffsets, type WordAlignment } from './word-diff.ts';

/**
 * Check in coverage: what the coverage says about each checkable claim in a message.
 * - quoted words: who said them, per outlet, and whether the message quotes them word for word; an
 *   altered quotation comes with the printed words, the differing words marked on both sides;
 * - figures: each outlet's own figure for the same thing;
 * - claims about people ("X said…", "X agreed to…"): the passages reporting what X said or did, marked
 *   when they report a refusal or denial, and quotations that give the claimed words to someone else;
 * - names with nothing more specific to check: the passages that mention them;
 * and an honest reply when nothing is checkable or nothing in the coverage bears on it.
 * Each claim gets one verdict line (a note) and its cited passages (results, labelled with the claim).
 */

export const NOTHING_CHECKABLE =
  'Nothing in this message can be checked against the coverage: it quotes no one, gives no figure, and names no person, place or outlet the coverage knows.';

/** How much of a long message is checked: enough for a chat message, bounded for speed. */
const MAX_QUOTATIONS = 4;
const MAX_FIGURES = 3;
const MAX_CLAIMS = 3;
const MAX_NAMED = 3;
const RESULTS_PER_CLAIM = 4;
const MAX_RESULTS = 20;
/** Hits read per search: the best passages for a quotation or a claim are near the top. */
const SEARCH_DEPTH = 40;
/** Share of the message's quoted words that must be found, in order, in a printed quotation. */
const QUOTATION_COVERAGE = 0.6;
/** Says the passage reports a refusal or a denial: set beside a claim that has none. */
const DENIAL =
  /\b(?:not|no|never|n['’]t|nothing|ruled? out|rul(?:es|ing) out|reject(?:s|ed|ing)?|den(?:y|ies|ied|ying)|refus(?:e|es|ed|ing)|dismiss(?:es|ed|ing)?|snub(?:s|bed|bing)?|declin(?:e|es|ed|ing)|opposed?)\b/iu;

interface Section {
  note: string;
  results: Result[];
  found: boolean;
}

export function check(context: AnswerContext, options: { text: string }): CommandOutput {
  const reading = readMessage(context, options.text);
  // Names are checked on their own only when the message makes no more specific claim.
  const specific = reading.quotations.length + reading.figures.length + reading.claims.length > 0;
  const outletNames = new Set(reading.outlets.map((outlet) => outlet.toLowerCase()));
  const named = specific ? [] : reading.named.filter((entity) => !outletNames.has(entity.name.toLowerCase())).slice(0, MAX_NAMED);
  const outlets = specific ? [] : reading.outlets.slice(0, MAX_NAMED);
  const sections: Section[] = [
    ...reading.quotations.slice(0, MAX_QUOTATIONS).map((quoted) => checkQuotation(context, quoted)),
    ...reading.figures.slice(0, MAX_FIGURES).map((figure) => checkFigure(context, figure)),
    ...reading.claims.slice(0, MAX_CLAIMS).map((claim) => checkClaim(context, claim)),
    ...named.map((entity) => namedPassages(context, entity.entityId, entity.name)),
    ...outlets.map((outlet) => outletPassages(context, outlet, options.text)),
  ];
  const figures = reading.figures
    .slice(0, MAX_FIGURES)
    .map((figure) => figureComparison(context.story, figure))
    .filter((comparison): comparison is FigureComparison => comparison !== undefined);

  if (sections.length === 0) return closestToWords(context, options.text);
  const results = uniqueResults(sections.flatMap((section) => section.results)).slice(0, MAX_RESULTS);
  const checked = describeChecked(reading.quotations.length, reading.figures.length, reading.claims.length, named.length + outlets.length);
  if (!sections.some((section) => section.found)) {
    return {
      status: 'empty',
      message: `Nothing in the coverage bears on this message (checked ${checked}).`,
      results,
      notes: sections.map((section) => section.note),
    };
  }
  const { articles } = context.story.corpus;
  return {
    status: 'ok',
    message: `Checked ${checked} against ${articles.length} articles by ${context.story.outlets.length} outlets.`,
    results,
    notes: sections.map((section) => section.note),
    ...(figures.length > 0 ? { figures } : {}),
  };
}

function describeChecked(quotations: number, figures: number, claims: number, names: number): string {
  const parts = [
    count(Math.min(quotations, MAX_QUOTATIONS), 'quotation'),
    count(Math.min(figures, MAX_FIGURES), 'figure'),
    count(Math.min(claims, MAX_CLAIMS), 'claim about a person', 'claims about people'),
    count(names, 'name'),
  ].filter((part) => part.length > 0);
  return listOf(parts);
}

function count(n: number, one: string, many = `${one}s`): string {
  return n === 0 ? '' : `${n} ${n === 1 ? one : many}`;
}

// ---- Quoted words ----

interface QuotationMatch {
  quotation: Quotation;
  alignment: WordAlignment;
}

function checkQuotation(context: AnswerContext, quoted: QuotedWords): Section {
  const { story } = context;
  const shown = shorten(quoted.text, 80);
  const wordCount = wordsWithOffsets(quoted.text).length;
  const matches: QuotationMatch[] = [];
  let narrated: { passage: Passage; alignment: WordAlignment } | undefined;
  for (const hit of story.text.search({ text: quoted.text }).hits.slice(0, SEARCH_DEPTH)) {
    const passage = story.corpus.passages[hit.passage]!;
    let quotedHere = false;
    for (const quotation of story.quotationsByPassage.get(passage.id) ?? []) {
      const alignment = alignWords(quoted.text, quotation.text);
      if (!alignment || !acceptable(alignment, wordCount)) continue;
      matches.push({ quotation, alignment });
      quotedHere = true;
    }
    if (!quotedHere && narrated === undefined) {
      const alignment = alignWords(quoted.text, passage.text);
      if (alignment?.exact && wordCount >= 3) narrated = { passage, alignment };
    }
  }
  if (matches.length === 0) {
    if (narrated) {
      const result = citePassage(story, narrated.passage, [narrated.alignment.printedSpan], {
        label: `“${shorten(quoted.text, 40)}”: not a quotation`,
      });
      return {
        note: `“${shown}”: ${result.outlet} prints these words in its own voice, not as anyone's quotation.`,
        results: [result],
        found: true,
      };
    }
    return { note: `“${shown}”: no outlet prints these words as a quotation.`, results: [], found: false };
  }
  // Word for word first, then the fullest match; one per outlet.
  matches.sort((a, b) => Number(b.alignment.exact) - Number(a.alignment.exact) || b.alignment.coverage - a.alignment.coverage);
  const best = new Map<string, QuotationMatch>();
  for (const match of matches) if (!best.has(match.quotation.outlet)) best.set(match.quotation.outlet, match);
  const chosen = [...best.values()];
  const results = chosen.slice(0, RESULTS_PER_CLAIM).map((match) => quotationResult(story, quoted, match));

  const exactOutlets = chosen.filter((match) => match.alignment.exact).map((match) => match.quotation.outlet);
  const speakers = [...new Set(chosen.map((match) => match.quotation.speakerName ?? 'no speaker the text settles'))];
  const saidBy = `said by ${listOf(speakers)}`;
  let verdict: string;
  if (exactOutlets.length > 0) {
    verdict = `quoted word for word as ${listOf(exactOutlets)} printed it, ${saidBy}.`;
  } else {
    const first = chosen[0]!;
    const printed = first.quotation.text.slice(first.alignment.printedSpan[0], first.alignment.printedSpan[1]);
    verdict = `not word for word: ${first.quotation.outlet} printed “${shorten(printed, 120)}” (${saidBy}); the differing words are marked.`;
  }
  const claimed = quoted.speakerName;
  const otherSpeakers = claimed === null ? [] : chosen.filter((match) => !sameSpeaker(quoted, match.quotation));
  const attribution =
    otherSpeakers.length > 0
      ? ` The message gives these words to ${claimed}; ${listOf(otherSpeakers.map((match) => `${match.quotation.outlet} to ${match.quotation.speakerName ?? 'no speaker it names'}`))}.`
      : '';
  return { note: `“${shown}”: ${verdict}${attribution}`, results, found: true };
}

/** Short quotations prove little unless they are word for word; longer ones may differ in places. */
function acceptable(alignment: WordAlignment, wordCount: number): boolean {
  if (wordCount <= 2) return alignment.exact;
  return alignment.coverage >= QUOTATION_COVERAGE;
}

function sameSpeaker(quoted: QuotedWords, quotation: Quotation): boolean {
  if (quoted.speaker !== null && quoted.speaker === quotation.speaker) return true;
  return quoted.speakerName !== null && quoted.speakerName.toLowerCase() === (quotation.speakerName ?? '').toLowerCase();
}

function quotationResult(story: StoryIndex, quoted: QuotedWords, match: QuotationMatch): Result {
  const { quotation, alignment } = match;
  const passage = story.passageById.get(quotation.passageId)!;
  const shift = ([start, end]: [number, number]): [number, number] => [start + quotation.start, end + quotation.start];
  const highlights = alignment.exact ? [shift(alignment.printedSpan)] : alignment.printedDiffers.map(shift);
  const result = citePassage(story, passage, highlights, {
    speaker: quotation.speakerName ?? 'no speaker the text settles',
    ...(quotation.speakerAsPrinted ? { speakerAsPrinted: quotation.speakerAsPrinted } : {}),
    label: alignment.exact ? `“${shorten(quoted.text, 50)}”: word for word` : `“${shorten(quoted.text, 50)}”: altered`,
    quotationId: quotation.id,
  });
  if (!alignment.exact) result.asQuoted = { text: quoted.text, highlights: alignment.repeatedDiffers };
  return result;
}

// ---- Figures ----

const figuresByCountsOf = new WeakMap<StoryIndex, Map<string, Figure[]>>();

/** Every figure of the coverage by what it counts (worked out once per story index). */
function figuresByCounts(story: StoryIndex): Map<string, Figure[]> {
  let byCounts = figuresByCountsOf.get(story);
  if (!byCounts) {
    byCounts = new Map();
    for (const figure of story.analysis.figures)
      (byCounts.get(figure.counts) ?? byCounts.set(figure.counts, []).get(figure.counts)!).push(figure);
    figuresByCountsOf.set(story, byCounts);
  }
  return byCounts;
}

function checkFigure(context: AnswerContext, figure: Figure): Section {
  const { story } = context;
  const printedBy = firstPerOutlet(figuresByCounts(story).get(figure.counts) ?? []);
  if (printedBy.length === 0) {
    return { note: `${figure.printed} (${figure.counts}): the coverage prints no figure for this.`, results: [], found: false };
  }
  const results = printedBy.slice(0, RESULTS_PER_CLAIM).map((printed) =>
    citePassage(story, story.passageById.get(printed.passageId)!, [[printed.start, printed.end]], {
      label: `${printed.outlet}: ${shorten(printed.printed, 40)} (the message: ${shorten(figure.printed, 30)})`,
    }),
  );
  const same = printedBy.filter((printed) => printed.value === figure.value).map((printed) => printed.outlet);
  const agreement =
    same.length === printedBy.length
      ? 'every outlet that gives one prints the same number'
      : same.length > 0
        ? `${listOf(same)} print the same number`
        : 'no outlet prints this number';
  const list = printedBy.map((printed) => `${printed.outlet} ${printed.printed}`);
  return { note: `${figure.printed} (${figure.counts}): ${agreement}; ${listOf(list)}.`, results, found: true };
}

function figureComparison(story: StoryIndex, figure: Figure): FigureComparison | undefined {
  const printedBy = firstPerOutlet(figuresByCounts(story).get(figure.counts) ?? []);
  if (printedBy.length === 0) return undefined;
  return {
    counts: `${figure.counts} (the message says ${figure.printed})`,
    values: printedBy.map((printed) => ({
      outlet: printed.outlet,
      articleId: printed.articleId,
      printed: printed.printed,
      value: printed.value,
      passageId: printed.passageId,
    })),
  };
}

function firstPerOutlet(figures: Figure[]): Figure[] {
  const seen = new Set<string>();
  return figures.filter((figure) => !seen.has(figure.outlet) && seen.add(figure.outlet));
}

// ---- Claims about people ----

function checkClaim(context: AnswerContext, claim: PersonClaim): Section {
  const { story } = context;
  const claimDenies = DENIAL.test(claim.claim);
  const hits = story.text.search({ text: `${claim.name} ${claim.claim}`, entityIds: [claim.entityId] }).hits.slice(0, SEARCH_DEPTH);
  const about: { passage: Passage; held: number; position: number }[] = [];
  const givenToOthers: { quotation: Quotation; passage: Passage }[] = [];
  for (const hit of hits) {
    const passage = story.corpus.passages[hit.passage]!;
    const held = claim.terms.filter((term) => story.text.holdsTerm(hit.passage, term)).length;
    const quotations = story.quotationsByPassage.get(passage.id) ?? [];
    const ofPerson =
      (story.mentionsByPassage.get(passage.id) ?? []).some((mention) => mention.entityId === claim.entityId) ||
      quotations.some((quotation) => quotation.speaker === claim.entityId);
    if (ofPerson) about.push({ passage, held, position: hit.passage });
    for (const quotation of quotations) {
      if (!claim.reported || quotation.speaker === claim.entityId || quotation.speakerName === null) continue;
      const inQuotation = claim.terms.filter((term) => termsIn(quotation.text).has(term)).length;
      if (claim.terms.length > 0 && inQuotation * 2 >= claim.terms.length && inQuotation >= 2) givenToOthers.push({ quotation, passage });
    }
  }
  about.sort((a, b) => b.held - a.held);
  const onClaim = about.filter((entry) => entry.held > 0);
  const shownAbout = firstPerOutletOfPassages(story, onClaim.length > 0 ? onClaim : about).slice(0, RESULTS_PER_CLAIM);
  let denials = 0;
  const results = shownAbout.map(({ passage }) => {
    const denies = !claimDenies && DENIAL.test(sentencesAbout(story, passage, claim.entityId));
    if (denies) denials++;
    const highlights = (story.mentionsByPassage.get(passage.id) ?? [])
      .filter((mention) => mention.entityId === claim.entityId)
      .map((mention): [number, number] => [mention.start, mention.end]);
    return citePassage(story, passage, highlights, {
      label: `${claim.name}${denies ? ': reports a refusal or denial' : ': what the coverage reports'}`,
    });
  });
  for (const { quotation, passage } of givenToOthers.slice(0, 2)) {
    results.push(
      citePassage(story, passage, [[quotation.start, quotation.end]], {
        speaker: quotation.speakerName!,
        label: `Words like these, given to ${quotation.speakerName}`,
        quotationId: quotation.id,
      }),
    );
  }
  const shown = shorten(claim.sentence, 100);
  if (about.length === 0 && givenToOthers.length === 0) {
    return { note: `“${shown}”: the coverage reports nothing ${claim.name} said or did on this.`, results: [], found: false };
  }
  const parts: string[] = [];
  const passages = `${count(shownAbout.length, 'passage')} ${shownAbout.length === 1 ? 'shows' : 'show'}`;
  if (onClaim.length > 0) parts.push(`${passages} what ${claim.name} is reported to have said or done on this`);
  else if (about.length > 0) parts.push(`nothing reports this; ${passages} what ${claim.name} is reported saying or doing`);
  if (denials > 0) parts.push(`${denials} of them ${denials === 1 ? 'reports' : 'report'} a refusal or denial`);
  const others = [...new Set(givenToOthers.map(({ quotation }) => quotation.speakerName!))];
  if (others.length > 0) parts.push(`the coverage gives words like these to ${listOf(others)}`);
  return { note: `“${shown}”: ${parts.join('; ')}.`, results, found: true };
}

const termsOfText = new Map<string, Set<string>>();

function termsIn(text: string): Set<string> {
  let terms = termsOfText.get(text);
  if (!terms) {
    if (termsOfText.size > 10_000) termsOfText.clear();
    terms = new Set(termsOfWords(text));
    termsOfText.set(text, terms);
  }
  return terms;
}

function termsOfWords(text: string): string[] {
  return wordsWithOffsets(text).flatMap((word) => {
    const term = termOfWord(word.key);
    return term === null ? [] : [term];
  });
}

/** The sentences of a passage that mention the person (the whole passage when none is marked). */
function sentencesAbout(story: StoryIndex, passage: Passage, entityId: string): string {
  const mentions = (story.mentionsByPassage.get(passage.id) ?? []).filter((mention) => mention.entityId === entityId);
  if (mentions.length === 0) return passage.text;
  return mentions.map((mention) => sentenceAround(passage.text, mention.start)).join(' ');
}

function sentenceAround(text: string, at: number): string {
  const before = text.slice(0, at).search(/[.!?][^.!?]*$/u);
  const from = before < 0 ? 0 : before + 1;
  const after = text.slice(at).search(/[.!?](\s|$)/u);
  return text.slice(from, after < 0 ? text.length : at + after + 1);
}

function firstPerOutletOfPassages<T extends { passage: Passage }>(story: StoryIndex, entries: T[]): T[] {
  const seen = new Set<string>();
  const first: T[] = [];
  const rest: T[] = [];
  for (const entry of entries) {
    const outlet = story.articleById.get(entry.passage.articleId)!.outlet;
    if (seen.has(outlet)) rest.push(entry);
    else {
      seen.add(outlet);
      first.push(entry);
    }
  }
  return [...first, ...rest];
}

// ---- Names ----

function namedPassages(context: AnswerContext, entityId: string, name: string): Section {
  const { story } = context;
  const positions = story.passagesByEntity.get(entityId) ?? [];
  const entries = positions.slice(0, 200).map((position) => ({ passage: story.corpus.passages[position]! }));
  const shown = firstPerOutletOfPassages(story, entries).slice(0, 3);
  if (shown.length === 0) return { note: `${name}: not mentioned in the coverage.`, results: [], found: false };
  const results = shown.map(({ passage }) =>
    citePassage(
      story,
      passage,
      (story.mentionsByPassage.get(passage.id) ?? [])
        .filter((mention) => mention.entityId === entityId)
        .map((mention): [number, number] => [mention.start, mention.end]),
      { label: `Mentions ${name}` },
    ),
  );
  const outlets = new Set(positions.map((position) => story.articleById.get(story.corpus.passages[position]!.articleId)!.outlet));
  return { note: `${name}: mentioned by ${count(outlets.size, 'outlet')}; the first passages are below.`, results, found: true };
}

function outletPassages(context: AnswerContext, outlet: string, text: string): Section {
  const { story } = context;
  const articles = story.articlesByOutlet.get(outlet) ?? [];
  const ids = new Set(articles.map((article) => article.id));
  // What the message says beside the outlet's name, if the coverage knows its words.
  const rest = text.replace(new RegExp(outlet.replace(/^the\s+/iu, '').replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'), 'giu'), ' ');
  const found = findPassages(context, rest);
  const hit = found.kind === 'found' ? found.passages.find((candidate) => ids.has(candidate.passage.articleId)) : undefined;
  const lead = story.passagesByArticle.get(articles[0]?.id ?? '')?.[0];
  const passage = hit?.passage ?? lead;
  if (!passage) return { note: `${outlet}: no article of it in the coverage.`, results: [], found: false };
  const result = citePassage(story, passage, hit?.highlights ?? [], {
    label: hit ? `${outlet}: closest to the message` : `${outlet}: its lead`,
  });
  const what = hit ? 'its passage closest to the message' : `its lead (of ${count(articles.length, 'article')})`;
  return { note: `${outlet}: ${what} is below.`, results: [result], found: true };
}

// ---- No claim to check ----

/**
 * A message with no quotation, figure or name: the passages closest to its words when the coverage
 * knows them (the rule /ask uses for honest emptiness), else say plainly that nothing can be checked,
 * naming the names the coverage does not know.
 */
function closestToWords(context: AnswerContext, text: string): CommandOutput {
  const found = findPassages(context, text);
  if (found.kind === 'found') {
    const results = firstPerOutletOfPassages(context.story, found.passages)
      .slice(0, 3)
      .map((hit) => citePassage(context.story, hit.passage, hit.highlights, { label: 'Closest to the message' }));
    return {
      status: 'ok',
      message: "No quotation, figure or name to check; these passages are the closest to the message's words.",
      results,
    };
  }
  // A capital that only starts a sentence ("Nice weather…") does not make a name.
  const unknownNames = found.kind === 'nothing' ? found.missing.filter((word) => /^\p{Lu}/u.test(word) && !startsSentence(text, word)) : [];
  if (unknownNames.length > 0) return { status: 'empty', message: nothingMessage(unknownNames), results: [], notes: [NOTHING_CHECKABLE] };
  return { status: 'empty', message: NOTHING_CHECKABLE, results: [] };
}

function startsSentence(text: string, word: string): boolean {
  return new RegExp(`(?:^|[.!?]\\s+)${word.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}(?![\\p{L}])`, 'u').test(text.trim());
}

// ---- Shared ----

/** Each passage once, under the first claim that cites it. */
function uniqueResults(results: Result[]): Result[] {
  const seen = new Set<string>();
  return results.filter((result) => {
    const key = `${result.passageId}|${result.label ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
