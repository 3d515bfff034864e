/**
 * Number claims and what they count, so outlets' figures can be set side by side: "a record
 * 13,573 small boat migrants have reached the UK so far this year" and "over 12,000 people have
 * crossed the Channel ... so far this year" both count "small-boat arrivals this year".
 *
 * A figure is a number with a counted noun after it ("nine countries", "22,000 people"), or a
 * year. A number with nothing counted after it (an image counter, a duration, "No 10") is none.
 * Labels come from general rules on the words around the number: the counted noun, what it is a
 * list of or where it is, how the people travelled, and the time scope.
 */
import type { Article, Passage } from '../corpus/types.ts';
import { regexFor, twinRegex } from '../text/ascii-regex.ts';
import { type SentenceSpan, splitSentences } from '../corpus/sentences.ts';
import type { Gazetteer } from './gazetteer.ts';
import { matchEntities } from './entities.ts';
import type { Figure } from './types.ts';

/** The `counts` label of a year (2022, "late 2024"): a date, not a quantity outlets could disagree on. */
export const YEAR_COUNTS = 'year';

const UNITS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const MULTIPLIERS: Record<string, number> = { hundred: 100, thousand: 1_000, million: 1_000_000, billion: 1_000_000_000 };

const WORD_NUMBER = `(?:${[...TENS.filter(Boolean), ...UNITS.slice(1)].join('|')})(?:-(?:${UNITS.slice(1, 10).join('|')}))?`;
/** A number as printed: 13,573 / 12.5 / nine / twenty-two, with an optional multiplier. */
const NUMBER = twinRegex(
  new RegExp(
    `(?<![\\p{L}\\p{N}.,:£$€₹¥/])(?:(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)|(${WORD_NUMBER}))(?:\\s+(hundred|thousand|million|billion))?(?![\\p{L}\\p{N}]|[.,:/]\\d)`,
    'giu',
  ),
);
/** Words before a number that qualify it, kept in `printed`: "a record", "over", "nearly". */
const QUALIFIER =
  /(?:^|[^\p{L}])((?:(?:a|an)\s+)?(?:record|more than|over|nearly|almost|about|around|roughly|approximately|some|at least|up to|fewer than|less than|just over|just under|close to|estimated|further|only)\s+)$/iu;
