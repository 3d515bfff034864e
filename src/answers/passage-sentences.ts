/**
 * A passage's sentences as answers read them: their offsets and content terms. The best passages recur
 * from question to question and every command reads them again (answering sentences, credits, who
 * said), so each passage is split and its sentences' terms worked out once. The cache is bounded (it
 * is cleared when full) so that the heap does not grow with every passage ever shown.
 */
import { splitSentences, type SentenceSpan } from '../corpus/sentences.ts';
import type { Passage } from '../corpus/types.ts';
import { termsOf } from '../search/terms.ts';

/** One sentence of a passage: its offsets in the passage text, and its content terms worked out when first read. */
export class PassageSentence implements SentenceSpan {
  private termSet: ReadonlySet<string> | undefined;

  constructor(
    private readonly passage: Passage,
    readonly start: number,
    readonly end: number,
  ) {}

  get text(): string {
    return this.passage.text.slice(this.start, this.end);
  }

  /** termsOf(text), as a set. */
  get terms(): ReadonlySet<string> {
    this.termSet ??= new Set(termsOf(this.text));
    return this.termSet;
  }
}

/** Passages whose sentences are kept at once. */
const KEPT_PASSAGES = 8192;
const sentencesByPassage = new Map<Passage, readonly PassageSentence[]>();

/** The sentences of a passage (splitSentences of its text), with their offsets in it. */
export function sentencesOf(passage: Passage): readonly PassageSentence[] {
  let sentences = sentencesByPassage.get(passage);
  if (!sentences) {
    if (sentencesByPassage.size >= KEPT_PASSAGES) sentencesByPassage.clear();
    sentences = splitSentences(passage.text).map((span) => new PassageSentence(passage, span.start, span.end));
    sentencesByPassage.set(passage, sentences);
  }
  return sentences;
}
