/**
 * Finds the gazetteer's places, people and organisations in a passage: every alias, ignoring case
 * and diacritics, longest match first, on word boundaries; titles ("the prime minister", "the
 * president of Kosovo") resolved by context. A name the gazetteer lacks is never an entity.
 */
import type { Passage } from '../corpus/types.ts';
import { type TwinRegex, twinRegex, twinsAgreeOn } from '../text/ascii-regex.ts';
import { type FoldedText, foldKey, foldWithOffsets, originalSpan } from '../text/fold.ts';
import type { Gazetteer } from './gazetteer.ts';
import type { Entity, Mention } from './types.ts';

/** A span of folded text naming an entity. */
interface Span {
  entityId: string;
  start: number;
  end: number;
}

interface Pattern extends FormPattern {
  /** The form as written in the gazetteer, when its capitals must be printed. */
  caseForm: string | null;
}

/** One form as a pattern over folded text: words joined by spaces or hyphens, whole words only. */
interface FormPattern {
  /** Global, for scanning a text. */
  regex: TwinRegex;
  /** The same, sticky: tried only where the opening is printed. */
  sticky: TwinRegex;
  /** The folded first word every match starts with; '' when it has alternatives ("and" may be "&"). */
  opening: string;
  /**
   * The letter-or-digit runs every match prints, each a whole run of the text ("the times": "the",
   * "times"): a text that lacks one of them is not scanned (set look-ups are far cheaper than the regex).
   */
  runs: string[];
}

interface AliasPattern extends Pattern {
  entityId: string;
}

interface TitlePattern extends Pattern {
  /** Canonical folded title: "prime minister". */
  title: string;
}

interface Compiled {
  aliases: AliasPattern[];
  /** Alias patterns (by position in `aliases`) under the first of their runs; '' for those with none. */
  aliasesByRun: Map<string, number[]>;
  titles: TitlePattern[];
  /** Folded words of every title form: "prime", "minister", "pm". */
  titleWords: Set<string>;
}

export interface MatchOptions {
  /** Ignore the capitals that matchCase aliases and acronyms require (for what users type). */
  ignoreCase?: boolean;
}

/** Courtesy titles that belong to the name they precede ("Ms Osmani"). */
const HONORIFIC_BEFORE = /(?:^|[^\p{L}])(?:sir|dame|lord|lady|mr|mrs|ms|miss|dr|mx)\.?\s+$/u;
/** Words before a title that make it not a reference to the current holder we know. */
const TITLE_BLOCKERS =
  /(?:^|[^\p{L}])(?:a|an|any|every|each|another|former|ex|future|next|deputy|vice|acting|shadow|its|their|his|her|whose|our|your)[\s-]+$/u;
