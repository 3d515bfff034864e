/**
 * Quotation tracking, so that passages never cut a quotation in half. Handles double quotes (straight
 * and curly) and the single-quote style ('...') some outlets use, telling quote marks from apostrophes
 * ("you'd", "Britain's", "Kosovo 's", "U.K.'s", "the Tories' plan") by their shape. Follows the press
 * convention that a quotation running on re-opens its mark at each new paragraph (or, in pages whose
 * paragraphs were run together, at each new sentence) without closing the previous one.
 */
import { isLetter, isLetterOrDigit, isSpace, skipSpace } from './text.ts';

type QuoteKind = 'double' | 'single';
/** 'maybe-close' is a closing-shaped "s'" before a lowercase word: a plural possessive or the end of a quotation. */
type QuoteRole = 'open' | 'close' | 'maybe-close';

export interface QuoteMark {
  at: number;
  kind: QuoteKind;
  role: QuoteRole;
}

const BOUNDARY_BEFORE = new Set(['(', '[', '{', '—', '–', '-', '/', '“', '‘']);
/** "'s", "'em", "'n'", "'90s" after a space are elisions, not quotations. */
const ELISION = /^['’](?:(?:s|em|n|tis|twas|til|cause)(?!\p{L})|\d\d)/u;

function isBoundaryBefore(text: string, i: number): boolean {
  const prev = text[i - 1];
  return i === 0 || isSpace(prev) || BOUNDARY_BEFORE.has(prev ?? '');
}

const SENTENCE_BEFORE = /(?:^|[.!?…]["'”’)\]]*\s+)$/u;

function atSentenceStart(text: string, i: number): boolean {
  return SENTENCE_BEFORE.test(text.slice(Math.max(0, i - 8), i));
}

/** Every quote mark of a paragraph with its role; apostrophes are left out. Linear. */
export function findQuoteMarks(text: string): QuoteMark[] {
  const marks: QuoteMark[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const next = text[i + 1];
    if (ch === '“') marks.push({ at: i, kind: 'double', role: 'open' });
    else if (ch === '”') marks.push({ at: i, kind: 'double', role: 'close' });
    else if (ch === '"') {
      const opens = isBoundaryBefore(text, i) && next !== undefined && !isSpace(next);
      marks.push({ at: i, kind: 'double', role: opens ? 'open' : 'close' });
    } else if (ch === "'" || ch === '‘' || ch === '’') {
      const role = singleRole(text, i);
      if (role) marks.push({ at: i, kind: 'single', role });
    }
  }
  return marks;
}

function singleRole(text: string, i: number): QuoteRole | undefined {
  const ch = text[i];
  const next = text[i + 1];
  if (ch === '‘') return /\d/u.test(next ?? '') ? undefined : 'open';
  if (isBoundaryBefore(text, i)) {
    if (next === undefined || isSpace(next)) return undefined;
    return ELISION.test(text.slice(i, i + 6)) ? undefined : 'open';
  }
  // Inside a word ("you'd", "U.K.'s"): an apostrophe.
  if (isLetter(next) || (isLetterOrDigit(text[i - 1]) && isLetterOrDigit(next))) return undefined;
  const prev = text[i - 1];
  if ((prev === 's' || prev === 'S') && isSpace(next) && /\p{Ll}/u.test(text[i + 2] ?? '')) return 'maybe-close';
  return 'close';
}

/** Follows quotations across the sentences and paragraphs of one article. */
export class QuoteTracker {
  private double = false;
  private single = false;

  get isOpen(): boolean {
    return this.double || this.single;
  }

  /**
   * Call at each paragraph's start. An open quotation carries on only if the paragraph re-opens it
   * with the same mark; otherwise it is taken as ended. Returns whether it carries on.
   */
  startParagraph(text: string): boolean {
    const first = text[skipSpace(text, 0)];
    this.double &&= first === '"' || first === '“';
    this.single &&= first === "'" || first === '‘';
    return this.isOpen;
  }

  /** Feeds one paragraph; returns, for each sentence end offset, whether a quotation is open there. */
  openAfter(text: string, sentenceEnds: readonly number[]): boolean[] {
    const marks = findQuoteMarks(text);
    // For each mark, the role of the next single-quote mark after it that is not a re-opening at a
    // sentence start (resolves 'maybe-close').
    const nextSingle: (QuoteRole | undefined)[] = new Array<QuoteRole | undefined>(marks.length);
    let following: QuoteRole | undefined;
    for (let k = marks.length - 1; k >= 0; k--) {
      nextSingle[k] = following;
      const mark = marks[k];
      if (mark?.kind === 'single' && !(mark.role === 'open' && atSentenceStart(text, mark.at))) following = mark.role;
    }
    const result: boolean[] = [];
    let k = 0;
    for (const end of sentenceEnds) {
      for (; k < marks.length && (marks[k]?.at ?? Infinity) < end; k++) {
        const mark = marks[k];
        if (mark) this.apply(mark, nextSingle[k]);
      }
      result.push(this.isOpen);
    }
    return result;
  }

  private apply(mark: QuoteMark, nextSingleRole: QuoteRole | undefined): void {
    const open = mark.kind === 'double' ? this.double : this.single;
    let opens: boolean;
    if (mark.role === 'open') opens = true; // re-opening an open quotation keeps it open
    else if (mark.role === 'close') opens = false;
    // "the countries' law ... threats.'": a later closing mark means this one was a possessive;
    // a later quotation opening mid-sentence means this one closed.
    else opens = open && nextSingleRole !== undefined && nextSingleRole !== 'open';
    if (mark.kind === 'double') this.double = opens;
    else this.single = opens;
  }
}
