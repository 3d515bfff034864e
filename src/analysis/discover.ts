/**
 * People and organisations discovered in one article from how news text prints them, with no list
 * of names: a run of capitalised words is a person's name when the text marks it as one (an honorific
 * before it: "Ms Osmani"; an office title before it: "Prime Minister Edi Rama", "Kosovan President
 * Vjosa Osmani"; a title in apposition: "Chris Philp, shadow home secretary,", "its Prime Minister,
 * Edi Rama,"; an age: "Jane Doe, 54,"; a speech verb: "Marta Kovač said", "said Marta Kovač"), and an
 * organisation's when it ends in an organisation noun ("Home Office", "Labour Party") or is an acronym
 * ("MI6"). Places are not discovered here: they are confirmed against world data (place-names.ts).
 *
 * Within the article one person is one name: the full name, the surname alone, an honorific or title
 * with the surname ("Mr Philp", "President Vucic"), "Sir" or "Dame" with the first name ("Sir Keir").
 * A surname two people share stays unlinked. The pronoun a person goes by is learned only from the
 * text: an honorific (Mr, Ms, Sir, Dame), or "he"/"she"/"his"/"her" right after the person speaks
 * ("Osmani said her country ..."). Titles bound to a person in this article are kept for the cross-article
 * merge ("Prime Minister" -> Keir Starmer; "president" of Kosovo -> Vjosa Osmani).
 */
import { fold } from '../text/fold.ts';
import { HONORIFICS, NOT_NAME_WORDS, ORGANISATION_HEADS, TITLE_ABBREVIATIONS, TITLE_HEADS, TITLE_MODIFIERS } from './name-words.ts';
import { type Span, sentenceIndexAt } from './scan.ts';
import { type Token, isAllCaps, isCapitalised, joined, tokenize } from './tokens.ts';
import { countryOfDemonym, world } from './world.ts';

export type Pronoun = 'he' | 'she';

/** A title bound to a person: "prime minister" (of no place named), "president" of "kosovo". */
export interface TitleBinding {
  /** Folded, abbreviations expanded: "prime minister", "shadow home secretary". */
  title: string;
  /** Place id the title is of, or null when the text names none. */
  of: string | null;
}

export interface LocalName {
  /** Folded words of the fullest name: "keir starmer"; one word for a surname met alone: "philp". */
  key: string;
  kind: 'person' | 'organisation';
  /** The fullest name as printed: "Keir Starmer". */
  name: string;
  /** Every form printed for it in the article: "Keir Starmer", "Starmer", "Sir Keir". */
  forms: string[];
  gender?: Pronoun;
  bindings: TitleBinding[];
  /**
   * False for a run of capitalised words the article prints with no person cue ("Vladimir Putin's
   * regime"): a person only if another article marks the same name as one.
   */
  confirmed: boolean;
}

/** A mention of a discovered name, with offsets in the article text. */
export interface NameMention {
  key: string;
  start: number;
  end: number;
}

export interface DiscoveredNames {
  names: LocalName[];
  mentions: NameMention[];
}

/** What discovery reads about an article. */
export interface ArticleText {
  text: string;
  /** The text with quoted words masked: speech cues count only in the narrator's words. */
  masked: string;
  sentences: Span[];
  /** Spans already known (curated entities, world places): no name is discovered inside them. */
  known: { start: number; end: number; placeId?: string; personId?: string }[];
  /** `tokenize(text)`, when the caller has it already (the place matcher reads the same words). */
  tokens?: Token[];
}

const SPEECH_AFTER =
  /^\s+(?:has\s+|had\s+|have\s+|also\s+|later\s+|then\s+)?(?:said|says|say|told|tells|tell|added|adds|explained|insisted|argued|stated|warned|wrote|replied|confirmed|claimed|noted|recalled|acknowledged|admitted|stressed|continued|announced|declared)\b/u;
const SPEECH_BEFORE = /(?:\bsaid|\bsays|\badded|\bwrote|\baccording to|\btold|\bexplained)\s+$/u;
/** Particles inside a name: "Ursula von der Leyen", "Abu Bakr al-Baghdadi". */
const PARTICLES = new Set(['de', 'van', 'von', 'der', 'den', 'da', 'di', 'du', 'del', 'la', 'le', 'bin', 'ibn', 'al', 'el', 'ter', 'dos']);
const MAX_NAME_WORDS = 4;
/** A lower-case role noun right before a name, possibly after a capitalised qualifier: "counterpart", "leader". */
const ROLE_BEFORE = new RegExp(
  `(?:^|\\s)(?:${[...TITLE_HEADS].join('|')}|counterpart|colleague|successor|predecessor|rival|wife|husband|widow|son|daughter|brother|sister|mother|father|partner)(?:\\s+\\p{Lu}[\\p{L}-]*)?\\s+$`,
  'u',
);