/** ", its prime minister" after a name: the title is the name's apposition. */
const APPOSITION_GAP = /^\s*,\s*(?:(?:its|his|her|their|the)\s+)?(?:[\p{L}.]+\s?'s?\s+)?$/u;
/** Between a place and a title it qualifies: "Albania's", "Kosovo 's", "Kosovan". */
const QUALIFIER_GAP = /^(?:\s?'s?)?\s+$/u;
const OF_PLACE = /^\s+of\s+(?:the\s+)?/u;

const compiledCache = new WeakMap<Gazetteer, Compiled>();

/** Every gazetteer mention in a passage, ordered by position; offsets are in `passage.text`. */
export function findMentions(passage: Passage, gazetteer: Gazetteer): Mention[] {
  return matchEntities(passage.text, gazetteer).map((span) => ({ ...span, passageId: passage.id }));
}

/** The mentions in any text: entity id, offsets in `text` and the words as printed. */
export function matchEntities(
  text: string,
  gazetteer: Gazetteer,
  options: MatchOptions = {},
): { entityId: string; start: number; end: number; surface: string }[] {
  const compiled = compile(gazetteer);
  const folded = foldWithOffsets(text);
  const ascii = twinsAgreeOn(folded.text);
  const runs = new Set(folded.text.match(ascii ? RUNS.ascii : RUNS.unicode));
  const names = longestFirst(findAliases(text, folded, ascii, candidateAliases(runs, compiled), options));
  const kindOf = (span: Span) => gazetteer.byId.get(span.entityId)?.kind;

  const people = names.filter((span) => kindOf(span) === 'person');
  for (const person of people) extendOverHonorific(text, folded, person);

  const titles = compiled.titles.filter((pattern) => printsRuns(runs, pattern));
  const fromTitles = resolveTitles(text, folded, ascii, titles, names, gazetteer, options);
  const spans = [...names, ...fromTitles].sort((a, b) => a.start - b.start || b.end - a.end);
  return spans.map((span) => {
    const { start, end } = originalSpan(folded, span.start, span.end);
    return { entityId: span.entityId, start, end, surface: text.slice(start, end) };
  });
}

/**
 * The one entity a name stands for, as a user types it or a speaker phrase prints it: "Vucic",
 * "Sir Keir", "Ms Osmani", "Kosovan President", "the president of Kosovo", "the Tories",
 * "Russia's". Exact aliases after folding (no fuzzy matching); undefined when the text names
 * nothing known, several things, or more than a name.
 */
export function resolveName(gazetteer: Gazetteer, text: string): Entity | undefined {
  const cleaned = text
    .trim()
    .replace(/^["“”'‘’([]+|[)\]"“”.,:;!?]+$/gu, '')
    .replace(/\s?['’]s?$/u, '')
    .trim();
  if (cleaned === '') return undefined;
  const mentions = matchEntities(cleaned, gazetteer, { ignoreCase: true });
  if (mentions.length === 0) return undefined;

  // Everything the mentions leave over must be glue: "the", "of", a possessive, or the words of a
  // title the name carries ("Chris Philp, shadow home secretary").
  let leftover = cleaned;
  for (const mention of mentions) {
    leftover = leftover.slice(0, mention.start) + ' '.repeat(mention.end - mention.start) + leftover.slice(mention.end);
  }
  const glue = new Set(['the', 'of', 's', 'its', 'his', 'her', 'their', ...compile(gazetteer).titleWords]);
  const extra = foldKey(leftover)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '' && !glue.has(word));
  if (extra.length > 0) return undefined;

  const entities = [...new Set(mentions.map((mention) => mention.entityId))].map((id) => gazetteer.byId.get(id)!);
  const people = entities.filter((entity) => entity.kind === 'person');
  if (people.length === 1) return people[0];
  const notPlaces = entities.filter((entity) => entity.kind !== 'place');
  if (notPlaces.length === 1) return notPlaces[0];
  return entities.length === 1 ? entities[0] : undefined;
}

/** Relations by which a mention of one entity is a mention of the place it stands for or lies in. */
const STANDS_FOR_RELATIONS = new Set(['government of', 'capital of', 'located in', 'city in', 'part of']);

/**
 * The places an entity (or a mention's entity) is a mention of: itself when it is a place, and
 * the places it stands for or lies in, transitively: the Kremlin -> Russia; Red Square -> Moscow,
 * Russia. A person is not a mention of the country they lead.
 */
export function placesOf(gazetteer: Gazetteer, ref: string | Mention | Entity): Entity[] {
  const startId = typeof ref === 'string' ? ref : 'entityId' in ref ? ref.entityId : ref.id;
  const found: Entity[] = [];
  const seen = new Set<string>();
  const visit = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    const entity = gazetteer.byId.get(id);
    if (!entity) return;
    if (entity.kind === 'place') found.push(entity);
    for (const relation of entity.relations ?? []) {
      if (STANDS_FOR_RELATIONS.has(relation.relation)) visit(relation.target);
    }
  };
  visit(startId);
  return found;
}

function compile(gazetteer: Gazetteer): Compiled {
  const cached = compiledCache.get(gazetteer);
  if (cached) return cached;
  const aliases: AliasPattern[] = [];
  for (const entity of gazetteer.entities) {
    for (const form of entity.aliases) {
      const caseSensitive = gazetteer.caseSensitiveAliases.has(form) || isAcronym(form);
      aliases.push(formPattern(form, { entityId: entity.id, caseForm: caseSensitive ? form : null }));
    }
  }
  const titleForms = new Map<string, string>(); // form as written -> canonical title
  for (const title of gazetteer.titles.keys()) titleForms.set(title, title);
  for (const offices of gazetteer.offices.values()) for (const office of offices) titleForms.set(office.title, office.title);
  for (const form of gazetteer.titleAbbreviationForms) {
    const canonical = gazetteer.titleAbbreviations.get(foldKey(form));
    if (canonical) titleForms.set(form, canonical);
  }
  const titles = [...titleForms].map(([form, title]) => formPattern(form, { title, caseForm: isAcronym(form) ? form : null }));
  const titleWords = new Set([...titleForms.keys()].flatMap((form) => foldKey(form).split(' ')));
  const aliasesByRun = new Map<string, number[]>();
  aliases.forEach((pattern, i) => {
    const run = pattern.runs[0] ?? '';
    const list = aliasesByRun.get(run);
    if (list) list.push(i);
    else aliasesByRun.set(run, [i]);
  });
  const result = { aliases, aliasesByRun, titles, titleWords };
  compiledCache.set(gazetteer, result);
  return result;
}

/** An alias written all in capitals ("UK", "U.K.", "MI6") is an acronym: its capitals must be printed. */
function isAcronym(form: string): boolean {
  const letters = form.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/**
 * A form as a pattern (with `fields`), its regexes compiled when first read: a unicode regex costs tens
 * of microseconds to build, and a story's gazetteer holds tens of thousands of aliases of which a text or
 * a query tries a handful (compiling them all made a desk's first answer wait seconds).
 */
function formPattern<T extends object>(form: string, fields: T): T & FormPattern {
  const words = foldKey(form).split(' ');
  const first = words[0] ?? '';
  let compiled: Pick<FormPattern, 'regex' | 'sticky'> | undefined;
  const regexes = () => (compiled ??= formRegexes(words));
  return Object.defineProperties(
    { ...fields, opening: first === 'and' ? '' : first, runs: runsOf(form) },
    {
      regex: { get: () => regexes().regex, enumerable: true },
      sticky: { get: () => regexes().sticky, enumerable: true },
    },
  ) as T & FormPattern;
}

/** The regexes over folded text for a form's folded words: joined by spaces or hyphens, whole words only. */
function formRegexes(words: string[]): Pick<FormPattern, 'regex' | 'sticky'> {
  const literal = words.map((word) => (word === 'and' ? '(?:and|&)' : word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  const source = `(?<![\\p{L}\\p{N}])${literal.join('[\\s-]+')}(?![\\p{L}\\p{N}])`;
  return { regex: twinRegex(new RegExp(source, 'gu')), sticky: twinRegex(new RegExp(source, 'uy')) };
}

/**
 * Where a pattern matches in folded text, as matchAll would find them (leftmost, then on after each
 * match): every match starts with the opening, so only the places that print it are tried, and not
 * those inside a longer word ("the" in "other"). `ascii`: the text lets the regexes' ASCII twins run.
 */
function matchesOf(text: string, ascii: boolean, pattern: FormPattern): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  if (pattern.opening === '') {
    for (const match of text.matchAll(ascii ? pattern.regex.ascii : pattern.regex.unicode)) {
      found.push({ start: match.index, end: match.index + match[0].length });
    }
    return found;
  }
  const sticky = ascii ? pattern.sticky.ascii : pattern.sticky.unicode;
  const opening = pattern.opening.length;
  for (let at = text.indexOf(pattern.opening); at >= 0;) {
    // A letter or digit right before the opening or right after it fails the pattern's word boundaries.
    if (isAsciiLetterOrDigit(text.charCodeAt(at - 1)) || isAsciiLetterOrDigit(text.charCodeAt(at + opening))) {
      at = text.indexOf(pattern.opening, at + 1);
      continue;
    }
    sticky.lastIndex = at;
    const match = sticky.exec(text);
    if (match) {
      const end = at + match[0].length;
      found.push({ start: at, end });
      at = text.indexOf(pattern.opening, end);
    } else at = text.indexOf(pattern.opening, at + 1);
  }
  return found;
}

function isAsciiLetterOrDigit(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
}

/** Letter-or-digit runs: a match of a form's regex prints each run of its form's words as a whole run of the text. */
const RUNS = twinRegex(/[\p{L}\p{N}]+/gu);

/** The runs of a form's literal words ("and" is none: it may be printed "&"). */
function runsOf(form: string): string[] {
  return foldKey(form)
    .split(' ')
    .filter((word) => word !== 'and')
    .flatMap((word) => word.match(RUNS.unicode) ?? []);
}

/** Whether a text with these runs may hold a match of the pattern. */
function printsRuns(runs: Set<string>, pattern: Pattern): boolean {
  return pattern.runs.every((run) => runs.has(run));
}

/**
 * The alias patterns that may match in a text with these runs, in gazetteer order: only the patterns
 * filed under the text's runs are looked at (a handful of map look-ups instead of a scan per alias),
 * and of those only the ones whose every run the text prints are tried.
 */
function candidateAliases(runs: Set<string>, compiled: Compiled): AliasPattern[] {
  const picked = [...(compiled.aliasesByRun.get('') ?? [])];
  for (const run of runs) {
    const filed = compiled.aliasesByRun.get(run);
    if (filed) picked.push(...filed);
  }
  return picked
    .sort((a, b) => a - b)
    .map((i) => compiled.aliases[i]!)
    .filter((pattern) => printsRuns(runs, pattern));
}

function findAliases(text: string, folded: FoldedText, ascii: boolean, patterns: AliasPattern[], options: MatchOptions): Span[] {
  const spans: Span[] = [];
  for (const pattern of patterns) {
    for (const { start, end } of matchesOf(folded.text, ascii, pattern)) {
      if (!printedWithCapitals(text, folded, start, end, pattern.caseForm, options)) continue;
      spans.push({ entityId: pattern.entityId, start, end });
    }
  }
  return spans;
}

/** Whether the printed words carry every capital of a case-sensitive form ("Reform", not "reform"). */
function printedWithCapitals(
  text: string,
  folded: FoldedText,
  start: number,
  end: number,
  caseForm: string | null,
  options: MatchOptions,
): boolean {
  if (caseForm === null || options.ignoreCase) return true;
  const span = originalSpan(folded, start, end);
  const printed = text
    .slice(span.start, span.end)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .split(/[\s\-\u2010-\u2015]+/u);
  const wanted = caseForm
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .split(/[\s-]+/u);
  if (printed.length !== wanted.length) return false;
  return wanted.every((word, w) => {
    const printedWord = printed[w] ?? '';
    return [...word].every((ch, i) => {
      const got = printedWord[i];
      return ch === ch.toLowerCase() || (got !== undefined && got === got.toUpperCase());
    });
  });
}

/** Keeps the longest spans, leftmost first among equals, dropping any that overlap a kept one. */
function longestFirst(spans: Span[]): Span[] {
  const ordered = [...spans].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Span[] = [];
  for (const span of ordered) {
    if (!kept.some((other) => overlaps(span, other))) kept.push(span);
  }
  return kept.sort((a, b) => a.start - b.start);
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** "Ms Osmani", "Mr Philp": the courtesy title is part of the name as printed. */
function extendOverHonorific(text: string, folded: FoldedText, person: Span): void {
  const before = folded.text.slice(Math.max(0, person.start - 12), person.start);
  const match = HONORIFIC_BEFORE.exec(before);
  if (!match) return;
  const honorificStart = person.start - match[0].replace(/^[^\p{L}]/u, '').length;
  // Only a capitalised honorific: "Ms Osmani", not "... ms osmani" in a lower-case run.
  const printedStart = originalSpan(folded, honorificStart, honorificStart + 1).start;
  const first = text[printedStart] ?? '';
  if (first !== first.toUpperCase()) return;
  person.start = honorificStart;
}

/**
 * Titles by context. A title next to a name belongs to that name ("PM Edi Rama", "Edi Rama, its
 * prime minister"); a title qualified by a place is that place's office holder ("the Albanian
 * prime minister", "the president of Kosovo"), or nobody we know; a bare title is the one entity
 * it stands for alone ("the prime minister"), if any. Adds to `names` the spans of people whom a
 * title joins, and returns the new spans of title mentions.
 */
function resolveTitles(
  text: string,
  folded: FoldedText,
  ascii: boolean,
  patterns: TitlePattern[],
  names: Span[],
  gazetteer: Gazetteer,
  options: MatchOptions,
): Span[] {
  const ft = folded.text;
  const candidates: (Span & { title: string })[] = [];
  for (const pattern of patterns) {
    for (const { start, end } of matchesOf(ft, ascii, pattern)) {
      if (!printedWithCapitals(text, folded, start, end, pattern.caseForm, options)) continue;
      candidates.push({ entityId: '', title: pattern.title, start, end });
    }
  }
  const titles = longestFirst(candidates)
    .map((span) => span as Span & { title: string })
    .filter((title) => !names.some((name) => overlaps(name, title)));

  const kindOf = (span: Span) => gazetteer.byId.get(span.entityId)?.kind;
  const found: Span[] = [];
  for (const title of titles) {
    const person = names.find((name) => kindOf(name) === 'person' && name.start >= title.end);
    if (person) {
      const gap = ft.slice(title.end, person.start);
      if (/^\s+$/u.test(gap)) {
        person.start = Math.min(person.start, title.start); // "PM Edi Rama" is one mention
        continue;
      }
      // "its Prime Minister, Edi Rama": the name carries the title, if it is one the person holds.
      if (/^\s*,\s*$/u.test(gap) && holdsTitle(gazetteer, person.entityId, title.title)) continue;
    }
    // "Edi Rama, its prime minister"; but not "Sky's Tamara Cohen, the president of Kosovo".
    const before = [...names].reverse().find((name) => kindOf(name) === 'person' && name.end <= title.start);
    if (before && APPOSITION_GAP.test(ft.slice(before.end, title.start)) && holdsTitle(gazetteer, before.entityId, title.title)) continue;

    const qualified = qualifiedTitle(ft, title, names, gazetteer);
    if (qualified !== undefined) {
      if (qualified !== null) found.push(qualified);
      continue;
    }

    // A bare title: only when nothing makes it someone else ("a prime minister", "its president").
    const lead = ft.slice(Math.max(0, title.start - 12), title.start);
    if (TITLE_BLOCKERS.test(lead)) continue;
    if (OF_PLACE.test(ft.slice(title.end))) continue; // "the president of <somewhere we do not know>"
    const holders = gazetteer.titles.get(title.title) ?? [];
    if (holders.length === 1) found.push({ entityId: holders[0]!, start: title.start, end: title.end });
  }
  return found;
}

/** Whether a person is known to bear a title, as an office or a title of their own. */
function holdsTitle(gazetteer: Gazetteer, personId: string, title: string): boolean {
  if (gazetteer.offices.get(personId)?.some((office) => office.title === title)) return true;
  return (gazetteer.byId.get(personId)?.titles ?? []).some((own) => foldKey(own) === title);
}

/**
 * A title qualified by a place: before it ("Albania's Prime Minister", "Kosovan President") or
 * after it ("the president of Kosovo"). Returns the holder's mention, null when the place is
 * known but its holder is not, undefined when no place qualifies the title.
 */
function qualifiedTitle(ft: string, title: Span & { title: string }, names: Span[], gazetteer: Gazetteer): Span | null | undefined {
  const isPlace = (span: Span) => gazetteer.byId.get(span.entityId)?.kind === 'place';
  const holderOf = (placeId: string) =>
    [...gazetteer.offices].find(([, offices]) => offices.some((office) => office.title === title.title && office.of === placeId))?.[0];

  const before = [...names].reverse().find((name) => name.end <= title.start);
  if (before && isPlace(before) && QUALIFIER_GAP.test(ft.slice(before.end, title.start))) {
    const holder = holderOf(before.entityId);
    return holder ? { entityId: holder, start: before.start, end: title.end } : null;
  }
  const of = OF_PLACE.exec(ft.slice(title.end));
  if (of) {
    const after = names.find((name) => name.start === title.end + of[0].length);
    if (after && isPlace(after)) {
      const holder = holderOf(after.entityId);
      return holder ? { entityId: holder, start: title.start, end: after.end } : null;
    }
  }
  // A demonym right before is a qualifier even when it is not a place we list ("the French president").
  const word = /([\p{L}]+)\s+$/u.exec(ft.slice(Math.max(0, title.start - 30), title.start))?.[1];
  if (word && /(?:an|ish|ese|ic|i|ch|ek|ss)$/u.test(word) && word !== 'the') return null;
  return undefined;
}