/** Words before a year kept in `printed`: "mid-2024", "late 2024", "May 2025". */
const YEAR_QUALIFIER =
  /(?:^|[^\p{L}])((?:early|mid|late)[\s-]|(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+)$/iu;

/** Words that end a counted noun phrase before its head: "2025 on course", "2 The western". */
const PHRASE_STOPS = new Set([
  'a',
  'an',
  'the',
  'of',
  'in',
  'on',
  'at',
  'to',
  'by',
  'for',
  'from',
  'with',
  'and',
  'or',
  'but',
  'as',
  'than',
  'per',
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'has',
  'have',
  'had',
  'will',
  'would',
  'could',
  'can',
  'may',
  'might',
  'said',
  'says',
  'who',
  'which',
  'that',
  'this',
  'these',
  'those',
  'its',
  'his',
  'her',
  'their',
  'us',
  'yes',
  'does',
]);
/** Plural nouns that do not end in -s. */
const IRREGULAR_PLURALS = new Set(['people', 'men', 'women', 'children', 'police', 'staff', 'personnel']);

/** Counted nouns that are people on the move, given movement words nearby. */
const TRAVELLERS = new Set([
  'people',
  'migrants',
  'crossings',
  'arrivals',
  'refugees',
  'seekers',
  'persons',
  'individuals',
  'asylum-seekers',
]);
const MOVEMENT =
  /\b(?:cross(?:ed|es|ing|ings)?|reach(?:ed|es|ing)?|arriv(?:e|ed|es|ing|als?)|enter(?:ed|ing|s)?|used|travell?(?:ed|ing)?|route|landed|small[\s-]boats?|channel)\b/iu;
const SMALL_BOATS = /\bsmall[\s-]boats?\b|\bdinghies\b/iu;
/** Words before a place that make it where people go, not the way they take. */
const DESTINATION_BEFORE = /\b(?:into|enter|entering|entered|reach|reached|reaching|to|in|arrive in|arrived in)\s+(?:the\s+)?$/iu;
/** Synonyms of what a list holds. */
const COUNTRIES = new Set(['countries', 'nations', 'states']);
const LIST_WORDS = /\b(?:short-?list|list|longlist)\b/iu;
const TIME_SCOPE = /\b(?:(?:so far )?(this|last|next) (year|month|week)|(in|since) ((?:19|20)\d\d))\b/iu;

/** The number claims in a passage, each with what it counts, in order of position. */
export function findFigures(passage: Passage, article: Article, gazetteer: Gazetteer): Figure[] {
  const text = passage.text;
  const figures: Figure[] = [];
  let sentences: SentenceSpan[] | undefined; // split once, on the passage's first number
  for (const match of text.matchAll(regexFor(NUMBER, text))) {
    const numberStart = match.index;
    const numberEnd = numberStart + match[0].length;
    const value = numberValue(match[1], match[2], match[3]);
    if (value === undefined) continue;

    sentences ??= splitSentences(text);
    const sentence = sentenceAround(sentences, text, numberStart, numberEnd);
    const phrase = countedPhrase(text, numberEnd, sentence.end);
    const isYear = match[1] !== undefined && /^(?:19|20)\d\d$/.test(match[1]) && !match[3] && !phrase;
    let start = numberStart;
    let counts: string;
    if (isYear) {
      const qualifier = YEAR_QUALIFIER.exec(text.slice(sentence.start, numberStart))?.[1];
      if (qualifier) start -= qualifier.length;
      counts = YEAR_COUNTS;
    } else {
      // A bare number counts nothing: image counters, durations, "No 10". A lone "one" is rarely a claim.
      if (!phrase || value === 1) continue;
      const qualifier = QUALIFIER.exec(text.slice(sentence.start, numberStart))?.[1];
      if (qualifier) start -= qualifier.length;
      counts = countedLabel(text, { start, numberEnd, phrase, sentence }, gazetteer);
    }
    figures.push({
      passageId: passage.id,
      articleId: article.id,
      outlet: article.outlet,
      value,
      printed: text.slice(start, numberEnd),
      counts,
      start,
      end: numberEnd,
    });
  }
  return figures;
}

function numberValue(digits: string | undefined, words: string | undefined, multiplier: string | undefined): number | undefined {
  let value: number | undefined;
  if (digits !== undefined) value = Number(digits.replace(/,/g, ''));
  else if (words !== undefined) value = wordValue(words.toLowerCase());
  if (value === undefined || Number.isNaN(value)) return undefined;
  return multiplier ? value * (MULTIPLIERS[multiplier.toLowerCase()] ?? 1) : value;
}

/** "nine" -> 9, "twenty-two" -> 22. */
function wordValue(words: string): number | undefined {
  const [first = '', second] = words.split('-');
  const unit = UNITS.indexOf(first);
  if (unit >= 0) return second === undefined ? unit : undefined;
  const tens = TENS.indexOf(first);
  if (tens < 2) return undefined;
  if (second === undefined) return tens * 10;
  const extra = UNITS.indexOf(second);
  return extra > 0 && extra < 10 ? tens * 10 + extra : undefined;
}

interface Range {
  start: number;
  end: number;
}

/** The sentence holding a span, by the pipeline's sentence splitter (corpus/sentences.ts). */
function sentenceAround(sentences: SentenceSpan[], text: string, start: number, end: number): Range {
  const holding = sentences.find((sentence) => sentence.end >= end && sentence.start <= start);
  return holding ?? { start: 0, end: text.length };
}

interface CountedPhrase {
  /** Words before the head: "small boat" in "small boat migrants". */
  modifiers: string[];
  /** The counted noun, lower case: "migrants". */
  head: string;
  /** Offset just after the head. */
  end: number;
}

/** The counted noun phrase right after a number: up to four modifiers and a plural head. */
function countedPhrase(text: string, from: number, limit: number): CountedPhrase | undefined {
  const word = /\s+([\p{L}][\p{L}'’-]*)/uy;
  const words: string[] = [];
  let at = from;
  while (words.length < 5 && at < limit) {
    word.lastIndex = at;
    const match = word.exec(text);
    if (!match || match[1] === undefined) return undefined;
    const token = match[1].toLowerCase().replace(/['’]s?$/u, '');
    if (PHRASE_STOPS.has(token)) return undefined;
    at = match.index + match[0].length;
    if (isPluralNoun(token)) return { modifiers: words, head: token, end: at };
    words.push(token);
  }
  return undefined;
}

function isPluralNoun(word: string): boolean {
  if (IRREGULAR_PLURALS.has(word)) return true;
  return /[a-z]{2}s$/u.test(word) && !/(?:ss|us|is|ous)$/u.test(word);
}

/** What a counted number counts, normalised so that outlets' figures line up. */
function countedLabel(
  text: string,
  at: { start: number; numberEnd: number; phrase: CountedPhrase; sentence: Range },
  gazetteer: Gazetteer,
): string {
  const { phrase, sentence } = at;
  const clauseEnd = clauseEndAfter(text, phrase.end, sentence.end);
  const clauseStart = clauseStartBefore(text, at.start, sentence.start);
  const before = text.slice(clauseStart, at.start);
  const after = text.slice(phrase.end, clauseEnd);
  const clause = text.slice(clauseStart, clauseEnd);
  const time = timeScope(after) ?? timeScope(before);
  const withTime = (label: string) => (time ? `${label} ${time}` : label);

  if (COUNTRIES.has(phrase.head)) {
    // What the countries are: on a list, or in a region.
    const listedBefore = LIST_WORDS.test(before.split(/\s+/).slice(-4).join(' '));
    const listedAfter = /^\s+(?:\S+\s+)?on\s+(?:a|the)\s+(?:short-?)?list\b/iu.test(after);
    if (listedBefore || listedAfter) return withTime('countries on the shortlist');
    const modifiers = phrase.modifiers.join(' ');
    const region = placesIn(modifiers, gazetteer)[0] ?? placesIn(/^\s+in\s+(?:the\s+)?([^,;.]*)/iu.exec(after)?.[1] ?? '', gazetteer)[0];
    return withTime(region ? `${region.name} countries` : 'countries');
  }

  if (TRAVELLERS.has(phrase.head) && (MOVEMENT.test(clause) || phrase.head === 'crossings' || phrase.head === 'arrivals')) {
    if (SMALL_BOATS.test(clause)) return withTime('small-boat arrivals');
    const route = routePlace(text, clauseStart, clauseEnd, gazetteer);
    if (route) return withTime(`${route} route crossings`);
    return withTime('migrant crossings');
  }

  return withTime([...phrase.modifiers, phrase.head].join(' '));
}

/** The clause runs to the next comma, semicolon, dash or bracket (not a thousands comma). */
function clauseEndAfter(text: string, from: number, limit: number): number {
  const boundary = /(?:,(?!\d)|;|:|\s[-–—]\s|[()])/gu;
  boundary.lastIndex = from;
  const match = boundary.exec(text);
  return match && match.index < limit ? match.index : limit;
}

function clauseStartBefore(text: string, to: number, limit: number): number {
  const head = text.slice(limit, to);
  let start = limit;
  for (const match of head.matchAll(/(?:,(?!\d)|;|:|\s[-–—]\s|[()])/gu)) start = limit + match.index + match[0].length;
  return start;
}

function timeScope(words: string): string | undefined {
  const match = TIME_SCOPE.exec(words);
  if (!match) return undefined;
  if (match[1] && match[2]) return `${match[1].toLowerCase()} ${match[2].toLowerCase()}`;
  return `${match[3]!.toLowerCase()} ${match[4]}`;
}

/** The places a run of words names, in order. */
function placesIn(words: string, gazetteer: Gazetteer) {
  return matchEntities(words, gazetteer, { ignoreCase: true })
    .map((mention) => gazetteer.byId.get(mention.entityId)!)
    .filter((entity) => entity.kind === 'place');
}

/** The place people travel through in a clause: a place not named as where they go. */
function routePlace(text: string, start: number, end: number, gazetteer: Gazetteer): string | undefined {
  const clause = text.slice(start, end);
  for (const mention of matchEntities(clause, gazetteer)) {
    const entity = gazetteer.byId.get(mention.entityId);
    if (entity?.kind !== 'place') continue;
    if (DESTINATION_BEFORE.test(clause.slice(0, mention.start))) continue;
    return entity.name;
  }
  return undefined;
}
