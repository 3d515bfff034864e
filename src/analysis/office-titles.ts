/**
 * Office titles that stand for a person: "the prime minister", "the PM", "the Albanian prime minister",
 * "Kosovo's president", "the president of Kosovo", "its foreign minister". Each is a title with the
 * place it is of (or none). Who holds it is settled from the coverage's own bindings (discover.ts) or
 * the gazetteer, never guessed: "a prime minister", "the former president" stand for nobody.
 */
import { regexFor, twinRegex } from '../text/ascii-regex.ts';
import { placeOf } from './discover.ts';
import { REFERENT_HEADS } from './name-words.ts';
import { type Span, sentenceIndexAt } from './scan.ts';

export interface TitleMention {
  /** "prime minister" */
  title: string;
  /** Place id the title is of, or null. */
  of: string | null;
  /** Offsets of the title words (with their qualifier) in the text. */
  start: number;
  end: number;
}

/** The id a title stands under until the merge says who holds it: "title:prime minister@albania". */
export function titleId(title: string, of: string | null): string {
  return `title:${title}@${of ?? ''}`;
}

/** The head nouns of titles that stand for one holder: "the prime minister", "the migration minister", "the president". */
const TITLE_PATTERN = twinRegex(
  new RegExp(`(?<![\\p{L}])(${[...REFERENT_HEADS].sort((a, b) => b.length - a.length).join('|')}|PM)(?![\\p{L}])`, 'giu'),
);
/** Lower-case words before a head that belong to the title ("home affairs minister"), read back at most three. */
const TITLE_WORD = /(?:^|\s)([\p{Ll}-]+)\s+$/u;
const NOT_TITLE_WORDS = new Set([
  'the',
  'a',
  'an',
  'its',
  'his',
  'her',
  'their',
  'our',
  'your',
  'my',
  'of',
  'and',
  'or',
  'to',
  'in',
  'on',
  'at',
  'for',
  'by',
  'with',
  'from',
  'as',
  'that',
  'this',
  'said',
  'says',
  'was',
  'is',
  'be',
  'been',
  'told',
  'when',
  'after',
  'while',
  'but',
  'than',
]);
const NOT_A_HOLDER =
  /(?:^|\s)(?:a|an|another|any|every|each|former|ex|next|new|future|previous|late|would-be|deputy|vice|acting|shadow|no)[\s-]+$/iu;

/**
 * Every office title in `text` that stands for its holder. `places` are the place spans known in the
 * text (to read "its" as the nearest place named before, in this sentence or the one before).
 */
export function findTitleMentions(
  text: string,
  sentences: Span[],
  places: { start: number; end: number; placeId?: string }[],
): TitleMention[] {
  const found: TitleMention[] = [];
  for (const match of text.matchAll(regexFor(TITLE_PATTERN, text))) {
    const head = match[1]!;
    if (head.toLowerCase() === 'pm' && head !== 'PM') continue;
    const end = match.index + head.length;
    // Its modifiers: "migration minister", "home affairs minister", "prime minister".
    let start = match.index;
    const words = [head.toLowerCase() === 'pm' ? 'prime minister' : head.toLowerCase()];
    for (let n = 0; n < 3 && words[0] !== 'prime minister'; n++) {
      const word = TITLE_WORD.exec(text.slice(Math.max(0, start - 30), start));
      if (!word || NOT_TITLE_WORDS.has(word[1]!.toLowerCase())) break;
      words.unshift(word[1]!.toLowerCase());
      start -= word[0].length - (word[0].startsWith(' ') ? 1 : 0);
    }
    const title = words.join(' ').replace(/\s+/gu, ' ');
    const before = text.slice(Math.max(0, start - 60), start);
    const after = text.slice(end, end + 60);
    // "Prime Minister Edi Rama": a title before a name belongs to the name.
    if (/^\s+\p{Lu}/u.test(after) && !/^\s+(?:of|said|says|told|added)\b/u.test(after)) continue;
    // "Edi Rama, its prime minister": an apposition belongs to the name before it.
    if (/\p{Lu}[\p{L}-]+,\s+(?:the\s+|its\s+|his\s+|her\s+|their\s+)?(?:[\p{Lu}][\p{L}-]+(?:\s?['’]s)?\s+)?$/u.test(before)) continue;
    if (NOT_A_HOLDER.test(before)) continue;
    let of: string | null = null;
    const qualifier = /(?:^|\s)(?:([Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+)?(?:(\p{Lu}[\p{L}-]+)(\s?['’]s)?\s+)?$/u.exec(before);
    const determiner = qualifier?.[1]?.toLowerCase();
    if (qualifier?.[2]) {
      of = placeOf(qualifier[2]);
      if (of === null) continue; // "Labour's leader", "Sky's president": not a country's office holder we can name
    }
    const ofAfter = /^\s+of\s+(?:the\s+)?(\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)?)/u.exec(after);
    if (ofAfter) {
      const place = placeOf(ofAfter[1]);
      if (place === null) continue;
      of = place;
    }
    if (determiner === 'its' && of === null) of = placeBefore(sentences, places, start);
    if (!determiner && of === null) continue; // "prime minister" with no "the" is not a reference
    // The mention starts at the qualifier ("Albanian prime minister"); "the" before it is the speaker phrase's.
    if (qualifier?.[2]) start = match.index - before.length + qualifier.index + qualifier[0].indexOf(qualifier[2]);
    found.push({ title, of, start, end: ofAfter ? end + ofAfter[0].length : end });
  }
  return found;
}

/** "its": the nearest place named before `at`, in the same or the previous sentence. */
function placeBefore(sentences: Span[], places: { start: number; end: number; placeId?: string }[], at: number): string | null {
  const sentence = sentenceIndexAt(sentences, at);
  const floor = sentences[Math.max(0, sentence - 1)]?.start ?? 0;
  let best: string | null = null;
  for (const span of places) if (span.placeId && span.end <= at && span.start >= floor) best = span.placeId;
  return best;
}
