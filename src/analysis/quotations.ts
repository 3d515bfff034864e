/**
 * Direct quotations: where they are, which are speech and which are scare quotes, and the pieces
 * each passage holds.
 *
 * Quote marks: double quotes (straight or curly) and single quotes (the Times' and the Sun's style),
 * told apart from apostrophes ("you'd", "Britain's", "Kosovo 's", "the Tories' plan"). A quotation
 * that runs on is a run of segments: a paragraph that opens a quote and does not close it continues
 * when the next paragraph reopens it, and a quote reopened after a full stop while still open
 * ('... interest. 'They cited ...) continues in a new segment.
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
import type { Article, Corpus, Passage } from '../corpus/types.ts';
import { fold } from '../text/fold.ts';
import { type Attribution, type NameFinder, attributeRuns, sentenceIndexAt } from './speakers.ts';
import type { Quotation } from './types.ts';

export type QuoteStyle = 'single' | 'double';

/** One stretch of quoted words, without its marks. Offsets index the scanned text. */
export interface QuoteSegment {
  /** Offset of the opening mark. */
  open: number;
  /** First and one-past-last offsets of the quoted words (trimmed of surrounding spaces). */
  start: number;
  end: number;
  /** Offset of the closing mark, or null when the segment ends at a paragraph break or a reopening mark. */
  close: number | null;
  style: QuoteStyle;
  /** True when this segment carries on the previous one (reopened after a sentence or paragraph end). */
  continues: boolean;
}

const DOUBLE_MARKS = new Set(['"', '\u201C', '\u201D', '\u201E', '\u00AB', '\u00BB']);
const SINGLE_MARKS = new Set(["'", '\u2018', '\u2019', '\u201A', '\u201B']);
/** Marks whose shape says which side they are on. */
const LEFT_MARKS = new Set(['\u201C', '\u201E', '\u00AB', '\u2018', '\u201A', '\u201B']);
const RIGHT_DOUBLE = new Set(['\u201D', '\u00BB']);

const isSpace = (ch: string | undefined) => ch !== undefined && /\s/u.test(ch);
const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
/** What may sit right before an opening mark besides a space. */
const BEFORE_OPENER = new Set(['(', '[', '{', '\u2014', '\u2013', '-', '/']);
/** What may sit right after a closing mark besides a space. */
const AFTER_CLOSER = /[.,;:!?)\]}\u2014\u2013\-\u2026]/u;
/** Clitics written after a space ("Kosovo 's"): an apostrophe, not an opening mark. */
const CLITIC_AFTER = /^(?:s|t|d|m|ll|re|ve)(?![\p{L}\p{N}])/u;

function styleOf(ch: string): QuoteStyle | null {
  if (DOUBLE_MARKS.has(ch)) return 'double';
  if (SINGLE_MARKS.has(ch)) return 'single';
  return null;
}

/** A mark with a space (or line start) before it and a word after it. */
function openerShaped(text: string, i: number): boolean {
  const prev = text[i - 1];
  const next = text[i + 1];
  if (next === undefined || isSpace(next)) return false;
  if (i === 0 || isSpace(prev) || BEFORE_OPENER.has(prev!)) return true;
  // A single mark right inside a double one ("'...) or the reverse.
  return prev !== undefined && styleOf(prev) !== null && styleOf(prev) !== styleOf(text[i]!);
}

/** A mark with a word or punctuation before it and a space, punctuation or the end after it. */
function closerShaped(text: string, i: number): boolean {
  const prev = text[i - 1];
  const next = text[i + 1];
  if (prev === undefined || isSpace(prev)) return false;
  return next === undefined || isSpace(next) || AFTER_CLOSER.test(next) || styleOf(next) !== null;
}

/** The last non-space character before `i`. */
function previousVisible(text: string, i: number): string | undefined {
  let j = i - 1;
  while (j >= 0 && isSpace(text[j])) j--;
  return j >= 0 ? text[j] : undefined;
}

const endsSentence = (ch: string | undefined) => ch !== undefined && /[.!?\u2026]/u.test(ch);

/**
 * Whether a single mark is an apostrophe: inside a word ("you'd"), a clitic after a space
 * ("Kosovo 's"), or a plural possessive ("countries' law") when the open quote closes further on.
 */
