import type { Quotation } from '../analysis/types.ts';
import { termsOf } from '../search/terms.ts';
import type { Focus } from './answering.ts';
import { citePassage } from './cite.ts';
import type { AnswerContext } from './context.ts';
import { sentencesOf } from './passage-sentences.ts';
import type { FoundPassage } from './find-passages.ts';
import { ASK_MAX_RESULTS } from './limits.ts';
import type { Result } from './model.ts';
import type { CommandOutput } from './output.ts';
import { listOf } from './output.ts';
import type { Question } from './question.ts';
import { disagreementIn, narrowToQuotations } from './quote.ts';

/** How many of the best found passages are read for the quotation asked about. */
const READ_DEPTH = 40;

/**
 * "who said / called ... X?": the quotation whose words (and the sentence printing them) hold the
 * question's words, and its speaker from the quotation analysis, named in the answer's first line with
 * the outlets that print the words. When the page does not settle who spoke, the answer says so.
 */
export function whoSaid(context: AnswerContext, question: Question, found: FoundPassage[], focus: Focus): CommandOutput {
  const quotation = askedQuotation(context, found, focus);
  if (!quotation) {
    return { status: 'empty', message: `Nothing in the coverage quotes words like "${question.search}".`, results: [] };
  }
  const { story } = context;
  const first = quotationResult(context, quotation);
  const results: Result[] = [first];
  const shownOutlets = new Set([first.outlet, ...first.alsoIn.map((other) => other.outlet)]);
  // Other outlets quoting alike words that are not the very words shown: their own words, cited to them.
  for (const member of story.groupOf.get(quotation.id)?.members ?? []) {
    const other = story.quotationById.get(member);
    if (!other || shownOutlets.has(other.outlet) || results.length >= ASK_MAX_RESULTS) continue;
    const result = quotationResult(context, other);
    results.push(result);
    for (const outlet of [result.outlet, ...result.alsoIn.map((also) => also.outlet)]) shownOutlets.add(outlet);
  }
  const disagreement = disagreementIn(context, quotation);
  const printers = listOf([first.outlet, ...first.alsoIn.map((other) => other.outlet)]);
  const message = quotation.speakerName
    ? `${quotation.speakerName} said it, as printed by ${printers}.`
    : `The coverage does not settle who said it: ${printers} print${first.alsoIn.length === 0 ? 's' : ''} the words without naming the speaker.`;
  return { status: 'ok', message, results, notes: disagreement ? [disagreement] : [] };
}

/** The quotation that best holds the question's words: most of them in its own words, then in its sentence. */
function askedQuotation(context: AnswerContext, found: FoundPassage[], focus: Focus): Quotation | undefined {
  const wanted = focus.terms.length > 0 ? focus.terms : focus.all;
  const needed = Math.max(1, Math.ceil(wanted.length / 2));
  let best: { quotation: Quotation; rank: number[] } | undefined;
  for (const hit of found.slice(0, READ_DEPTH)) {
    const spans = sentencesOf(hit.passage);
    for (const quotation of context.story.quotationsByPassage.get(hit.passage.id) ?? []) {
      const holding = spans.filter((span) => span.start < quotation.end && span.end > quotation.start);
      const sentence =
        holding.length === 1
          ? holding[0]!.terms
          : new Set(termsOf(hit.passage.text.slice(holding[0]?.start ?? quotation.start, holding.at(-1)?.end ?? quotation.end)));
      const quoted = quotedTermsOf(quotation);
      const inSentence = wanted.filter((term) => sentence.has(term)).length;
      const inQuotation = focus.all.filter((term) => quoted.has(term)).length;
      if (inQuotation === 0 || inSentence < needed) continue;
      const rank = [inQuotation, inSentence, hit.score];
      if (!best || outranks(rank, best.rank)) best = { quotation, rank };
    }
  }
  return best?.quotation;
}

function outranks(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! > b[i]!;
  return false;
}

function quotationResult(context: AnswerContext, quotation: Quotation): Result {
  const passage = context.story.passageById.get(quotation.passageId)!;
  const result = citePassage(context.story, passage, [[quotation.start, quotation.end]], {
    ...(quotation.speakerName ? { speaker: quotation.speakerName } : {}),
    ...(quotation.speakerAsPrinted ? { speakerAsPrinted: quotation.speakerAsPrinted } : {}),
    quotationId: quotation.id,
  });
  narrowToQuotations(result, [[quotation.start, quotation.end]]);
  return result;
}

// A quotation's terms: the same quotations hold the question's words again and again.
const quotedTerms = new WeakMap<Quotation, ReadonlySet<string>>();

function quotedTermsOf(quotation: Quotation): ReadonlySet<string> {
  let terms = quotedTerms.get(quotation);
  if (!terms) {
    terms = new Set(termsOf(quotation.text));
    quotedTerms.set(quotation, terms);
  }
  return terms;
}