interface Run {
  tokens: Token[];
  /** Index in the article's tokens of the first token. */
  first: number;
}

interface Candidate {
  tokens: Token[];
  kind: 'person' | 'organisation';
  gender?: Pronoun;
  /** "Sir" or "Dame": the one word after it may be a first name. */
  knighted: boolean;
  bindings: TitleBinding[];
  /** The honorific or title printed before the name, to extend mentions over it. */
  prefixStart: number;
}

/** Discovers the people and organisations of one article. Pure: the same article gives the same names. */
export function discoverNames(article: ArticleText): DiscoveredNames {
  const tokens = article.tokens ?? tokenize(article.text);
  const knownAt = knownIndex(article, tokens);
  const runs = capitalisedRuns(article.text, tokens, knownAt);
  const candidates: Candidate[] = [];
  for (const run of runs) {
    const candidate = readRun(article, tokens, run, knownAt);
    if (candidate) candidates.push(candidate);
  }
  return linkNames(article, tokens, candidates, knownAt);
}

/** For each token, the known span it lies in (curated name or world place), if any. */
function knownIndex(article: ArticleText, tokens: Token[]): (ArticleText['known'][number] | undefined)[] {
  const sorted = [...article.known].sort((a, b) => a.start - b.start);
  const result: (ArticleText['known'][number] | undefined)[] = [];
  let k = 0;
  for (const token of tokens) {
    while (k < sorted.length && sorted[k]!.end <= token.start) k++;
    const span = sorted[k];
    result.push(span && span.start <= token.start && span.end >= token.end ? span : undefined);
  }
  return result;
}

/** Runs of capitalised words (with name particles inside) joined by single spaces or hyphens. */
function capitalisedRuns(text: string, tokens: Token[], knownAt: unknown[]): Run[] {
  const runs: Run[] = [];
  let current: Run | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const previous = tokens[i - 1];
    const continues = current !== null && previous !== undefined && (joined(text, previous, token) || honorificDot(text, previous, token));
    const capital = isCapitalised(token);
    const particle = !capital && PARTICLES.has(token.key) && current !== null && isCapitalised(tokens[i + 1] ?? token);
    if ((capital || particle) && continues) {
      current!.tokens.push(token);
      continue;
    }
    if (current) runs.push(current);
    current = capital ? { tokens: [token], first: i } : null;
  }
  if (current) runs.push(current);
  void knownAt;
  return runs;
}

/** "Mr. Smith", "Dr. Jones": an honorific's full stop does not break the name. */
function honorificDot(text: string, previous: Token, token: Token): boolean {
  return HONORIFICS.has(previous.key) && /^\.\s+$/u.test(text.slice(previous.end, token.start));
}