function isApostrophe(text: string, i: number, open: boolean, paragraphEnd: number): boolean {
  const prev = text[i - 1];
  const next = text[i + 1];
  if (isWordChar(prev) && isWordChar(next)) return true;
  if (isSpace(prev) && isWordChar(text[i - 2]) && CLITIC_AFTER.test(text.slice(i + 1))) return true;
  if (open && prev === 's' && next === ' ' && /^ [\p{Ll}]/u.test(text.slice(i + 1))) {
    // "countries' law": a possessive if the quote still closes before another quote opens.
    for (let j = i + 1; j < paragraphEnd; j++) {
      if (styleOf(text[j]!) !== 'single' || isApostrophe(text, j, false, paragraphEnd)) continue;
      if (closerShaped(text, j) && !openerShaped(text, j)) return true;
      if (openerShaped(text, j)) return false;
    }
  }
  return false;
}

function paragraphEndFrom(text: string, i: number): number {
  const next = text.indexOf('\n', i);
  return next === -1 ? text.length : next;
}

/** Trims spaces off both ends of [start, end). */
function trimmed(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && isSpace(text[start])) start++;
  while (end > start && isSpace(text[end - 1])) end--;
  return { start, end };
}

/**
 * Every quoted segment in `text`, in order. Paragraphs are separated by line breaks. Nested quotes
 * of the other style stay inside the outer segment.
 */
export function findQuoteSegments(text: string): QuoteSegment[] {
  const segments: QuoteSegment[] = [];
  let open: { style: QuoteStyle; mark: number; continues: boolean } | null = null;
  /** A quote left open at a paragraph end: reopened by the next paragraph's first mark. */
  let pending: QuoteStyle | null = null;

  const finish = (endAt: number, close: number | null) => {
    if (!open) return;
    const span = trimmed(text, open.mark + 1, endAt);
    if (span.end > span.start) segments.push({ open: open.mark, ...span, close, style: open.style, continues: open.continues });
    open = null;
  };

  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') {
      if (open) {
        pending = open.style;
        finish(i, null);
      }
      continue;
    }
    const style = styleOf(ch);
    if (!style) {
      if (!isSpace(ch)) pending = null;
      continue;
    }
    const paragraphEnd = paragraphEndFrom(text, i);
    if (open && open.style !== style) continue; // nested quote of the other style
    if (style === 'single' && isApostrophe(text, i, open !== null, paragraphEnd)) {
      if (!open) pending = null;
      continue;
    }
    const opener = LEFT_MARKS.has(ch) || (!RIGHT_DOUBLE.has(ch) && openerShaped(text, i));
    const closer = !LEFT_MARKS.has(ch) && closerShaped(text, i);

    if (!open) {
      if (opener) {
        open = { style, mark: i, continues: pending === style };
      }
      pending = null;
      continue;
    }
    // Inside an open quote of this style.
    if (opener && !closer && endsSentence(previousVisible(text, i))) {
      // Reopened after a full stop: the quote runs on in a new segment ('... interest. 'They cited ...).
      finish(i, null);
      open = { style, mark: i, continues: true };
      continue;
    }
    if (closer || opener) finish(i, i);
  }
  if (open) finish(text.length, null);
  return segments;
}

/** Stands in for quoted words in the masked text, so that nothing inside a quotation looks like narrative. */
export const MASK = '\u25A0';

export interface Span {
  start: number;
  end: number;
}

/** One quotation as a whole: its segments, in order, and the sentence around it. */
export interface QuoteRun {
  segments: QuoteSegment[];
  /** The sentence where the run opens and the one where it closes (offsets in the article text). */
  firstSentence: number;
  lastSentence: number;
  /** Narrative before the opening mark in its sentence, and after the closing mark in its sentence (masked). */
  before: string;
  after: string;
  /** True when the quoted words are part of the narrator's sentence rather than speech standing alone. */
  fragment: boolean;
}

/** An article as one text, with its quotations located and masked. */
export interface ArticleScan {
  article: Article;
  /** The passages joined: a space within a paragraph, a blank line between paragraphs. */
  text: string;
  /** `text` with every quoted word replaced by MASK (marks kept), so offsets are the same. */
  masked: string;
  parts: { passage: Passage; start: number; end: number }[];
  segments: QuoteSegment[];
  runs: QuoteRun[];
  sentences: Span[];
}

/** Joins an article's passages into one text, remembering where each passage lies. */
function joinPassages(passages: Passage[]): Pick<ArticleScan, 'text' | 'parts'> {
  let text = '';
  const parts: ArticleScan['parts'] = [];
  let previous: Passage | undefined;
  for (const passage of passages) {
    if (previous) text += passage.paragraph !== previous.paragraph ? '\n\n' : ' ';
    parts.push({ passage, start: text.length, end: text.length + passage.text.length });
    text += passage.text;
    previous = passage;
  }
  return { text, parts };
}

