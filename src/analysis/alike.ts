/**
 * What several outlets carry alike: passages and quotations in the same or nearly the same words.
 *
 * Texts are compared as folded words (case, diacritics and quote marks ignored; bracketed editorial
 * insertions such as "[English]" dropped) cut into overlapping word n-grams (shingles). Similarity is
 * containment: the share of the shorter text's shingles that the longer one also has, so a quotation
 * cut short or a passage republished inside a longer one still matches, and a reworded ending only
 * costs the shingles it touches. Quotations of up to six words must appear word for word inside the
 * other quotation (a single word must equal it), since two shared word pairs prove nothing.
 *
 * Groups are built by complete linkage: a text joins a group only if it is alike to every member,
 * so two different statements never end up together through a third passage that holds both. For
 * quotations, two fragments of one longer quotation in the group count as alike ("British interest"
 * and "British real estate" both quote the source's longer sentence); passages get no such pass,
 * since a long passage often holds several statements.
 */
import { splitSentences } from '../corpus/sentences.ts';
import type { Corpus, Passage } from '../corpus/types.ts';
import { type AlikeItem, AlikeIndex } from './alike-index.ts';
import {
  type Measure,
  PASSAGE_MEASURE,
  QUOTATION_MEASURE,
  SENTENCE_MEASURE,
  ShingleIds,
  comparableWords,
  similarityOf,
} from './alike-measure.ts';
import type { AlikeGroup, Analysis, Quotation } from './types.ts';

export type { AlikeItem } from './alike-index.ts';
export { MAX_POSTINGS, PASSAGE_THRESHOLD, QUOTATION_THRESHOLD, comparableWords } from './alike-measure.ts';

/** How alike two passages' words are, 0..1 (share of the shorter one's trigrams in the other). */
export function passageSimilarity(a: string, b: string): number {
  return similarityOfTexts(a, b, PASSAGE_MEASURE);
}

/** How alike two quotations' words are, 0..1 (short ones must be equal). */
export function quotationSimilarity(a: string, b: string): number {
  return similarityOfTexts(a, b, QUOTATION_MEASURE);
}

function similarityOfTexts(a: string, b: string, measure: Measure): number {
  const ids = new ShingleIds(measure.shingle);
  return similarityOf(ids.prepare(a), ids.prepare(b), measure);
}

/**
 * The alike groups of a corpus, kept so that after a corpus change only what the change touches is
 * compared and regrouped (see alike-index.ts). `group` changes this object: it then describes the
 * corpus it was last given.
 */
export class AlikeGrouping {
  private readonly passages = new AlikeIndex('passage', PASSAGE_MEASURE);
  private readonly sentences = new AlikeIndex('sentence', SENTENCE_MEASURE);
  private readonly quotations = new AlikeIndex('quotation', QUOTATION_MEASURE);
  /** Each passage's sentences, by passage id (splitting every passage again on each change costs seconds at 100,000). */
  private sentencesOf = new Map<string, { text: string; items: AlikeItem[] }>();

  /** Every alike group of the corpus: passages, sentences and quotations; sets each quotation's groupId. */
  group(corpus: Corpus, quotations: Quotation[]): AlikeGroup[] {
    const sentencesOf = new Map<string, { text: string; items: AlikeItem[] }>();
    const sentences: AlikeItem[] = [];
    for (const passage of corpus.passages) {
      const known = this.sentencesOf.get(passage.id);
      const split = known?.text === passage.text ? known : { text: passage.text, items: sentenceItems(passage) };
      sentencesOf.set(passage.id, split);
      for (const item of split.items) sentences.push(item);
    }
    this.sentencesOf = sentencesOf;
    return [
      ...this.passages.update(corpus.passages),
      ...this.sentences.update(sentences).filter((group) => group.members.length > 1),
      ...setGroupIds(quotations, this.quotations.update(quotations)),
    ];
  }
}

/** Passages several outlets carry alike (every passage in one group). */
export function groupPassages(corpus: Corpus): AlikeGroup[] {
  return new AlikeIndex('passage', PASSAGE_MEASURE).update(corpus.passages);
}

/** A sentence's id: `${passageId}:s${n}`, n its index in splitSentences(passage.text). */
export function sentenceId(passageId: string, index: number): string {
  return `${passageId}:s${index}`;
}

/**
 * Sentences several outlets carry alike (only groups of two or more are returned). Credits are given
 * per sentence, since a passage of three sentences often shares one with another outlet and not the
 * rest; which members print a sentence's very words is read off the group (see printsWords).
 */
export function groupSentences(passages: readonly Passage[]): AlikeGroup[] {
  const items = passages.flatMap(sentenceItems);
  return new AlikeIndex('sentence', SENTENCE_MEASURE).update(items).filter((group) => group.members.length > 1);
}

function sentenceItems(passage: Passage): AlikeItem[] {
  return splitSentences(passage.text).map((span, index) => ({
    id: sentenceId(passage.id, index),
    text: passage.text.slice(span.start, span.end),
  }));
}

/** Whether `printed` holds every word of `shown` in order and next to each other (folded): it printed those words. */
export function printsWords(printed: string, shown: string): boolean {
  const words = comparableWords(shown);
  return words.length > 0 && ` ${comparableWords(printed).join(' ')} `.includes(` ${words.join(' ')} `);
}

/** Every alike group of a corpus: passages, sentences and quotations. */
export function groupAlike(corpus: Corpus, quotations: Quotation[]): AlikeGroup[] {
  return new AlikeGrouping().group(corpus, quotations);
}

/** Quotations carried alike; sets each quotation's groupId. */
export function groupQuotations(quotations: Quotation[]): AlikeGroup[] {
  return setGroupIds(quotations, new AlikeIndex('quotation', QUOTATION_MEASURE).update(quotations));
}

function setGroupIds(quotations: Quotation[], groups: AlikeGroup[]): AlikeGroup[] {
  const groupOf = new Map<string, string>();
  for (const group of groups) for (const member of group.members) groupOf.set(member, group.id);
  for (const quotation of quotations) quotation.groupId = groupOf.get(quotation.id) ?? quotation.id;
  return groups;
}

/** One outlet's attribution of words that other outlets attribute differently. */
export interface Attributed {
  quotationId: string;
  outlet: string;
  articleId: string;
  text: string;
  speaker: string | null;
  speakerName: string | null;
  speakerAsPrinted: string | null;
}

export interface Disagreement {
  groupId: string;
  /** Every occurrence in the group, in corpus order. */
  attributions: Attributed[];
}

/**
 * Groups of alike quotations whose occurrences name different speakers (an unattributed occurrence
 * counts as a different speaker): outlets disagree on who said it, and answers should say so.
 */
export function disagreements(analysis: Pick<Analysis, 'groups' | 'quotations'>): Disagreement[] {
  const byId = new Map(analysis.quotations.map((quotation) => [quotation.id, quotation]));
  const found: Disagreement[] = [];
  for (const group of analysis.groups) {
    if (group.kind !== 'quotation' || group.members.length < 2) continue;
    const attributions = group.members.flatMap((id) => {
      const quotation = byId.get(id);
      if (!quotation) return [];
      const { outlet, articleId, text, speaker, speakerName, speakerAsPrinted } = quotation;
      return [{ quotationId: id, outlet, articleId, text, speaker, speakerName, speakerAsPrinted }];
    });
    if (new Set(attributions.map((attribution) => attribution.speaker)).size > 1) found.push({ groupId: group.id, attributions });
  }
  return found;
}
