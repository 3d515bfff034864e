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
export function narrativeOf(scan: ArticleScan): string {
  const headline = scanHeadline(scan.article.headline ?? '');
  const pieces = `${headline}\n${scan.masked}`.split(new RegExp(`${MASK}+|\\n`, 'u'));
  return pieces.map((piece) => ` ${wordsOf(piece).join(' ')} `).join('|');
}

function scanHeadline(headline: string): string {
  const segments = findQuoteSegments(headline);
  return maskQuotes(headline, segments);
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

/**
 * One article's quotations. A fragment whose words the article's own narrative does not use may
 * still be a term of the coverage as a whole ("used by at least half the articles"): that is decided
 * across articles (settleTerms), so such fragments are listed in `maybeTerms` by their folded words.
 */
export interface ArticleQuotations extends FoundQuotations {
  articleId: string;
  /** The article's narrative words (see narrativeOf), for the cross-article term test. */
  narrative: string;
  /** Folded phrase (" return hubs ") -> ids of the quotation pieces of a fragment that may be a term. */
  maybeTerms: Map<string, string[]>;
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

const MENTIONED =
  /\b(?:so-called|refers? to|referring to|rather than|instead of|known as|the (?:word|words|term|phrase|label|name))\s*["'“‘]?$/iu;

/** Whether a fragment is a term by the article alone: after "so-called", or printed without marks in its narrative. */
function termInArticle(scan: ArticleScan, narrative: string, segment: QuoteSegment): 'term' | 'maybe' | 'no' {
  // Words quoted to be named, not said: "so-called 'X'", "refers to 'X' rather than 'Y'", "the term 'X'".
  if (MENTIONED.test(scan.masked.slice(Math.max(0, segment.open - 24), segment.open))) return 'term';
  const words = wordsOf(scan.text.slice(segment.start, segment.end));
  if (words.length < 2) return 'no';
  return narrative.includes(` ${words.join(' ')} `) ? 'term' : 'maybe';
}

/** The quotations of one article with their speakers (a pure function of the article and its name finder). */
export function quotationsOfArticle(scan: ArticleScan, names: NameFinder): ArticleQuotations {
  const narrative = narrativeOf(scan);
  const quotations: Quotation[] = [];
  const phrases: Phrase[] = [];
  const maybeTerms = new Map<string, string[]>();
  const attributions = attributeRuns(scan, names);
  let previous: { run: QuoteRun; attribution: Attribution } | undefined;
  const counters = new Map<string, number>();
  for (const [r, run] of scan.runs.entries()) {
    const head = run.segments[0]!;
    let attribution = attributions[r] ?? null;
    let maybeTerm: string | null = null;
    if (run.fragment) {
      const term = attribution === null ? 'no' : termInArticle(scan, narrative, head);
      const reason = attribution === null ? 'no speaker' : term === 'term' ? 'term' : null;
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
      if (term === 'maybe') maybeTerm = ` ${wordsOf(scan.text.slice(head.start, head.end)).join(' ')} `;
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
          ...(resolved.kind !== 'unattributed' && resolved.rule
            ? { rule: continuing ? `continues the quotation before; ${resolved.rule}` : resolved.rule }
            : {}),
          groupId: id,
        });
        if (maybeTerm !== null) maybeTerms.set(maybeTerm, [...(maybeTerms.get(maybeTerm) ?? []), id]);
        first = false;
      }
    }
    // A fragment that may yet prove a term does not carry its speaker on to the next quotation.
    if (maybeTerm === null) previous = { run, attribution: resolved };
  }
  return { articleId: scan.article.id, quotations, phrases, narrative, maybeTerms };
}

/**
 * The cross-article step of quotation finding: a fragment printed in the narrative of at least half
 * the articles is the coverage's own term, not a quotation. Quotation ids are renumbered per passage
 * after the terms are taken out, so they stay dense.
 */
export function settleTerms(articles: ArticleQuotations[]): FoundQuotations {
  return new CoverageTerms().settle(articles);
}

/** One article's quotations once the coverage's terms are taken out, and which of its phrases were terms. */
interface Settled {
  /** Whether each of the article's maybe-terms is a term, in the order of its maybeTerms ("10"). */
  verdicts: string;
  quotations: Quotation[];
  phrases: Phrase[];
}

/**
 * settleTerms kept up to date as articles come and go: how many narratives print each maybe-term is
 * counted once and then changed by the narratives that come and go (a phrase new to the coverage is
 * looked for in every narrative once), and an article's quotations are settled again only when one
 * of its maybe-terms becomes or stops being a term (the bar moves with the number of articles).
 */
export class CoverageTerms {
  /** Maybe-term -> how many present narratives print it. */
  private readonly usedBy = new Map<string, number>();
  /** Maybe-term -> how many present articles list it. */
  private readonly listedBy = new Map<string, number>();
  /** First word -> the lengths of the maybe-terms starting with it (lengths of gone phrases may stay: they only cost a lookup). */
  private readonly lengthsByFirstWord = new Map<string, Set<number>>();
  private present = new Map<ArticleQuotations, Settled | undefined>();

