/**
 * Who said it. Finds the speech events of an article (an active speech verb with its subject:
 * "Vjosa Osmani said", "the source continued", "said Chris Philp", "according to a security source")
 * and gives each quotation run the event that governs it: the speaker right after its closing mark,
 * else the last speech verb before it in its sentence.
 *
 * Subjects resolve to: a person or organisation the gazetteer knows (by name or by title, through
 * the NameFinder), an anonymous source kept as printed ("a government source"; "the source" is the
 * nearest earlier source with the same noun), a pronoun (the nearest earlier speaker that fits:
 * he/she by the gazetteer's gender, they for sources, institutions and "they" persons; failing that,
 * the one person of that gender named in the same or the previous sentence), or an
 * unknown name as printed. A subject that fits nothing ("the advice", "reports") attributes nothing.
 * Verbs that report a gist rather than words ("advise", "suggest", "praise") are not speech verbs.
 */
import { fold } from '../text/fold.ts';
import { type ArticleScan, type Span, sentenceIndexAt } from './scan.ts';
import type { Entity, SpeakerKind } from './types.ts';

/** A gazetteer entity found in a text, with offsets in that text. */
export interface NamedSpan {
  start: number;
  end: number;
  entity: Entity;
}

/** Finds the known people, organisations (and places) named in a text. */
export type NameFinder = (text: string) => NamedSpan[];

/** The speaker of a quotation: as printed and as resolved. */
export interface Attribution {
  kind: SpeakerKind;
  asPrinted: string | null;
  /** Entity id, or the source as printed (lower case: "a government source"), or null. */
  speaker: string | null;
  speakerName: string | null;
}

/**
 * A NameFinder from a resolver of whole phrases: scans word n-grams, longest first, left to right.
 * Handy for tests; the analysis uses the gazetteer's own matcher.
 */
export function nameFinderFromResolver(resolve: (phrase: string) => Entity | undefined, maxWords = 6): NameFinder {
  return (text) => {
    const words = [...text.matchAll(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu)];
    const spans: NamedSpan[] = [];
    let i = 0;
    while (i < words.length) {
      let taken = 0;
      for (let n = Math.min(maxWords, words.length - i); n >= 1 && taken === 0; n--) {
        const first = words[i]!;
        const last = words[i + n - 1]!;
        const phrase = text.slice(first.index, last.index + last[0].length);
        if (/[\n\u25A0]/u.test(phrase)) continue;
        const entity = resolve(phrase);
        if (entity) {
          spans.push({ start: first.index, end: first.index + phrase.length, entity });
          taken = n;
        }
      }
      i += Math.max(taken, 1);
    }
    return spans;
  };
}

// Verbs that report words. Base forms after a determiner are nouns ("their claims") and are skipped.
const FINITE_VERBS = [
  'said',
  'says',
  'say',
  'told',
  'tells',
  'tell',
  'added',
  'adds',
  'add',
  'continued',
  'continues',
  'went on',
  'goes on',
  'described',
  'describes',
  'describe',
  'called',
  'calls',
  'call',
  'confirmed',
  'confirms',
  'confirm',
  'claimed',
  'claims',
  'claim',
  'insisted',
  'insists',
  'insist',
  'stated',
  'argued',
  'argues',
  'argue',
  'replied',
  'replies',
  'responded',
  'explained',
  'explains',
  'warned',
  'warns',
  'warn',
  'revealed',
  'reveals',
  'reveal',
  'noted',
  'wrote',
  'writes',
  'admitted',
  'admits',
  'admit',
  'announced',
  'announces',
  'declared',
  'declares',
  'stressed',
  'stresses',
  'urged',
  'urges',
  'tweeted',
  'remarked',
  'complained',
  'pointed out',
  'points out',
  'point out',
  'acknowledged',
  'conceded',
  'branded',
  'brands',
  'dubbed',
  'labelled',
  'labeled',
  'asked',
  'asks',
  'vowed',
  'promised',
  'posted',
];
/** "-ing" forms count only after a comma (", saying ..."): their subject is the clause's. */
const PARTICIPLES = [
  'saying',
  'adding',
  'telling',
  'describing',
  'calling',
  'arguing',
  'warning',
  'insisting',
  'claiming',
  'stressing',
  'noting',
  'explaining',
  'declaring',
  'confirming',
  'revealing',
];
/** Verbs that say a quotation goes on: only before punctuation ("the source continued."). */
const GOING_ON = new Set(['continued', 'continues', 'went on', 'goes on']);
const VERB_PATTERN = new RegExp(
  `(?<![\\p{L}\\p{N}'’-])(${[...FINITE_VERBS, ...PARTICIPLES].sort((a, b) => b.length - a.length).join('|')})(?![\\p{L}\\p{N}'’-])`,
  'gu',
);
const ACCORDING_TO = /(?<![\p{L}\p{N}])according to\s+/giu;

