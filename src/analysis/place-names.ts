/**
 * Places printed in a text, confirmed against the world's data (world.ts): "Serbia", "Bosnia-Herzegovina",
 * "the United States", "Serbian", "Russians", "Belgrade", "in Bitola". Word n-grams are looked up in
 * one map, so the cost is linear in the text whatever the size of the data.
 *
 * A place name must be printed as a proper noun (each word capitalised, short forms in capitals). A
 * name that is only part of a longer capitalised name is not a place there ("Jordan Henderson",
 * "Reform UK", "Paris Hilton"), and a town that is not a major city counts only where the text marks
 * it as a place: after "in", "from", "near" and the like, or before ", <country>".
 */
import { type Token, isCapitalised, joined, tokenize } from './tokens.ts';
import { world } from './world.ts';

export interface PlaceSpan {
  placeId: string;
  start: number;
  end: number;
  /** True when the words are the place's demonym ("Serbian"), not its name. */
  demonym: boolean;
}

/** "the city of", "the port town of", "cities like": a noun that says a place follows. */
const PLACE_NOUN_OF =
  /\b(?:city|town|port|village|capital|region|province|county|municipality|island|suburb|district|cities|towns|ports|villages)\s+(?:of|like|such as|including)\s+$/iu;

/** "Iași and Suceava", "Skopje, Bitola or Ohrid": a town listed right after a place already found. */
function listedAfterPlace(text: string, tokens: Token[], first: number, found: PlaceSpan[]): boolean {
  const last = found.at(-1);
  if (!last) return false;
  return /^(?:\s*,\s*|\s+(?:and|or)\s+|\s*,\s*(?:and|or)\s+)$/u.test(text.slice(last.end, tokens[first]!.start));
}

/** Words that mark what follows as a place. */
const PLACE_PREPOSITIONS = new Set([
  'in',
  'from',
  'to',
  'near',
  'at',
  'outside',
  'around',
  'across',
  'into',
  'towards',
  'toward',
  'via',
  'through',
  'throughout',
  'inside',
  'visited',
  'visit',
]);
/** Lower-case words that may sit inside a place name: "Bosnia and Herzegovina", "Republic of Kosovo". */
const NAME_GLUE = new Set(['and', 'of', 'the', 'da', 'de', 'del', 'do', 'dos', 'la', 'el', 'upon', 'on']);
/** Capitalised words that open sentences or clauses rather than names. */
const OPENERS = new Set([
  'in',
  'at',
  'from',
  'to',
  'the',
  'a',
  'an',
  'and',
  'but',
  'or',
  'for',
  'with',
  'by',
  'on',
  'as',
  'after',
  'before',
  'since',
  'while',
  'when',
  'if',
  'across',
  'throughout',
  'both',
  'like',
  'unlike',
  'including',
  'near',
  'outside',
  'inside',
  'into',
  'over',
  'under',
  'between',
  'against',
  'about',
  'meanwhile',
  'however',
  'also',
  'only',
  'even',
  'neither',
  'nor',
  'not',
  'visiting',
  'visited',
]);

/** Every place the text names, longest name first, in order of position. */
export function findWorldPlaces(text: string, tokens: Token[] = tokenize(text)): PlaceSpan[] {
  const { byForm, byId, demonyms, maxWords, prefixes } = world();
  const spans: PlaceSpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i]!;
    if (!isCapitalised(first)) continue;
    let key = '';
    let found: { id: string; last: number; key: string } | undefined;
    for (let n = 0; n < maxWords && i + n < tokens.length; n++) {
      const token = tokens[i + n]!;
      if (n > 0) {
        if (!joined(text, tokens[i + n - 1]!, token)) break;
        if (!isCapitalised(token) && !NAME_GLUE.has(token.key)) break;
      }
      key = n === 0 ? token.key : `${key} ${token.key}`;
      const id = byForm.get(key);
      if (id && isCapitalised(token)) found = { id, last: i + n, key };
      if (!prefixes.has(key)) break; // no longer form starts with these words
    }
    if (!found) continue;
    const place = byId.get(found.id)!;
    const previous = tokens[i - 1];
    const next = tokens[found.last + 1];
    const last = tokens[found.last]!;
    // Part of a longer capitalised name: "Jordan Henderson", "Reform UK", "Victoria Beckham".
    const nameBefore = previous && joined(text, previous, first) && isCapitalised(previous) && !OPENERS.has(previous.key);
    const nextPlace = next ? byId.get(byForm.get(next.key) ?? '') : undefined;
    const nameAfter = next && joined(text, last, next) && isCapitalised(next) && (nextPlace === undefined || nextPlace.kind === 'city');
    const demonym = demonyms.has(found.key) || place.demonyms.some((form) => form.toLowerCase() === found.key);
    if (!demonym && (nameBefore || (nameAfter && place.kind !== 'region'))) {
      i = found.last;
      continue;
    }
    if (place.needsCue && !hasPlaceCue(text, tokens, i, found.last) && !listedAfterPlace(text, tokens, i, spans)) continue;
    spans.push({ placeId: place.id, start: first.start, end: last.end, demonym });
    i = found.last;
  }
  return spans;
}

/** "in Bitola", "from Bitola", "the port city of Burgas", "Bitola, North Macedonia". */
function hasPlaceCue(text: string, tokens: Token[], first: number, last: number): boolean {
  const previous = tokens[first - 1];
  if (previous && PLACE_PREPOSITIONS.has(previous.key) && /^\s+$/u.test(text.slice(previous.end, tokens[first]!.start))) return true;
  if (PLACE_NOUN_OF.test(text.slice(Math.max(0, tokens[first]!.start - 40), tokens[first]!.start))) return true;
  const next = tokens[last + 1];
  if (!next || !/^,\s*$/u.test(text.slice(tokens[last]!.end, next.start))) return false;
  const id = world().byForm.get(next.key);
  return id !== undefined && world().byId.get(id)!.kind === 'country';
}