function maskQuotes(text: string, segments: QuoteSegment[]): string {
  const chars = text.split(''); // UTF-16 units, so offsets stay those of `text`
  for (const segment of segments) {
    for (let i = segment.start; i < segment.end; i++) if (chars[i] !== '\n') chars[i] = MASK;
  }
  return chars.join('');
}

/** Words before a full stop that do not end a sentence: titles, initials, dotted abbreviations. */
const ABBREVIATION = /(?:^|[^\p{L}])(?:\p{Lu}|Mr|Mrs|Ms|Dr|St|No|Prof|Gen|Sen|Rev|(?:\p{L}\.)+\p{L})$/u;

/**
 * Sentences of the masked article: a sentence ends at . ! ? (or at a closing mark whose quotation
 * ends with one) before a capital, a digit or an opening mark, and at every paragraph break.
 */
function splitSentences(text: string, masked: string, segments: QuoteSegment[]): Span[] {
  const closes = new Map<number, QuoteSegment>();
  for (const segment of segments) if (segment.close !== null) closes.set(segment.close, segment);
  const spans: Span[] = [];
  let start = 0;
  const push = (end: number, next: number) => {
    const span = trimmed(text, start, end);
    if (span.end > span.start) spans.push(span);
    start = next;
  };
  for (let i = 0; i < masked.length; i++) {
    const ch = masked[i]!;
    if (ch === '\n') {
      push(i, i + 1);
      continue;
    }
    let ends = false;
    if (/[.!?\u2026]/u.test(ch)) ends = !(ch === '.' && ABBREVIATION.test(masked.slice(Math.max(0, i - 12), i)));
    const closed = closes.get(i);
    if (closed) ends = /[.!?\u2026]/u.test(text[closed.end - 1] ?? '');
    if (!ends) continue;
    let end = i + 1;
    while (end < masked.length && styleOf(masked[end]!) !== null && closes.has(end)) end++;
    const next = /^[ \t]+(?=[\p{Lu}\p{N}"'\u201C\u2018])/u.exec(masked.slice(end));
    if (next) {
      push(end, end + next[0].length);
      i = end + next[0].length - 1;
    }
  }
  push(masked.length, masked.length);
  return spans;
}

/** Groups segments into runs (a segment that continues joins the run before it). */
function buildRuns(text: string, masked: string, segments: QuoteSegment[], sentences: Span[]): QuoteRun[] {
  const groups: QuoteSegment[][] = [];
  for (const segment of segments) {
    const last = groups.at(-1);
    if (segment.continues && last) last.push(segment);
    else groups.push([segment]);
  }
  return groups.map((group) => {
    const head = group[0]!;
    const tail = group.at(-1)!;
    const firstSentence = sentenceIndexAt(sentences, head.open);
    const tailEnd = tail.close ?? tail.end;
    const lastSentence = sentenceIndexAt(sentences, tailEnd);
    const before = masked.slice(sentences[firstSentence]!.start, head.open);
    const after = tail.close === null ? '' : masked.slice(tail.close + 1, Math.max(tail.close + 1, sentences[lastSentence]!.end));
    const standsAlone =
      group.length > 1 || before.trim() === '' || /:\s*$/u.test(before) || /[.!?\u2026,]$/u.test(text.slice(tail.start, tail.end));
    return { segments: group, firstSentence, lastSentence, before, after, fragment: !standsAlone };
  });
}

/** Locates every quoted span of an article (passages in reading order). */
export function scanArticle(article: Article, passages: Passage[]): ArticleScan {
  const { text, parts } = joinPassages(passages);
  const segments = findQuoteSegments(text);
  const masked = maskQuotes(text, segments);
  const sentences = splitSentences(text, masked, segments);
  const runs = buildRuns(text, masked, segments, sentences);
  return { article, text, masked, parts, segments, runs, sentences };
}

/** Folded words, for comparing phrases: "‘Return hubs'" -> ["return", "hubs"]. */
export function wordsOf(text: string): string[] {
  return fold(text).match(/[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu) ?? [];
}

/** The narrator's own words in an article (quotations cut out), as folded word sequences. */
function narrativeOf(scan: ArticleScan): string {
  const headline = scanHeadline(scan.article.headline ?? '');
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