/** Nouns that make an anonymous source: "a government source", "a minister", "security officials". */
const SOURCE_NOUNS = new Map<string, string>(
  [
    'source',
    'official',
    'minister',
    'spokesman',
    'spokeswoman',
    'spokesperson',
    'aide',
    'insider',
    'ally',
    'diplomat',
    'adviser',
    'advisor',
    'figure',
    'expert',
    'critic',
    'commentator',
    'campaigner',
    'colleague',
    'friend',
    'spook',
    'mp',
    'insider',
  ].flatMap((noun) => [
    [noun, noun],
    [noun === 'ally' ? 'allies' : `${noun}s`, noun],
  ]),
);
SOURCE_NOUNS.set('spokespeople', 'spokesperson');
/** Nouns that make an unnamed institution: "the government said". */
const INSTITUTION_NOUNS = new Set(['government', 'ministry', 'department', 'embassy', 'party', 'council', 'commission']);

const DETERMINERS = new Set([
  'a',
  'an',
  'the',
  'this',
  'that',
  'these',
  'those',
  'another',
  'one',
  'some',
  'several',
  'two',
  'three',
  'many',
  'his',
  'her',
  'their',
  'its',
  'our',
  'your',
  'my',
  'whose',
]);
const INDEFINITE = new Set(['a', 'an', 'another', 'one']);
const STOP_WORDS = new Set([
  ...DETERMINERS,
  'by',
  'to',
  'from',
  'of',
  'in',
  'on',
  'at',
  'with',
  'for',
  'about',
  'into',
  'over',
  'under',
  'after',
  'before',
  'against',
  'between',
  'and',
  'or',
  'but',
  'that',
  'which',
  'who',
  'whom',
  'when',
  'while',
  'as',
  'if',
  'since',
  'because',
  'has',
  'have',
  'had',
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'being',
  'would',
  'will',
  'could',
  'can',
  'did',
  'does',
  'do',
  'not',
  'he',
  'she',
  'they',
  'it',
  'we',
  'i',
  'you',
  'reports',
  'report',
  'also',
]);
/** Words between a subject and its verb that do not change who speaks. */
const AUXILIARIES = new Set([
  'has',
  'have',
  'had',
  'also',
  'then',
  'would',
  'will',
  'could',
  'can',
  'did',
  'does',
  'do',
  'not',
  'never',
  'always',
  'once',
  'again',
  'later',
  'earlier',
  'previously',
  'today',
  'yesterday',
  'recently',
  'separately',
  'just',
  'now',
  'both',
  'all',
  'repeatedly',
  'first',
  'since',
]);
const PASSIVE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);
const BOUNDARY_WORDS = new Set([
  'that',
  'after',
  'before',
  'when',
  'while',
  'because',
  'and',
  'but',
  'as',
  'if',
  'since',
  'although',
  'though',
  'which',
  'where',
  'whereas',
  'whether',
  'so',
  'until',
  'despite',
]);
const PRONOUNS = new Set(['he', 'she', 'they']);
/** Capitalised words that do not start a name. */
const NOT_NAME = new Set([
  'the',
  'a',
  'an',
  'he',
  'she',
  'they',
  'it',
  'but',
  'and',
  'however',
  'earlier',
  'meanwhile',
  'this',
  'that',
  'in',
  'on',
  'at',
  'for',
  'according',
  'speaking',
  'if',
  'when',
  'while',
  'after',
  'before',
  'as',
  'last',
  'next',
  'then',
  'also',
  'both',
  'despite',
  'since',
  'with',
  'under',
  'over',
  'here',
  'there',
  'now',
]);
/** How far back (in sentences) a pronoun may look for its speaker. */
const PRONOUN_REACH = 6;

