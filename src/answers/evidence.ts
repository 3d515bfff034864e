/**
 * Whether one sentence holds the kind of answer a question asks for: a date for "when", a stated
 * reason for "why", a count for "how many", an amount for "how much", a definition for "what is", a
 * name for "who". General English cues (and chrono-node for dates), never a story's own words.
 */
import * as chrono from 'chrono-node';
import { termOf, tokenize } from '../search/terms.ts';
import type { QuestionKind } from './question.ts';

export interface SentenceView {
  text: string;
  /** Whether a person or organisation the analysis knows is named in the sentence. */
  namesSomeone: boolean;
  /** How many distinct things of the asked kind (a which-question's) the sentence names. */
  namesAsked: number;
}

/** Whether the sentence holds what a question of this kind asks for (`subject`: the thing a what-is question defines). */
export function holdsAnswer(
  kind: QuestionKind,
  sentence: SentenceView,
  options: { subject?: string; money?: boolean; asked?: ReadonlySet<string>; counted?: readonly string[] } = {},
): boolean {
  switch (kind) {
    case 'when':
      return isDated(sentence.text);
    case 'why':
      return statesReason(sentence.text, options.asked ?? new Set());
    case 'how-many':
      return holdsCount(sentence.text, options.counted, options.asked);
    case 'how-much':
      return options.money
        ? MONEY.test(sentence.text)
        : MONEY.test(sentence.text) || holdsCount(sentence.text, options.counted, options.asked);
    case 'what-is':
      return options.subject !== undefined && defines(sentence.text, options.subject);
    case 'who':
      return sentence.namesSomeone || NAME_INSIDE.test(sentence.text);
    case 'which':
      return sentence.namesAsked > 0;
    default:
      return true;
  }
}

/** Words that ask about money: such a "how much" wants an amount of money, not any number. */
const MONEY_WORDS = new Set([
  'cost',
  'costs',
  'spend',
  'spent',
  'pay',
  'paid',
  'price',
  'worth',
  'funding',
  'fund',
  'money',
  'budget',
  'afford',
]);

export function asksAboutMoney(question: string): boolean {
  return tokenize(question).some((word) => MONEY_WORDS.has(word));
}

/** A date or time the sentence places something at: "this week", "May 2025", "in 2022", "in the autumn". */
export function isDated(text: string): boolean {
  // chrono-node reads a sentence slowly next to a regular expression: only one that may hold a date is read.
  return YEAR.test(text) || SEASON.test(text) || (MAY_BE_DATED.test(text) && chrono.parse(text).length > 0);
}

const MAY_BE_DATED =
  /\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b|\b(?:today|tonight|yesterday|tomorrow|week|weekend|month|year|ago|since|until|next|last|earlier|later|morning|afternoon|evening|night|noon|midnight)\b/iu;

const YEAR = /(?<![\d,.])(?:1[89]\d{2}|20\d{2})(?![\d,])/u;
const SEASON = /\b(?:in|this|next|last|by|until|from)\s+(?:the\s+)?(?:spring|summer|autumn|fall|winter)\b/iu;

/** A cause stated in the sentence; a cue that is one of the question's own words ("concerns about") is no reason. */
function statesReason(text: string, asked: ReadonlySet<string>): boolean {
  for (const match of text.matchAll(REASON)) {
    if (!tokenize(match[0]).some((word) => asked.has(termOf(word) ?? ''))) return true;
  }
  return false;
}

const REASON =
  /\b(?:because|due to|owing to|as a result|reasons?|so that|in order to|given that|on the grounds|since|cited|citing|amid|fears? (?:of|over|that)|concerns? (?:about|over|that)|thanks to|prompt(?:ed|ing)|led to|leading to)\b/giu;

// A count: digits (not a year) or a number word; "one" is left out, it is mostly a pronoun.
const NUMBER =
  /^(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|hundreds|thousand|thousands|million|millions|billion|billions|dozens?)$/iu;
const YEAR_ONLY = /^(?:1[89]\d{2}|20\d{2})$/u;
/** Words that count people, whatever the question calls them ("12,000 people" answers "how many migrants"). */
const PEOPLE = new Set(['people', 'persons', 'individuals']);
/** Nouns for people: a question counting them is answered by a count of "people". */
const PERSON_NOUNS = new Set(
  'people person individual migrant refugee asylum seeker worker citizen resident child children men women voter member soldier officer victim'
    .split(' ')
    .map((word) => termOf(word)!),
);
/** How far after a number the counted thing may stand: "13,573 small boat migrants". */
const COUNTED_WITHIN = 4;

/**
 * Whether the text counts what is asked: a number (not a year) with one of `counted` (the question's
 * words before its verb: "small boat migrants") among the words after it, and, when the question
 * says more, another of its words near (a few words before the number, or after the thing counted):
 * "nine countries" on "a shortlist", not "a list of nine countries" for a question on the region.
 * With nothing to match, any count.
 */
