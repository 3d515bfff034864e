/**
 * Groups an article's sentences into passages of one to three sentences (about 200-600 characters).
 * A passage never cuts a sentence or a quotation, and stays inside one paragraph unless a quotation
 * runs across paragraphs; within those rules the split minimises short passages.
 */
import type { CleanParagraph } from './clean-text.ts';
import { QuoteTracker } from './quotes.ts';
import { splitSentences } from './sentences.ts';

export const PASSAGE_MIN_CHARS = 200;
export const PASSAGE_MAX_CHARS = 600;
export const PASSAGE_MAX_SENTENCES = 3;
/** A quotation left open this long is taken as a misread mark, so one slip cannot swallow an article. */
const MAX_QUOTED_RUN = 2000;

interface Sentence {
  paragraph: number;
  start: number;
  end: number;
}

/** Sentences that must stay together: one sentence, or a quotation's run of sentences. */
interface Unit {
  sentences: Sentence[];
  length: number;
}

export interface PassageDraft {
  text: string;
  /** Raw page offsets. */
  start: number;
  end: number;
  /** Paragraph where the passage starts. */
  paragraph: number;
  sentences: number;
}

export function buildPassages(paragraphs: readonly CleanParagraph[]): PassageDraft[] {
  const units = groupQuotations(paragraphs);
  const passages: PassageDraft[] = [];
  let chain: Unit[] = [];
  for (const unit of units) {
    const previous = chain[chain.length - 1];
    if (previous && firstOf(unit).paragraph !== lastOf(previous).paragraph) {
      packChain(chain, paragraphs, passages);
      chain = [];
    }
    chain.push(unit);
  }
  packChain(chain, paragraphs, passages);
  return passages;
}

function firstOf(unit: Unit): Sentence {
  return unit.sentences[0] as Sentence;
}
function lastOf(unit: Unit): Sentence {
  return unit.sentences[unit.sentences.length - 1] as Sentence;
}

function groupQuotations(paragraphs: readonly CleanParagraph[]): Unit[] {
  const tracker = new QuoteTracker();
  const units: Unit[] = [];
  let current: Sentence[] = [];
  const flush = (): void => {
    if (current.length > 0) units.push({ sentences: current, length: textLength(current) });
    current = [];
  };
  paragraphs.forEach((paragraph, p) => {
    if (!tracker.startParagraph(paragraph.text)) flush();
    const spans = splitSentences(paragraph.text);
    const open = tracker.openAfter(paragraph.text, spans.map((s) => s.end));
    spans.forEach((span, k) => {
      current.push({ paragraph: p, start: span.start, end: span.end });
      if (!open[k] || textLength(current) > MAX_QUOTED_RUN) flush();
    });
  });
  flush();
  return units;
}

/** Length of the passage text the sentences make (one space between sentences, a newline between paragraphs). */
function textLength(sentences: readonly Sentence[]): number {
  let length = 0;
  let prev: Sentence | undefined;
  for (const s of sentences) {
    length += (prev ? (prev.paragraph === s.paragraph ? s.start - prev.end : 1) : 0) + (s.end - s.start);
    prev = s;
  }
  return length;
}

function cost(length: number): number {
  const short = length < PASSAGE_MIN_CHARS ? (PASSAGE_MIN_CHARS - length) / 50 : 0;
  return 1 + short * short;
}

/** Splits a chain of units into passages by dynamic programming: linear, as a passage holds at most 3 units. */
function packChain(chain: readonly Unit[], paragraphs: readonly CleanParagraph[], out: PassageDraft[]): void {
  const n = chain.length;
  if (n === 0) return;
  const best: number[] = [0];
  const cut: number[] = [0];
  for (let i = 1; i <= n; i++) {
    best[i] = Infinity;
    let length = -1;
    let sentences = 0;
    for (let j = i - 1; j >= 0 && j >= i - PASSAGE_MAX_SENTENCES; j--) {
      const unit = chain[j] as Unit;
      length += unit.length + 1;
      sentences += unit.sentences.length;
      const single = j === i - 1;
      if (!single && (sentences > PASSAGE_MAX_SENTENCES || length > PASSAGE_MAX_CHARS)) break;
      const total = (best[j] ?? Infinity) + cost(length);
      if (total < (best[i] ?? Infinity)) {
        best[i] = total;
        cut[i] = j;
      }
    }
  }
  const bounds: [number, number][] = [];
  for (let i = n; i > 0; i = cut[i] ?? 0) bounds.push([cut[i] ?? 0, i]);
  for (const [from, to] of bounds.reverse()) {
    out.push(toPassage(chain.slice(from, to).flatMap((u) => u.sentences), paragraphs));
  }
}

function toPassage(sentences: readonly Sentence[], paragraphs: readonly CleanParagraph[]): PassageDraft {
  const first = sentences[0] as Sentence;
  const last = sentences[sentences.length - 1] as Sentence;
  const pieces: string[] = [];
  let pieceStart = first;
  let prev = first;
  for (const s of sentences) {
    if (s.paragraph !== prev.paragraph) {
      pieces.push(paragraphs[prev.paragraph]?.text.slice(pieceStart.start, prev.end) ?? '');
      pieceStart = s;
    }
    prev = s;
  }
  pieces.push(paragraphs[last.paragraph]?.text.slice(pieceStart.start, last.end) ?? '');
  const firstMap = paragraphs[first.paragraph]?.map ?? [];
  const lastMap = paragraphs[last.paragraph]?.map ?? [];
  return {
    text: pieces.join('\n').normalize('NFC'),
    start: firstMap[first.start] ?? 0,
    end: (lastMap[last.end - 1] ?? -1) + 1,
    paragraph: first.paragraph,
    sentences: sentences.length,
  };
}