interface Word {
  text: string;
  lower: string;
  start: number;
  end: number;
}

type CandidateKind = 'entity' | 'source' | 'institution' | 'pronoun' | 'unknown';

interface Candidate {
  kind: CandidateKind;
  start: number;
  end: number;
  entity?: Entity;
  /** For a source: its determiner, modifiers and noun. */
  determiner?: string;
  noun?: string;
  plural?: boolean;
}

/** A speech verb with the subject that speaks. */
interface SpeechEvent {
  /** Offset of the verb (or of "according to"). */
  at: number;
  /** Where the words naming the speaker start and end (as printed). */
  subject: Span;
  sentence: number;
  attribution: Attribution;
  /** The candidate the attribution came from (for pronouns and anaphora). */
  candidate: Candidate;
}

/** Everything attribution needs about one article. */
class ArticleSpeakers {
  private readonly words: Word[];
  private readonly names: NamedSpan[];
  readonly events: SpeechEvent[] = [];

  constructor(
    private readonly scan: ArticleScan,
    finder: NameFinder,
  ) {
    const m = scan.masked;
    this.words = [...m.matchAll(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu)].map((match) => ({
      text: match[0],
      lower: fold(match[0]),
      start: match.index,
      end: match.index + match[0].length,
    }));
    this.names = finder(m).filter((span) => span.entity.kind !== 'place');
    this.findEvents();
  }

  // --- words -------------------------------------------------------------------------------

  /** Index of the word ending at or just before offset `p` (skipping spaces), or -1. */
  private wordEndingAt(p: number): number {
    const m = this.scan.masked;
    let q = p;
    while (q > 0 && /[ \t]/u.test(m[q - 1]!)) q--;
    for (let i = this.words.length - 1; i >= 0; i--) {
      const word = this.words[i]!;
      if (word.end === q) return i;
      if (word.end < q) return -1;
    }
    return -1;
  }

  /** Index of the first word starting at or after `p` (skipping spaces), if it starts right there. */
  private wordStartingAt(p: number): number {
    const m = this.scan.masked;
    let q = p;
    while (q < m.length && /[ \t]/u.test(m[q]!)) q++;
    return this.words.findIndex((word) => word.start === q);
  }

  private sentenceOf(at: number): number {
    return sentenceIndexAt(this.scan.sentences, at);
  }

  private sentenceStart(at: number): number {
    return this.scan.sentences[this.sentenceOf(at)]?.start ?? 0;
  }

  // --- noun phrases ----------------------------------------------------------------------------

  /** A speaker-like noun phrase ending exactly at offset `p` (spaces before `p` skipped). */
  private candidateEndingAt(p: number, floor: number): Candidate | null {
    const w = this.wordEndingAt(p);
    if (w < 0) return null;
    const word = this.words[w]!;
    if (word.start < floor) return null;
    const named = this.names.find((span) => span.end === word.end && span.start >= floor);
    if (named) return { kind: 'entity', start: this.withArticle(named.start, floor), end: named.end, entity: named.entity };
    if (PRONOUNS.has(word.lower)) return { kind: 'pronoun', start: word.start, end: word.end };
    const source = this.sourceAt(w, floor);
    if (source) return source;
    return this.unknownNameEndingAt(w, floor);
  }

  /** "The Tories": the determiner before a name is part of it as printed. */
  private withArticle(start: number, floor: number): number {
    const w = this.wordEndingAt(start);
    const word = this.words[w];
    return word && word.lower === 'the' && word.start >= floor && /^\s+$/u.test(this.scan.masked.slice(word.end, start))
      ? word.start
      : start;
  }