  /** The quotations and phrases of these articles (in corpus order), as settleTerms gives them. */
  settle(articles: ArticleQuotations[]): FoundQuotations {
    const next = new Map<ArticleQuotations, Settled | undefined>(articles.map((article) => [article, this.present.get(article)]));
    const added = articles.filter((article) => !this.present.has(article));
    for (const article of this.present.keys()) if (!next.has(article)) this.leave(article);
    this.present = next;
    this.join(added);
    const quotations: Quotation[] = [];
    const phrases: Phrase[] = [];
    for (const article of articles) {
      const verdicts = [...article.maybeTerms.keys()]
        .map((phrase) => (this.usedBy.get(phrase)! * 2 >= articles.length ? '1' : '0'))
        .join('');
      let settled = next.get(article);
      if (settled?.verdicts !== verdicts) {
        settled = settledArticle(article, verdicts);
        next.set(article, settled);
      }
      phrases.push(...settled.phrases);
      // Copies: the grouping sets each quotation's groupId, and an earlier analysis may still be answering.
      for (const quotation of settled.quotations) quotations.push({ ...quotation });
    }
    return { quotations, phrases };
  }

  private leave(article: ArticleQuotations): void {
    for (const phrase of phrasesIn(article.narrative, this.lengthsByFirstWord, this.usedBy))
      this.usedBy.set(phrase, this.usedBy.get(phrase)! - 1);
    for (const phrase of article.maybeTerms.keys()) {
      const listed = this.listedBy.get(phrase)! - 1;
      if (listed > 0) this.listedBy.set(phrase, listed);
      else {
        this.listedBy.delete(phrase);
        this.usedBy.delete(phrase);
      }
    }
  }

  /** Adds articles (this.present already holds them): their maybe-terms, then their narratives. */
  private join(added: ArticleQuotations[]): void {
    const joining = new Set(added);
    const fresh: string[] = [];
    for (const article of added) {
      for (const phrase of article.maybeTerms.keys()) {
        this.listedBy.set(phrase, (this.listedBy.get(phrase) ?? 0) + 1);
        if (this.usedBy.has(phrase)) continue;
        this.usedBy.set(phrase, 0);
        fresh.push(phrase);
        const words = phrase.trim().split(' ');
        const lengths = this.lengthsByFirstWord.get(words[0]!) ?? new Set<number>();
        this.lengthsByFirstWord.set(words[0]!, lengths.add(words.length));
      }
    }
    // A phrase new to the coverage: how many of the narratives already counted print it (one scan
    // each, and none at all when every article is new).
    const staying = [...this.present.keys()].filter((article) => !joining.has(article));
    for (const phrase of staying.length > 0 ? fresh : []) {
      let count = 0;
      for (const article of staying) if (article.narrative.includes(phrase)) count++;
      this.usedBy.set(phrase, count);
    }
    for (const article of added) {
      for (const phrase of phrasesIn(article.narrative, this.lengthsByFirstWord, this.usedBy))
        this.usedBy.set(phrase, this.usedBy.get(phrase)! + 1);
    }
  }
}

/** One article's quotations without its terms, renumbered per passage. */
function settledArticle(article: ArticleQuotations, verdicts: string): Settled {
  const termIds = new Set<string>();
  [...article.maybeTerms.values()].forEach((ids, i) => {
    if (verdicts[i] === '1') for (const id of ids) termIds.add(id);
  });
  const quotations: Quotation[] = [];
  const phrases: Phrase[] = [...article.phrases];
  const counters = new Map<string, number>();
  for (const quotation of article.quotations) {
    if (termIds.has(quotation.id)) {
      phrases.push({ articleId: quotation.articleId, passageId: quotation.passageId, text: quotation.text, reason: 'term' });
      continue;
    }
    const n = counters.get(quotation.passageId) ?? 0;
    counters.set(quotation.passageId, n + 1);
    const id = `${quotation.passageId}:q${n}`;
    quotations.push({ ...quotation, id, groupId: id });
  }
  return { verdicts, quotations, phrases };
}

/** The phrases of `known` that a narrative prints (each once); `lengthsByFirstWord` gives the lengths of the phrases starting with a word. */
function phrasesIn(narrative: string, lengthsByFirstWord: Map<string, Set<number>>, known: Map<string, unknown>): Set<string> {
  const found = new Set<string>();
  for (const piece of narrative.split('|')) {
    const words = piece.trim().split(' ');
    for (let i = 0; i < words.length; i++) {
      const lengths = lengthsByFirstWord.get(words[i]!);
      if (lengths === undefined) continue;
      for (const length of lengths) {
        if (i + length > words.length) continue;
        const gram = ` ${words.slice(i, i + length).join(' ')} `;
        if (known.has(gram)) found.add(gram);
      }
    }
  }
  return found;
}

/** The passages of each article, in reading order. Linear in the corpus. */
export function passagesByArticle(corpus: Corpus): Map<string, Passage[]> {
  const byArticle = new Map<string, Passage[]>(corpus.articles.map((article) => [article.id, []]));
  for (const passage of corpus.passages) byArticle.get(passage.articleId)?.push(passage);
  for (const passages of byArticle.values()) passages.sort((a, b) => a.index - b.index);
  return byArticle;
}

/** Finds every direct quotation in the corpus with its speaker; `names` finds the people and organisations in a text (see speakers.ts). */
export function findQuotations(corpus: Corpus, names: NameFinder): FoundQuotations {
  const byArticle = passagesByArticle(corpus);
  return settleTerms(corpus.articles.map((article) => quotationsOfArticle(scanArticle(article, byArticle.get(article.id) ?? []), names)));
}
