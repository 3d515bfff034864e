import { matchEntities } from '../analysis/entities.ts';
import { YEAR_COUNTS, findFigures } from '../analysis/figures.ts';
import { quotationsOf } from '../analysis/index.ts';
import type { EntityKind, Figure } from '../analysis/types.ts';
import { splitSentences } from '../corpus/sentences.ts';
import type { Article, Corpus, Passage } from '../corpus/types.ts';
import { termOf, termsOf } from '../search/terms.ts';
import { fold } from '../text/fold.ts';
import type { AnswerContext } from './context.ts';

/**
 * A chat message as the analysis reads an article: the message becomes a one-article corpus, so its
 * quotations (with the speaker the message gives them), figures (with what they count) and names come
 * from the same code that read the coverage. What is left of a sentence about a person once the name
 * and any quotation are taken out is the claim made about them ("agreed to host a hub").
 */

export interface QuotedWords {
  text: string;
  /** Who the message says spoke: an entity id, or a source as printed; null when it does not say. */
  speaker: string | null;
  speakerName: string | null;
}

export interface NamedEntity {
  entityId: string;
  kind: EntityKind;
  name: string;
}

export interface PersonClaim {
  entityId: string;
  name: string;
  /** The sentence that makes the claim, as the message has it. */
  sentence: string;
  /** The sentence's own words about them (the name and quotations taken out), to search with. */
  claim: string;
  /** The claim's content terms, reporting verbs left out. */
  terms: string[];
  /** The sentence says they said something ("said", "told"): words given to someone else matter. */
  reported: boolean;
}

export interface MessageReading {
  quotations: QuotedWords[];
  /** Figures that count something (years left out). */
  figures: Figure[];
  claims: PersonClaim[];
  /** Names without a claim of their own: places, organisations, people merely mentioned. */
  named: NamedEntity[];
  /** Outlets of the coverage that the message names. */
  outlets: string[];
}

const MESSAGE_ARTICLE: Article = {
  id: 'message',
  outlet: 'the message',
  site: 'message',
  url: '',
  headline: '',
  date: null,
  file: 'message',
  itemIndex: 0,
  furnitureChars: 0,
  truncated: false,
};

// "Said", "told": they say that someone spoke, not what about; the claim is in the other words.
const REPORTING_TERMS = new Set(
  ['said', 'says', 'say', 'told', 'tells', 'stated', 'states', 'claimed', 'claims', 'added', 'according', 'reportedly', 'apparently']
    .map((word) => termOf(word))
    .filter((term): term is string => term !== null),
);

export function readMessage(context: AnswerContext, text: string): MessageReading {
  const paragraphs = text
    .split(/\n+/u)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph.length > 0);
  let offset = 0;
  const passages: Passage[] = paragraphs.map((paragraph, index) => {
    const passage = {
      id: `message:${index}`,
      articleId: MESSAGE_ARTICLE.id,
      index,
      text: paragraph,
      start: offset,
      end: offset + paragraph.length,
      paragraph: index,
    };
    offset += paragraph.length + 1;
    return passage;
  });
  const corpus: Corpus = { hash: '', articles: [MESSAGE_ARTICLE], passages };
  const { gazetteer } = context;

  const found = quotationsOf(corpus, gazetteer);
  const quotations: QuotedWords[] = [
    ...found.quotations.map((quotation) => ({ text: quotation.text, speaker: quotation.speaker, speakerName: quotation.speakerName })),
    ...found.phrases.map((phrase) => ({ text: phrase.text, speaker: null, speakerName: null })),
  ];
  const figures = passages
    .flatMap((passage) => findFigures(passage, MESSAGE_ARTICLE, gazetteer))
    .filter((figure) => figure.counts !== YEAR_COUNTS);

  const claims = new Map<string, PersonClaim>();
  const named = new Map<string, NamedEntity>();
  for (const passage of passages) {
    const quoted = quotedRanges(passage, found.quotations, found.phrases);
    for (const sentence of splitSentences(passage.text)) {
      const sentenceText = passage.text.slice(sentence.start, sentence.end);
      const mentions = matchEntities(sentenceText, gazetteer, { ignoreCase: true });
      // The sentence without its names and quotations: what it says about them.
      let rest = sentenceText;
      for (const { start, end } of [
        ...mentions,
        ...quoted.map(([from, to]) => ({ start: from - sentence.start, end: to - sentence.start })),
      ]) {
        if (end <= 0 || start >= rest.length) continue;
        rest = rest.slice(0, Math.max(0, start)) + ' '.repeat(Math.min(rest.length, end) - Math.max(0, start)) + rest.slice(end);
      }
      const allTerms = termsOf(rest);
      const terms = allTerms.filter((term) => !REPORTING_TERMS.has(term));
      const reported = allTerms.length > terms.length;
      const inQuotation = (start: number) => quoted.some(([from, to]) => start + sentence.start >= from && start + sentence.start < to);
      // "X said '…'": the quotation check covers what the sentence claims about its speaker.
      const quotes = quoted.some(([from, to]) => from < sentence.end && to > sentence.start);
      for (const mention of mentions) {
        const entity = gazetteer.byId.get(mention.entityId);
        // A name inside quoted words is part of what was said, checked with the quotation.
        if (!entity || inQuotation(mention.start)) continue;
        if (entity.kind === 'person' && terms.length > 0 && !quotes && !claims.has(entity.id)) {
          const claim = rest.replace(/\s+/gu, ' ').trim();
          claims.set(entity.id, { entityId: entity.id, name: entity.name, sentence: sentenceText.trim(), claim, terms, reported });
        } else if (!named.has(entity.id)) {
          named.set(entity.id, { entityId: entity.id, kind: entity.kind, name: entity.name });
        }
      }
    }
  }
  for (const id of claims.keys()) named.delete(id);
  return { quotations, figures, claims: [...claims.values()], named: [...named.values()], outlets: outletsNamedIn(context, text) };
}

function quotedRanges(
  passage: Passage,
  quotations: { passageId: string; start: number; end: number }[],
  phrases: { passageId: string; text: string }[],
): [number, number][] {
  const ranges: [number, number][] = quotations
    .filter((quotation) => quotation.passageId === passage.id)
    .map((quotation) => [quotation.start, quotation.end]);
  for (const phrase of phrases) {
    if (phrase.passageId !== passage.id) continue;
    const at = passage.text.indexOf(phrase.text);
    if (at >= 0) ranges.push([at, at + phrase.text.length]);
  }
  return ranges;
}

/**
 * Outlets named in the message, as they print their own name: "Sky News", "the Times". Capitals count
 * (an outlet's name is often an ordinary word: "the sun is out" names no newspaper), a leading "The" aside.
 */
function outletsNamedIn(context: AnswerContext, text: string): string[] {
  const folded = ` ${fold(text).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  return context.story.outlets.filter((outlet) => {
    const core = outlet.replace(/^the\s+/iu, '');
    if (
      !folded.includes(
        ` ${fold(core)
          .replace(/[^\p{L}\p{N}]+/gu, ' ')
          .trim()} `,
      )
    )
      return false;
    return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(core)}(?![\\p{L}\\p{N}])`, 'u').test(text);
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}