  /** A source or institution noun phrase whose noun is word `w`: "a government source", "Security sources". */
  private sourceAt(w: number, floor: number): Candidate | null {
    const word = this.words[w]!;
    const noun = SOURCE_NOUNS.get(word.lower);
    const institution = !noun && INSTITUTION_NOUNS.has(word.lower) ? word.lower : null;
    if (!noun && !institution) return null;
    let first = w;
    let modifiers = 0;
    while (first > 0 && modifiers < 3) {
      const before = this.words[first - 1]!;
      if (before.start < floor || STOP_WORDS.has(before.lower) || isVerb(before.lower) || !this.adjacent(before, this.words[first]!)) break;
      first--;
      modifiers++;
    }
    let determiner = '';
    const before = this.words[first - 1];
    if (before && before.start >= floor && DETERMINERS.has(before.lower) && this.adjacent(before, this.words[first]!)) {
      determiner = before.lower;
      first--;
    }
    if (institution && determiner !== 'the') return null;
    return {
      kind: institution ? 'institution' : 'source',
      start: this.words[first]!.start,
      end: word.end,
      determiner,
      noun: noun ?? institution!,
      plural: !!noun && word.lower !== noun,
    };
  }

  /** Two words separated by nothing but spaces. */
  private adjacent(a: Word, b: Word): boolean {
    return /^[ \t]+$/u.test(this.scan.masked.slice(a.end, b.start));
  }

  /** Two to four capitalised words ending at word `w`: a name the gazetteer does not know. */
  private unknownNameEndingAt(w: number, floor: number): Candidate | null {
    let first = w;
    const isNameWord = (word: Word) => /^\p{Lu}/u.test(word.text) && !NOT_NAME.has(word.lower) && !isVerb(word.lower);
    if (!isNameWord(this.words[w]!)) return null;
    while (first > 0 && w - first < 3) {
      const before = this.words[first - 1]!;
      if (before.start < floor || !isNameWord(before) || !this.adjacent(before, this.words[first]!)) break;
      first--;
    }
    if (first === w) return null;
    return { kind: 'unknown', start: this.words[first]!.start, end: this.words[w]!.end };
  }

  /** A speaker-like noun phrase starting at offset `p`: "Chris Philp", "a security source who ...". */
  private candidateStartingAt(p: number, ceiling: number): Candidate | null {
    const w = this.wordStartingAt(p);
    if (w < 0) return null;
    const start = this.words[w]!.start;
    const next = this.words[w + 1];
    const named = this.names.find(
      (span) =>
        span.end <= ceiling &&
        (span.start === start || (this.words[w]!.lower === 'the' && next !== undefined && span.start === next.start)),
    );
    if (named) return { kind: 'entity', start, end: named.end, entity: named.entity };
    // A source phrase: determiner, up to three modifiers, a source noun.
    for (let n = w; n < Math.min(this.words.length, w + 5); n++) {
      if (this.words[n]!.end > ceiling) break;
      const source = this.sourceAt(n, start);
      if (source && source.start === start) return source;
    }
    let last = w;
    while (
      last + 1 < this.words.length &&
      last - w < 3 &&
      this.words[last + 1]!.end <= ceiling &&
      /^\p{Lu}/u.test(this.words[last + 1]!.text)
    )
      last++;
    if (last > w && /^\p{Lu}/u.test(this.words[w]!.text) && !NOT_NAME.has(this.words[w]!.lower)) {
      return { kind: 'unknown', start, end: this.words[last]!.end };
    }
    return null;
  }

  // --- subjects --------------------------------------------------------------------------------

  /** Skips back over auxiliaries and adverbs ("has", "also", "publicly") before offset `p`. */
  private skipAuxiliaries(p: number, floor: number): number {
    let q = p;
    for (;;) {
      const w = this.wordEndingAt(q);
      const word = this.words[w];
      if (!word || word.start < floor) return q;
      const adverb = /^\p{Ll}+ly$/u.test(word.text) && !SOURCE_NOUNS.has(word.lower);
      if (!AUXILIARIES.has(word.lower) && !adverb) return q;
      q = word.start;
    }
  }

  /** Start of the clause that holds offset `p`: after the last punctuation or linking word. */
  private clauseStart(p: number, floor: number): number {
    const m = this.scan.masked;
    let start = floor;
    for (let i = floor; i < p; i++) if (/[;:()\u2014\u2013,]/u.test(m[i]!)) start = i + 1;
    for (const word of this.words) {
      if (word.start >= p) break;
      if (word.start >= start && BOUNDARY_WORDS.has(word.lower)) start = word.end;
    }
    return start;
  }

