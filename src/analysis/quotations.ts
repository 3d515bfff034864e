/**
 * Direct quotations: where they are, which are speech and which are scare quotes, and the pieces
 * each passage holds.
 *
 * Quote marks and runs are found in quote-marks.ts and scan.ts.
 *
 * Speech or scare quote: a quoted span that stands as speech (it opens its sentence, follows a colon,
 * ends with its own . , ? or !, or runs over several segments) is always a quotation, attributed
 * when possible and "unattributed" otherwise. A fragment inside the narrator's sentence ("was
 * 'humiliating' for the PM", "a "running commentary"") is a quotation only when its sentence
 * attributes it: an active speech verb before it with a speaker as subject ("Chris Philp said ...",
 * "Ms Osmani called the UK a ..."), or a speaker right after it. Even then a fragment of two or more
 * words that the coverage itself uses as a term (printed without marks in the same article, or in
 * the narrative of at least half the articles), or that follows "so-called", is a scare quote.
 * Everything else ('return hubs', 'offshoring', 'tough', "a Russian sphere of influence" after "the
 * advice warned") is a phrase, not a quotation.
 *
 * Quotations over passages: each passage gets the piece of the quotation that lies in it, with
 * offsets inside that passage, so a /quote answer always highlights words its cited passage prints.
 * Every piece carries the speaker of the whole run; pieces after the first are "continuation".
 */
import type { Corpus, Passage } from '../corpus/types.ts';
import { type QuoteSegment, findQuoteSegments, trimmed } from './quote-marks.ts';
import { type ArticleScan, MASK, type QuoteRun, maskQuotes, scanArticle, wordsOf } from './scan.ts';
import { type Attribution, type NameFinder, attributeRuns } from './speakers.ts';
import type { Quotation } from './types.ts';

export { findQuoteSegments };

/** The narrator's own words in an article (quotations cut out), as folded word sequences. */
function narrativeOf(scan: ArticleScan): string {
  const headline = scanHeadline(scan.article.headline);
  const pieces = `${headline}\n${scan.masked}`.split(new RegExp(`${MASK}+|\\n`, 'u'));
  return pieces.map((piece) => ` ${wordsOf(piece).join(' ')} `).join('|');
}

function scanHeadline(headline: string): string {
  const segments = findQuoteSegments(headline);
  return maskQuotes(headline, segments);
}

/**
 * Decides which fragments are terms the coverage uses in its own voice (see the module comment).
 * Built once per corpus from every article's narrative.
 */
export class TermTest {
  private readonly narratives: Map<string, string>;

  constructor(scans: ArticleScan[]) {
    this.narratives = new Map(scans.map((scan) => [scan.article.id, narrativeOf(scan)]));
  }

  isTerm(scan: ArticleScan, segment: QuoteSegment): boolean {
    if (/\bso-called\s*$/iu.test(scan.masked.slice(Math.max(0, segment.open - 12), segment.open))) return true;
    const words = wordsOf(scan.text.slice(segment.start, segment.end));
    if (words.length < 2) return false;
    const phrase = ` ${words.join(' ')} `;
    if (this.narratives.get(scan.article.id)?.includes(phrase)) return true;
    let using = 0;
    for (const narrative of this.narratives.values()) if (narrative.includes(phrase)) using++;
    return using * 2 >= this.narratives.size;
  }
}

/** A quoted span judged not to be a quotation (kept for reports and tests). */
export interface Phrase {
  articleId: string;
  passageId: string;
  text: string;
  reason: 'no speaker' | 'term';
}

export interface FoundQuotations {
  /** Every quotation piece, in corpus order; `groupId` is the quotation's own id until grouped. */
  quotations: Quotation[];
  /** Quoted spans that are not quotations: scare quotes and unattributed fragments. */
  phrases: Phrase[];
}

/** The pieces of a segment: one per passage it lies in, with offsets inside that passage. */
function piecesOf(scan: ArticleScan, segment: QuoteSegment): { passage: Passage; start: number; end: number }[] {
  const pieces: { passage: Passage; start: number; end: number }[] = [];
  for (const part of scan.parts) {
    const from = Math.max(segment.start, part.start);
    const to = Math.min(segment.end, part.end);
    if (to <= from) continue;
    const span = trimmed(scan.text, from, to);
    if (span.end > span.start) pieces.push({ passage: part.passage, start: span.start - part.start, end: span.end - part.start });
  }
  return pieces;
}

const UNATTRIBUTED: Attribution = { kind: 'unattributed', asPrinted: null, speaker: null, speakerName: null };

/**
 * Finds every direct quotation in the corpus with its speaker. `names` finds the gazetteer's people
 * and organisations in a text (see speakers.ts).
 */
export function findQuotations(corpus: Corpus, names: NameFinder): FoundQuotations {
  const scans = corpus.articles.map((article) =>
    scanArticle(
      article,
      corpus.passages.filter((passage) => passage.articleId === article.id).sort((a, b) => a.index - b.index),
    ),
  );
  const terms = new TermTest(scans);
  const quotations: Quotation[] = [];
  const phrases: Phrase[] = [];
  for (const scan of scans) {
    const attributions = attributeRuns(scan, names);
    let previous: { run: QuoteRun; attribution: Attribution } | undefined;
    const counters = new Map<string, number>();
    for (const [r, run] of scan.runs.entries()) {
      const head = run.segments[0]!;
      let attribution = attributions[r] ?? null;
      if (run.fragment) {
        const reason = attribution === null ? 'no speaker' : terms.isTerm(scan, head) ? 'term' : null;
        if (reason) {
          for (const piece of piecesOf(scan, head)) {
            phrases.push({
              articleId: scan.article.id,
              passageId: piece.passage.id,
              text: piece.passage.text.slice(piece.start, piece.end),
              reason,
            });
          }
          continue;
        }
      }
      let continuing = false;
      if (attribution === null) {
        // Speech standing alone right after an attributed quotation carries on that quotation.
        const onlyQuote = run.before.trim() === '' && /^[\s.]*$/u.test(run.after);
        if (onlyQuote && previous && previous.attribution.kind !== 'unattributed' && run.firstSentence === previous.run.lastSentence + 1) {
          attribution = previous.attribution;
          continuing = true;
        }
      }
      const resolved = attribution ?? UNATTRIBUTED;
      let first = true;
      for (const segment of run.segments) {
        for (const piece of piecesOf(scan, segment)) {
          const n = counters.get(piece.passage.id) ?? 0;
          counters.set(piece.passage.id, n + 1);
          const id = `${piece.passage.id}:q${n}`;
          const kind = resolved.kind === 'unattributed' ? 'unattributed' : first && !continuing ? resolved.kind : 'continuation';
          quotations.push({
            id,
            passageId: piece.passage.id,
            articleId: scan.article.id,
            outlet: scan.article.outlet,
            text: piece.passage.text.slice(piece.start, piece.end),
            start: piece.start,
            end: piece.end,
            speakerAsPrinted: resolved.asPrinted,
            speaker: resolved.speaker,
            speakerName: resolved.speakerName,
            speakerKind: kind,
            groupId: id,
          });
          first = false;
        }
      }
      previous = { run, attribution: resolved };
    }
  }
  return { quotations, phrases };
}