function holdsCount(text: string, counted: readonly string[] = [], asked: ReadonlySet<string> = new Set()): boolean {
  const words = text.split(/\s+/u).map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''));
  const terms = words.map((word) => termOf(word));
  return words.some((word, i) => {
    if (!NUMBER.test(word) || YEAR_ONLY.test(word)) return false;
    if (counted.length === 0) return true;
    for (let j = i + 1; j <= i + COUNTED_WITHIN && j < words.length; j++) {
      const term = terms[j];
      const isCounted =
        (term != null && counted.includes(term)) || (PEOPLE.has(words[j]!.toLowerCase()) && counted.some((noun) => PERSON_NOUNS.has(noun)));
      if (!isCounted) continue;
      const others = [...asked].filter((other) => other !== term);
      if (others.length === 0) return true;
      const near = [...terms.slice(Math.max(0, i - NEAR_BEFORE), i), ...terms.slice(j + 1, j + 1 + NEAR_AFTER)];
      if (near.some((other) => other != null && others.includes(other))) return true;
    }
    return false;
  });
}

const NEAR_BEFORE = 4;
const NEAR_AFTER = 8;

const MONEY = /[£$€]\s?\d|\b\d[\d,.]*\s?(?:bn|m|k)?\s?(?:pounds|dollars|euros)\b|\b(?:million|billion)\s+(?:pounds|dollars|euros)\b/iu;

// A name inside a sentence (not its first word, which is capitalised anyway): "was ruled out by Edi Rama".
const NAME_INSIDE = /\s\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)+/u;

/**
 * Whether the sentence says what the subject is: its head word followed, within a few words, by a
 * copula and a description ("are places where ...", "is a ..."), a modal and "be for" (not "could be a
 * possibility": a modal and an article guess, they do not define) or a verb of
 * purpose ("These hubs would house ..."), "aimed at", "designed to", "wherein", "which/that would ...",
 * or an apposition ("X, a ..."); never by a negation or a passive ("could be hijacked").
 */
export function defines(text: string, subject: string): boolean {
  const subjectTerms = tokenize(subject)
    .map((word) => termOf(word))
    .filter((term): term is string => term !== null);
  const head = subjectTerms.at(-1);
  if (!head) return false;
  const words = text.split(/\s+/u);
  for (let i = 0; i < words.length; i++) {
    if (termOf(clean(words[i]!)) !== head) continue;
    // Adverbs ("effectively") and quote marks do not change what follows.
    const after = words
      .slice(i + 1, i + 8)
      .map((word) => clean(word).toLowerCase())
      .filter((word) => word.length > 0 && !/ly$/u.test(word));
    if (/[,(—–]$/u.test(words[i]!.replace(/['"’”]+$/u, '')) && ARTICLES.has(after[0] ?? '')) return true;
    if (after.slice(0, 4).some((word) => NEGATIONS.has(word))) continue;
    const [first = '', second = '', third = ''] = after;
    if (COPULA.has(first) && DESCRIBES.has(second)) return true;
    if (MODALS.has(first) && ((second === 'be' && DESCRIBES.has(third) && !ARTICLES.has(third)) || PURPOSE_VERBS.has(second))) return true;
    if (LINKS.has(first) || (RELATIVES.has(first) && (MODALS.has(second) || COPULA.has(second)))) return true;
  }
  return false;
}

const ARTICLES = new Set(['a', 'an', 'the']);
const NEGATIONS = new Set(['not', 'no', 'never', "n't"]);
const COPULA = new Set(['is', 'are', 'was', 'were']);
/** What follows a copula that describes rather than reports an event: "are places", "is a", "are for". */
const DESCRIBES = new Set([
  'a',
  'an',
  'the',
  'for',
  'where',
  'places',
  'centres',
  'centers',
  'facilities',
  'sites',
  'designed',
  'intended',
  'meant',
  'used',
  'set',
  'known',
  'defined',
]);
const MODALS = new Set(['would', 'will', 'could', 'can', 'should', 'must']);
/** Verbs that say what a thing does or is for ("would house", "will process"): not events that befall it. */
const PURPOSE_VERBS = new Set([
  'house',
  'hold',
  'process',
  'take',
  'receive',
  'serve',
  'allow',
  'provide',
  'host',
  'accommodate',
  'handle',
  'keep',
  'detain',
  'buy',
  'offer',
  'act',
  'let',
  'enable',
  'help',
  'give',
  'contain',
  'include',
  'mean',
  'involve',
]);
const LINKS = new Set(['aimed', 'designed', 'intended', 'meant', 'wherein', 'whereby', 'involves', 'involve', 'means', 'refers']);
const RELATIVES = new Set(['which', 'that', 'where']);

function clean(word: string): string {
  return word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}