  /** The subject of a verb at `verb`: the phrase that ends right before it, through appositions and relative clauses. */
  private subjectBefore(verb: number, floor: number): { candidate: Candidate; end: number } | null {
    const m = this.scan.masked;
    const p = this.skipAuxiliaries(verb, floor);
    // "Chris Philp, shadow home secretary, said": the phrase before the apposition, or the apposition.
    const apposition = /,([^,]{1,60}),\s*$/u.exec(m.slice(floor, p));
    if (apposition) {
      const comma = floor + apposition.index;
      const appositionEnd = comma + 1 + apposition[1]!.length;
      const candidate = this.candidateEndingAt(comma, floor) ?? this.candidateEndingAt(appositionEnd, comma + 1);
      if (candidate) return { candidate, end: trimEnd(m, appositionEnd) };
    }
    const tail = this.wordEndingAt(p);
    const tailWord = this.words[tail];
    if (!tailWord || tailWord.start < floor) return null;
    const printedEnd = tailWord.end;
    // "a security source who pointed out": the phrase before the relative pronoun.
    if (tailWord.lower === 'who' || tailWord.lower === 'which') {
      const before = tailWord.start - (/,\s*$/u.exec(m.slice(floor, tailWord.start))?.[0].length ?? 0);
      const candidate = this.candidateEndingAt(before, floor);
      return candidate ? { candidate, end: trimEnd(m, before) } : null;
    }
    const clause = this.clauseStart(p, floor);
    // "a government source who was briefed by security officials ... told": the phrase before "who",
    // not the last noun of the relative clause.
    const relative = this.words.find((word) => word.start >= clause && word.end <= p && word.lower === 'who');
    if (relative) {
      const candidate = this.candidateEndingAt(relative.start, clause);
      if (candidate) return { candidate, end: printedEnd };
    }
    const direct = this.candidateEndingAt(p, floor);
    if (direct) return { candidate: direct, end: printedEnd };
    // "President Osmani of Kosovo has said": the person before the place that qualifies them.
    const qualified = /\s+of\s+(?:the\s+)?\p{Lu}[\p{L}\s-]*$/u.exec(m.slice(clause, p));
    if (qualified) {
      const candidate = this.candidateEndingAt(clause + qualified.index, clause);
      if (candidate) return { candidate, end: printedEnd };
    }
    // "the source discussing the current plans added": a participle phrase between subject and verb.
    for (let w = tail; w >= 0 && this.words[w]!.start >= clause; w--) {
      const word = this.words[w]!;
      if (!/ing$/u.test(word.lower) || word.start === clause) continue;
      const candidate = this.candidateEndingAt(word.start, clause);
      if (candidate) return { candidate, end: printedEnd };
    }
    return null;
  }

  // --- events ----------------------------------------------------------------------------------