/** Reads one run: honorific or title before, then the name; decides whether the text marks it as a name. */
function readRun(article: ArticleText, all: Token[], run: Run, knownAt: (ArticleText['known'][number] | undefined)[]): Candidate | null {
  const { text, masked } = article;
  let words = run.tokens;
  let at = run.first;
  // Sentence openers and other capitalised function words: "But", "The", "However".
  while (words.length > 0 && NOT_NAME_WORDS.has(words[0]!.key) && !HONORIFICS.has(words[0]!.key)) {
    words = words.slice(1);
    at++;
  }
  if (words.length === 0) return null;
  const prefixStart = words[0]!.start;

  // An office title before the name: modifiers, place qualifiers and a head noun.
  const bindings: TitleBinding[] = [];
  let titleEnd = -1;
  let qualifier: string | null = null;
  for (let i = 0; i < words.length - 1; i++) {
    const word = words[i]!;
    const place = knownAt[at + i]?.placeId ?? (isCapitalised(word) ? countryOfDemonym(word.text) : undefined);
    const expanded = TITLE_ABBREVIATIONS.get(word.key);
    if (TITLE_HEADS.has(word.key) || expanded) titleEnd = i;
    else if (!TITLE_MODIFIERS.has(word.key) && !place) break;
    if (place && qualifier === null && titleEnd < 0) qualifier = place;
  }
  if (titleEnd >= 0) {
    const titleWords = words
      .slice(0, titleEnd + 1)
      .filter((word, i) => !knownAt[at + i]?.placeId && !countryOfDemonym(word.text))
      .map((word) => TITLE_ABBREVIATIONS.get(word.key) ?? word.key);
    if (titleWords.length > 0) bindings.push({ title: titleWords.join(' '), of: qualifier });
    words = words.slice(titleEnd + 1);
    at += titleEnd + 1;
  }

  // "Italian Giorgia Meloni": a demonym before a name qualifies it; it is not part of it.
  if (titleEnd < 0 && words.length >= 3 && (knownAt[at]?.placeId || countryOfDemonym(words[0]!.text))) {
    words = words.slice(1);
    at++;
  }

  // An honorific: "Mr", "Ms", "Sir".
  let gender: Pronoun | undefined;
  let honorific = false;
  let knighted = false;
  while (words.length > 1 && HONORIFICS.has(words[0]!.key)) {
    const pronoun = HONORIFICS.get(words[0]!.key);
    if (pronoun) gender = pronoun;
    knighted = words[0]!.key === 'sir' || words[0]!.key === 'dame';
    honorific = true;
    words = words.slice(1);
    at++;
  }
  if (words.length === 0 || words.length > MAX_NAME_WORDS) return null;
  // A name already known (a curated person, a place) is not discovered again.
  if (words.some((_, i) => knownAt[at + i] !== undefined)) return null;
  if (words.some((word) => NOT_NAME_WORDS.has(word.key) || TITLE_HEADS.has(word.key))) return null;

  const last = words.at(-1)!;
  const start = words[0]!.start;
  const end = last.end;
  const sentence = article.sentences[sentenceIndexAt(article.sentences, start)];
  const sentenceInitial = sentence !== undefined && sentence.start === start;

  if (ORGANISATION_HEADS.has(last.key) && words.length >= 2 && bindings.length === 0 && !honorific) {
    return { tokens: words, kind: 'organisation', knighted: false, bindings, prefixStart: start };
  }
  if (words.length === 1 && isAllCaps(last) && !TITLE_ABBREVIATIONS.has(last.key) && bindings.length === 0 && !honorific) {
    return /^[\p{Lu}\p{N}]{2,6}$/u.test(last.text) && last.text !== 'I'
      ? { tokens: words, kind: 'organisation', knighted: false, bindings, prefixStart: start }
      : null;
  }
  if (words.some((word) => isAllCaps(word))) return null;

  const after = text.slice(end, end + 120);
  const before = text.slice(Math.max(0, prefixStart - 80), prefixStart);
  const apposition = appositionAfter(after, article, end, words.length);
  if (apposition) bindings.push(...apposition.bindings);
  const appositionBefore = titleBefore(before, article, prefixStart);
  if (appositionBefore) bindings.push(appositionBefore);

  // "President Osmani of Kosovo": the place after the name qualifies the title before it.
  const ofPlace = /^\s+of\s+(?:the\s+)?(\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)?)/u.exec(after);
  if (ofPlace && bindings.length > 0 && bindings[0]!.of === null) {
    const place = placeOf(ofPlace[1]);
    if (place) bindings[0] = { ...bindings[0]!, of: place };
  }
  // "the Tories say", "the Greens said": a capitalised plural after "the" that speaks is a party or a body.
  const speaksNext = SPEECH_AFTER.test(masked.slice(end, end + 40));
  if (
    words.length === 1 &&
    /s$/u.test(last.key) &&
    /\bthe\s+$/iu.test(text.slice(Math.max(0, start - 5), start)) &&
    !honorific &&
    speaksNext
  ) {
    return { tokens: words, kind: 'organisation', knighted: false, bindings: [], prefixStart: start };
  }
  // "his Italian counterpart Giorgia Meloni", "Labour leader Keir Starmer": a role noun right before the name.
  const cued =
    honorific ||
    bindings.length > 0 ||
    apposition !== null ||
    (words.length >= 2 && ROLE_BEFORE.test(text.slice(Math.max(0, prefixStart - 60), prefixStart)));
  const speaks =
    SPEECH_AFTER.test(masked.slice(end, end + 40)) || SPEECH_BEFORE.test(masked.slice(Math.max(0, prefixStart - 20), prefixStart));
  if (cued || (speaks && (words.length >= 2 || !sentenceInitial))) {
    return { tokens: words, kind: 'person', ...(gender ? { gender } : {}), knighted, bindings, prefixStart };
  }
  // No cue here; the name may still be linked to a cued mention of the same person (linkNames).
  if (words.length >= 2 && words.length <= 3) return { tokens: words, kind: 'person', knighted: false, bindings: [], prefixStart: -1 };
  void all;
  return null;
}