  private findEvents(): void {
    const m = this.scan.masked;
    const found: { at: number; subject: Span; candidate: Candidate; goesOn?: boolean }[] = [];
    for (const match of m.matchAll(VERB_PATTERN)) {
      const verb = match[1]!;
      const at = match.index;
      const end = at + verb.length;
      const floor = this.sentenceStart(at);
      const previous = this.words[this.wordEndingAt(at)];
      const afterVerb = m.slice(end);
      if (previous && previous.start >= floor) {
        if (previous.lower === 'to' || DETERMINERS.has(previous.lower)) continue; // "to reveal", "their claims"
      }
      if (/^\s+(?:for|off)\b/u.test(afterVerb)) continue; // "called for"
      if (this.isPassive(at, floor) && !/^\s+by\s/u.test(afterVerb)) continue;
      if (GOING_ON.has(verb) && !/^\s*(?:[.,;:!?\n"'“”‘’]|$)/u.test(afterVerb)) continue;
      if (PARTICIPLES.includes(verb)) {
        const comma = /,\s*$/u.exec(m.slice(floor, at));
        if (!comma) continue;
        const clause = this.clauseStart(floor + comma.index, floor);
        const candidate = this.candidateStartingAt(clause, floor + comma.index);
        if (candidate) found.push({ at, subject: { start: candidate.start, end: candidate.end }, candidate });
        continue;
      }
      const goesOn = GOING_ON.has(verb);
      const before = this.subjectBefore(at, floor);
      if (before) {
        found.push({ at, subject: { start: before.candidate.start, end: before.end }, candidate: before.candidate, goesOn });
        continue;
      }
      // "'...,' said Chris Philp": the speaker after the verb, right after a quotation.
      if (/["'”’][\s,]*$/u.test(m.slice(floor, at)) || /,\s*$/u.test(m.slice(floor, at))) {
        const after = this.candidateStartingAt(end, this.scan.sentences[this.sentenceOf(at)]?.end ?? m.length);
        if (after) found.push({ at, subject: { start: after.start, end: after.end }, candidate: after, goesOn });
      }
    }
    for (const match of m.matchAll(ACCORDING_TO)) {
      const at = match.index;
      const ceiling = this.scan.sentences[this.sentenceOf(at)]?.end ?? m.length;
      const candidate = this.candidateStartingAt(at + match[0].length, ceiling);
      if (candidate) found.push({ at, subject: { start: candidate.start, end: candidate.end }, candidate });
    }
    found.sort((a, b) => a.at - b.at);
    for (const { goesOn, ...event } of found) {
      const attribution = this.resolve(event.candidate, event.subject, event.at);
      if (!attribution) continue;
      // "the source continued": the speaker carries on a quotation already attributed.
      if (goesOn && attribution.kind !== 'unattributed') attribution.kind = 'continuation';
      this.events.push({ ...event, sentence: this.sentenceOf(event.at), attribution });
    }
  }

  /** "has been warned", "are also argued to": the subject does not speak. */
  private isPassive(at: number, floor: number): boolean {
    let w = this.wordEndingAt(at);
    while (w >= 0 && this.words[w]!.start >= floor) {
      const word = this.words[w]!;
      if (PASSIVE.has(word.lower)) return true;
      if (!/^\p{Ll}+ly$/u.test(word.text) && word.lower !== 'also' && word.lower !== 'not') return false;
      w--;
    }
    return false;
  }

  // --- resolution ------------------------------------------------------------------------------

  private printed(span: Span): string {
    return this.scan.text.slice(span.start, span.end).replace(/\s+/gu, ' ').trim();
  }

  private resolve(candidate: Candidate, subject: Span, at: number): Attribution | null {
    const asPrinted = this.printed(subject);
    switch (candidate.kind) {
      case 'entity': {
        const entity = candidate.entity!;
        if (entity.kind === 'place') return null;
        const kind: SpeakerKind =
          entity.kind === 'organisation' ? 'institution' : namesEntity(this.printed(candidate), entity) ? 'named' : 'title';
        return { kind, asPrinted, speaker: entity.id, speakerName: entity.name };
      }
      case 'institution': {
        const key = fold(this.printed(candidate));
        return { kind: 'institution', asPrinted, speaker: key, speakerName: key };
      }
      case 'source':
        return { kind: 'source', asPrinted, ...this.sourceKey(candidate) };
      case 'unknown': {
        const name = this.printed(candidate);
        return { kind: 'named', asPrinted, speaker: name, speakerName: name };
      }
      case 'pronoun': {
        const pronoun = fold(this.printed(candidate));
        const resolved = pronoun === 'they' ? this.resolveThey(at) : this.resolveHeOrShe(pronoun as 'he' | 'she', at);
        return resolved
          ? { kind: 'pronoun', asPrinted, speaker: resolved.speaker, speakerName: resolved.speakerName }
          : { kind: 'unattributed', asPrinted, speaker: null, speakerName: null };
      }
    }
  }

  /** "They": the nearest earlier source, institution, organisation or "they" within reach. */
  private resolveThey(at: number): Attribution | null {
    const sentence = this.sentenceOf(at);
    for (let i = this.events.length - 1; i >= 0; i--) {
      const event = this.events[i]!;
      if (event.at >= at || sentence - event.sentence > PRONOUN_REACH) break;
      if (event.attribution.speaker !== null && fits('they', event)) return event.attribution;
    }
    return null;
  }

  /**
   * "He" or "she", from the text's own cues only, in this order: (1) the subject of the last speech
   * event, in this sentence or the one before, when nothing says it is someone else (its pronoun is
   * unknown or the same, and no other person opens a clause in between); (2) the last speaker known
   * (by an honorific or by "he"/"she" used of them) to go by this pronoun, when no person mentioned
   * since could also be meant; (3) the one person named in this sentence or the one before. Otherwise
   * nobody: the quotation stays unattributed with the pronoun as printed.
   */
  private resolveHeOrShe(pronoun: 'he' | 'she', at: number): Attribution | null {
    const sentence = this.sentenceOf(at);
    const earlier = this.events.filter((event) => event.at < at && sentence - event.sentence <= PRONOUN_REACH);
    const personsBetween = (from: number, exceptId: string | null) =>
      this.names.filter((span) => span.start >= from && span.end <= at && span.entity.kind === 'person' && span.entity.id !== exceptId);
    const last = earlier.at(-1);
    if (last && sentence - last.sentence <= 1) {
      const gender = genderOf(last);
      const opensClause = personsBetween(last.subject.end, last.attribution.speaker).some(
        (span) => compatible(span.entity.gender, pronoun) && this.opensClause(span.start),
      );
      if (isPerson(last) && last.attribution.speaker !== null && compatible(gender, pronoun) && !opensClause) return last.attribution;
      if (!isPerson(last) && last.attribution.speaker !== null) return null; // "a source said ... He said": not settled
    }
    for (let i = earlier.length - 1; i >= 0; i--) {
      const event = earlier[i]!;
      if (!isPerson(event) || event.attribution.speaker === null) continue;
      const gender = genderOf(event);
      if (gender !== pronoun) continue;
      const rivals = personsBetween(event.subject.end, event.attribution.speaker).filter((span) => compatible(span.entity.gender, pronoun));
      if (rivals.length === 0) return event.attribution;
      break;
    }
    const floor = this.scan.sentences[Math.max(0, sentence - 1)]?.start ?? 0;
    const inReach = new Map<string, Entity>();
    for (const span of personsBetween(floor, null)) inReach.set(span.entity.id, span.entity);
    const [only, ...others] = [...inReach.values()];
    if (only && others.length === 0 && compatible(only.gender, pronoun)) {
      return { kind: 'pronoun', asPrinted: null, speaker: only.id, speakerName: only.name };
    }
    return null;
  }

  /** A name that starts a sentence or a clause ("..., but Smith", "and Smith"): a new subject. */
  private opensClause(start: number): boolean {
    const before = this.scan.masked.slice(this.sentenceStart(start), start);
    return (
      /^\s*(?:the\s+)?$/iu.test(before) || /(?:[;:]|,?\s(?:but|and|while|whereas|though|although|as|when))\s+(?:the\s+)?$/iu.test(before)
    );
  }

  /** "a government source" as its key; "the source" is the nearest earlier source with that noun. */
  private sourceKey(candidate: Candidate): { speaker: string; speakerName: string } {
    const own = fold(this.printed(candidate));
    if (candidate.determiner === 'the' && !candidate.plural) {
      for (let w = this.words.length - 1; w >= 0; w--) {
        const word = this.words[w]!;
        if (word.end > candidate.start) continue;
        if (SOURCE_NOUNS.get(word.lower) !== candidate.noun || word.lower !== candidate.noun) continue;
        const earlier = this.sourceAt(w, 0);
        if (earlier && INDEFINITE.has(earlier.determiner ?? '')) {
          const key = indefiniteKey(fold(this.printed(earlier)));
          return { speaker: key, speakerName: key };
        }
      }
    }
    const key = INDEFINITE.has(candidate.determiner ?? '') ? indefiniteKey(own) : own;
    return { speaker: key, speakerName: key };
  }
}

/** "another source" -> "a source"; "one official" -> "an official". */
function indefiniteKey(phrase: string): string {
  const rest = phrase.replace(/^(?:a|an|another|one)\s+/u, '');
  return `${/^[aeiou]/u.test(rest) ? 'an' : 'a'} ${rest}`;
}

function trimEnd(text: string, end: number): number {
  let e = end;
  while (e > 0 && /\s/u.test(text[e - 1]!)) e--;
  return e;
}

function isVerb(word: string): boolean {
  return FINITE_VERBS.includes(word) || PARTICIPLES.includes(word);
}

/** Whether the printed words carry one of the entity's names (not just a title). */
function namesEntity(printed: string, entity: Entity): boolean {
  const words = ` ${fold(printed).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  const titles = new Set((entity.titles ?? []).map((title) => fold(title)));
  return entity.aliases.some((alias) => {
    const key = fold(alias)
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
    return key !== '' && !titles.has(key) && words.includes(` ${key} `);
  });
}

/** The pronoun an event's speaker goes by, when the text has told it. */
function genderOf(event: SpeechEvent): 'he' | 'she' | 'they' | undefined {
  if (event.candidate.kind === 'entity') return event.candidate.entity!.gender;
  if (event.candidate.kind === 'pronoun') {
    const printed = fold(event.attribution.asPrinted ?? '');
    return printed === 'he' || printed === 'she' ? printed : undefined;
  }
  return undefined;
}

/** Whether an event's speaker is a person (named, by title, unknown name or an earlier he/she). */
function isPerson(event: SpeechEvent): boolean {
  if (event.candidate.kind === 'entity') return event.candidate.entity!.kind === 'person';
  if (event.candidate.kind === 'unknown') return true;
  return event.candidate.kind === 'pronoun' && genderOf(event) !== undefined;
}

/** A person whose pronoun is unknown could be "he" or "she"; one whose pronoun is known only that. */
function compatible(gender: 'he' | 'she' | 'they' | undefined, pronoun: 'he' | 'she'): boolean {
  return gender === undefined || gender === pronoun;
}

/** Whether a pronoun can stand for an earlier event's speaker. */
function fits(pronoun: string, event: SpeechEvent): boolean {
  const entity = event.candidate.kind === 'entity' ? event.candidate.entity : undefined;
  if (pronoun === 'he' || pronoun === 'she') {
    if (entity) return entity.kind === 'person' && entity.gender === pronoun;
    // A pronoun already resolved to a person keeps that person's gender.
    if (event.candidate.kind === 'pronoun') return fold(event.attribution.asPrinted ?? '') === pronoun;
    return false;
  }
  // "they": sources, institutions, people who go by "they", or an earlier "they".
  if (entity) return entity.kind === 'organisation' || entity.gender === 'they';
  return (
    event.candidate.kind === 'source' ||
    event.candidate.kind === 'institution' ||
    (event.candidate.kind === 'pronoun' && fold(event.attribution.asPrinted ?? '') === 'they')
  );
}

/**
 * The attribution of each quotation run of an article, in order; null when no speech event governs
 * the run. The speaker right after the closing mark wins when the quotation ends with a comma,
 * question or exclamation mark ("'...,' the source said"); otherwise the last speech verb before the
 * opening mark in its sentence ("He said: '...'", "Chris Philp said ... 'humiliating'").
 */
export function attributeRuns(scan: ArticleScan, names: NameFinder): (Attribution | null)[] {
  const speakers = new ArticleSpeakers(scan, names);
  const m = scan.masked;
  return scan.runs.map((run) => {
    const head = run.segments[0]!;
    const tail = run.segments.at(-1)!;
    const firstStart = scan.sentences[run.firstSentence]?.start ?? 0;
    const lastEnd = scan.sentences[run.lastSentence]?.end ?? m.length;
    const pre = [...speakers.events]
      .reverse()
      .find((event) => event.at >= firstStart && event.at < head.open && event.subject.start >= firstStart);
    const post =
      tail.close === null
        ? undefined
        : speakers.events.find(
            (event) =>
              event.at > tail.close! &&
              event.at < lastEnd &&
              /^["'”’\s,]*$/u.test(m.slice(tail.close! + 1, Math.min(event.at, event.subject.start))),
          );
    const endsOpen = /[,?!]$/u.test(scan.text.slice(tail.start, tail.end));
    const chosen = endsOpen ? (post ?? pre) : (pre ?? post);
    return chosen?.attribution ?? null;
  });
}