/** ", the foreign secretary,", ", its prime minister", ", 54,", ", a spokeswoman for ...": a person's apposition. */
function appositionAfter(after: string, article: ArticleText, at: number, words: number): { bindings: TitleBinding[] } | null {
  if (!/^\s*,/u.test(after)) return null;
  if (words >= 2 && /^,\s*\d{1,3}\s*,/u.test(after)) return { bindings: [] };
  // ", a researcher who ...", ", an adviser to ...": an indefinite role names no office holder.
  const indefinite = /^\s*,\s+(?:a|an)\s+((?:[\p{L}-]+\s+){0,2}?[\p{L}-]+)\b/u.exec(after);
  if (indefinite && TITLE_HEADS.has(indefinite[1]!.toLowerCase().split(/\s+/u).at(-1)!)) return { bindings: [] };
  const match =
    /^\s*,\s+(?:(the|its|his|her|their)\s+)?(?:(\p{Lu}[\p{L}-]+)(?:'s|’s)?\s+)?((?:[\p{Ll}-]+\s+){0,3}?[\p{Ll}-]+)(?:(?:\s+(?:of|for|at|on|in|to)\s+([^,;:.()]{1,60}))(?=\s*[,;)])|\s*(?=[,;:)]|\.(?:\s|$)|$))/u.exec(
      after,
    );
  if (!match) return null;
  const title = titleOf(match[3]!);
  if (!title) return null;
  const of = placeOf(match[2]) ?? placeIn(match[4]) ?? (match[1] === 'its' ? placeBefore(article, at) : null);
  return { bindings: [{ title, of }] };
}

/** "its Prime Minister, Edi Rama", "Albania's prime minister, Edi Rama", "Their spokesman on migration, Joseph Grech": a title before the name. */
function titleBefore(before: string, article: ArticleText, at: number): TitleBinding | null {
  if (!/,\s*$/u.test(before)) return null; // the cheap test first: most names have no apposition before them
  const match =
    /(?:^|\s)([Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|(\p{Lu}[\p{L}-]+)(?:'s|’s))\s+((?:[\p{L}-]+\s+){0,3}?[\p{L}-]+)(?:\s+(?:of|for|at|on|in|to)\s+([^,;:.()]{1,40}?))?,\s*$/u.exec(
      before,
    );
  if (!match) return null;
  const title = titleOf(match[3]!);
  if (!title) return null;
  const of =
    placeOf(match[2]) ?? placeIn(match[4]) ?? (match[1]!.toLowerCase() === 'its' ? placeBefore(article, at - match[0].length) : null);
  return { title, of };
}

/** "shadow home secretary" -> the title, when its last word is a title head and the others modify it. */
function titleOf(phrase: string): string | null {
  const words = phrase.toLowerCase().split(/\s+/u);
  const head = words.at(-1)!;
  if (!TITLE_HEADS.has(head) && !TITLE_ABBREVIATIONS.has(head)) return null;
  const modifiers = words.slice(0, -1).filter((word) => !countryOfDemonym(word));
  if (!modifiers.every((word) => TITLE_MODIFIERS.has(word) || TITLE_HEADS.has(word) || /^\p{Ll}{3,}$/u.test(word))) return null;
  return expandTitle([...modifiers, head]);
}

/** The first place named in a phrase: "the Tunisian foreign ministry" -> tunisia. */
function placeIn(phrase: string | undefined): string | null {
  if (!phrase) return null;
  for (const word of phrase.match(/\p{Lu}[\p{L}-]+/gu) ?? []) {
    const place = placeOf(word);
    if (place) return place;
  }
  return null;
}

function expandTitle(words: string[]): string {
  return words.map((word) => TITLE_ABBREVIATIONS.get(word) ?? word).join(' ');
}

/** A place id for printed words: a country, city or demonym the world data knows. */
export function placeOf(words: string | undefined): string | null {
  if (!words) return null;
  const key = fold(words).replace(/['’]s$/u, '');
  return world().byForm.get(key) ?? countryOfDemonym(words) ?? null;
}

/** "its": the nearest place named before `at` in the same or the previous sentence. */
function placeBefore(article: ArticleText, at: number): string | null {
  const sentence = sentenceIndexAt(article.sentences, at);
  const floor = article.sentences[Math.max(0, sentence - 1)]?.start ?? 0;
  let best: string | null = null;
  for (const span of article.known) {
    if (span.placeId && span.end <= at && span.start >= floor) best = span.placeId;
  }
  return best;
}

/** One name per person: links surnames and "Sir Keir" to full names, then finds every mention. */
function linkNames(
  article: ArticleText,
  tokens: Token[],
  candidates: Candidate[],
  knownAt: (ArticleText['known'][number] | undefined)[],
): DiscoveredNames {
  const byKey = new Map<string, LocalName>();
  const keyOf = (words: Token[]) => words.map((word) => word.word).join(' ');
  // Full names first: a person cued anywhere makes every printing of the same name a person.
  const cuedKeys = new Set(candidates.filter((candidate) => candidate.prefixStart >= 0).map((candidate) => keyOf(candidate.tokens)));
  const multi = candidates.filter((candidate) => candidate.tokens.length >= 2 && candidate.kind === 'person');
  for (const candidate of multi.filter((c) => cuedKeys.has(keyOf(c.tokens)))) addTo(byKey, keyOf(candidate.tokens), candidate, true);

  // "Ben Salah" after "Mourad Ben Salah", "El Amrani" after "Youssef El Amrani": the end of one full name.
  for (const name of [...byKey.values()]) {
    if (name.kind !== 'person' || !name.key.includes(' ')) continue;
    const longer = [...byKey.values()].filter((other) => other !== name && other.kind === 'person' && other.key.endsWith(` ${name.key}`));
    if (longer.length !== 1) continue;
    const full = longer[0]!;
    byKey.delete(name.key);
    for (const form of name.forms) if (!full.forms.includes(form)) full.forms.push(form);
    for (const binding of name.bindings)
      if (!full.bindings.some((b) => b.title === binding.title && b.of === binding.of)) full.bindings.push(binding);
    if (name.gender && !full.gender) full.gender = name.gender;
  }
  const fullNames = [...byKey.values()].filter((name) => name.kind === 'person' && name.confirmed);
  const bySurname = groupUnique(fullNames, (name) => name.key.split(' ').at(-1)!);
  const byFirstName = groupUnique(fullNames, (name) => name.key.split(' ')[0]!);
  // Surnames and "Sir Keir": linked when one full name fits, else a person of their own.
  for (const candidate of candidates.filter((c) => c.tokens.length === 1 && c.kind === 'person')) {
    const word = candidate.tokens[0]!.word;
    const full = (candidate.knighted ? byFirstName.get(word) : undefined) ?? bySurname.get(word);
    if (full === null) continue; // two people share it: the text does not settle who
    if (full) {
      mergeInto(full, candidate);
      const form = candidate.knighted
        ? `${candidate.gender === 'she' ? 'Dame' : 'Sir'} ${candidate.tokens[0]!.text}`
        : candidate.tokens[0]!.text;
      if (!full.forms.includes(form)) full.forms.push(form);
      continue;
    }
    addTo(byKey, word, candidate, true);
  }
  for (const candidate of candidates.filter((c) => c.kind === 'organisation')) addTo(byKey, keyOf(candidate.tokens), candidate, true);
  // Uncued full names: kept for the merge, which accepts them if another article marks them as people.
  for (const candidate of multi.filter((c) => !cuedKeys.has(keyOf(c.tokens)))) addTo(byKey, keyOf(candidate.tokens), candidate, false);

  // Every mention: the full name, the surname when one person bears it, "Sir" + first name, acronyms.
  const forms = new Map<string, string>(); // folded form -> key
  for (const name of byKey.values()) {
    forms.set(name.key, name.key);
    if (name.kind !== 'person' || !name.confirmed) continue;
    const parts = name.key.split(' ');
    if (parts.length >= 2 && bySurname.get(parts.at(-1)!) === name) forms.set(parts.at(-1)!, name.key);
  }
  const knightForms = new Map<string, string>(); // first name -> key, printed after "Sir" or "Dame"
  for (const name of byKey.values()) {
    for (const form of name.forms) {
      const knight = /^(?:Sir|Dame)\s+(\S+)$/u.exec(form);
      if (knight) knightForms.set(fold(knight[1]!), name.key);
      else if (!forms.has(fold(form))) forms.set(fold(form), name.key);
    }
  }
  const mentions: NameMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!isCapitalised(tokens[i]!) || knownAt[i] !== undefined) continue;
    let matched: { key: string; last: number } | undefined;
    let key = '';
    for (let n = 0; n < MAX_NAME_WORDS && i + n < tokens.length; n++) {
      const token = tokens[i + n]!;
      if (n > 0 && (!joined(article.text, tokens[i + n - 1]!, token) || knownAt[i + n] !== undefined)) break;
      key = n === 0 ? token.word : `${key} ${token.word}`;
      const owner = forms.get(key);
      if (owner) matched = { key: owner, last: i + n };
    }
    const previousKey = tokens[i - 1]?.key;
    if (!matched && (previousKey === 'sir' || previousKey === 'dame') && knightForms.has(tokens[i]!.word)) {
      matched = { key: knightForms.get(tokens[i]!.word)!, last: i };
    }
    if (!matched) continue;
    // Part of a longer capitalised name that is not this person: "Starmer Foundation".
    const next = tokens[matched.last + 1];
    if (next && joined(article.text, tokens[matched.last]!, next) && isCapitalised(next) && !NOT_NAME_WORDS.has(next.key)) {
      i = matched.last;
      continue;
    }
    let start = tokens[i]!.start;
    const previous = tokens[i - 1];
    if (previous && HONORIFICS.has(previous.key) && isCapitalised(previous)) start = previous.start;
    if (/^\p{Lu}/u.test(tokens[i]!.text) && NOT_NAME_WORDS.has(tokens[i]!.key)) continue;
    mentions.push({ key: matched.key, start, end: tokens[matched.last]!.end });
    i = matched.last;
  }
  const names = [...byKey.values()].filter((name) => name.kind === 'organisation' || mentions.some((mention) => mention.key === name.key));
  learnGender(article, names, mentions);
  return { names, mentions };
}

function addTo(byKey: Map<string, LocalName>, key: string, candidate: Candidate, confirmed: boolean): void {
  const printed = candidate.tokens.map((token) => token.text).join(' ');
  const existing = byKey.get(key);
  if (existing) {
    mergeInto(existing, candidate);
    if (!existing.forms.includes(printed)) existing.forms.push(printed);
    return;
  }
  byKey.set(key, {
    key,
    kind: candidate.kind,
    name: printed,
    forms: [printed],
    ...(candidate.gender ? { gender: candidate.gender } : {}),
    bindings: [...candidate.bindings],
    confirmed,
  });
}

function mergeInto(name: LocalName, candidate: Candidate): void {
  // Two honorifics that disagree ("Mr" here, "Ms" there) leave the pronoun unknown.
  if (candidate.gender && name.gender !== candidate.gender) {
    if (name.gender === undefined) name.gender = candidate.gender;
    else delete name.gender;
  }
  for (const binding of candidate.bindings) {
    if (!name.bindings.some((known) => known.title === binding.title && known.of === binding.of)) name.bindings.push(binding);
  }
}

/** Groups by a key; a key two items share maps to null. */
function groupUnique<T>(items: T[], keyOf: (item: T) => string): Map<string, T | null> {
  const map = new Map<string, T | null>();
  for (const item of items) map.set(keyOf(item), map.has(keyOf(item)) ? null : item);
  return map;
}

/**
 * "he"/"she" used of a person: right after the person speaks or is spoken of, with no other name in
 * between ("Osmani said her country", "Sir Keir Starmer has been warned his ..."). Conflicting cues
 * leave the pronoun unknown.
 */
function learnGender(article: ArticleText, names: LocalName[], mentions: NameMention[]): void {
  const cues = new Map<string, Set<Pronoun>>();
  const ordered = [...mentions].sort((a, b) => a.start - b.start);
  for (const [m, mention] of ordered.entries()) {
    const following = /^\s+(?:[\p{Ll}]+\s+){1,3}?(he|she|his|her|him)\b/u.exec(article.masked.slice(mention.end, mention.end + 60));
    if (!following) continue;
    const cueAt = mention.end + following[0].length;
    const nextMention = ordered[m + 1];
    if (nextMention && nextMention.start < cueAt) continue;
    if (article.known.some((span) => span.personId && span.start >= mention.end && span.start < cueAt)) continue;
    const pronoun: Pronoun = /^(?:he|his|him)$/u.test(following[1]!) ? 'he' : 'she';
    cues.set(mention.key, (cues.get(mention.key) ?? new Set()).add(pronoun));
  }
  for (const name of names) {
    const found = cues.get(name.key);
    if (!found || name.kind !== 'person') continue;
    if (found.size === 1 && (name.gender === undefined || found.has(name.gender))) name.gender = [...found][0]!;
  }
}
