/**
 * Noun phrases that can speak, and the subject of a speech verb: a name the finder knows ("Chris Philp",
 * "The Tories"), an anonymous or written source with its modifiers ("a government source", "a report by
 * the Greek coastguard"), an institution ("the government"), a pronoun, or capitalised words no finder
 * knows; through appositions ("Chris Philp, shadow home secretary, said") and relative clauses.
 */
import { ArticleWords, type Candidate, type Word, trimEnd } from './article-words.ts';
import {
  AUXILIARIES,
  BOUNDARY_WORDS,
  DETERMINERS,
  INSTITUTION_NOUNS,
  NOT_NAME,
  PRONOUNS,
  MODIFIER_ENDS,
  MODIFIER_OPENERS,
  SOURCE_NOUNS,
  STOP_WORDS,
  isVerb,
} from './speech-words.ts';

/** Marks that end a clause: what follows one starts the next. */
const CLAUSE_MARKS = ';:()\u2014\u2013,';

export class NounPhrases extends ArticleWords {
  /** A speaker-like noun phrase ending exactly at offset `p` (spaces before `p` skipped). */
  protected candidateEndingAt(p: number, floor: number): Candidate | null {
    const w = this.wordEndingAt(p);
    if (w < 0) return null;
    const word = this.words[w]!;
    if (word.start < floor) return null;
    const named = this.names.find((span) => span.end === word.end && span.start >= floor);
    if (named) return { kind: 'entity', start: this.withArticle(named.start, floor), end: named.end, entity: named.entity };
    if (PRONOUNS.has(word.lower) || word.lower === 'it') return { kind: 'pronoun', start: word.start, end: word.end };
    const modified = this.sourceWithModifier(w, floor);
    if (modified) return modified;
    const source = this.sourceAt(w, floor);
    if (source) return source;
    return this.unknownNameEndingAt(w, floor);
  }

  /**
   * A source whose noun a modifier follows, ending at word `w`: "a senior official at the interior
   * ministry", "a report by the Greek coastguard", "a statement issued after the news conference". The
   * modifier holds no speech verb, relative pronoun or clause of its own.
   */
  protected sourceWithModifier(w: number, floor: number): Candidate | null {
    for (let n = w - 1; n >= Math.max(0, w - 12); n--) {
      const noun = this.words[n]!;
      if (noun.start < floor) return null;
      const between = this.words.slice(n + 1, w + 1);
      if (between.some((word) => isVerb(word.lower) || MODIFIER_ENDS.has(word.lower))) return null;
      if (/[,;:()\u25A0]/u.test(this.scan.masked.slice(noun.end, this.words[w]!.end))) return null;
      if (!SOURCE_NOUNS.has(noun.lower) || !MODIFIER_OPENERS.has(between[0]!.lower)) continue;
      const source = this.sourceAt(n, floor);
      if (!source || source.kind !== 'source') return null;
      return { ...source, end: this.words[w]!.end };
    }
    return null;
  }

  /** The end of the modifier after a source noun (word `n`), within its clause: "a report [by the Greek coastguard]". */
  protected modifierEnd(n: number): number {
    const noun = this.words[n]!;
    const next = this.words[n + 1];
    if (!next || !MODIFIER_OPENERS.has(next.lower) || !/^[ \t]+$/u.test(this.scan.masked.slice(noun.end, next.start))) return noun.end;
    let end = noun.end;
    for (let k = n + 1; k < Math.min(this.words.length, n + 12); k++) {
      const word = this.words[k]!;
      if (isVerb(word.lower) || MODIFIER_ENDS.has(word.lower) || /[,;:.!?()\n\u25A0]/u.test(this.scan.masked.slice(end, word.start))) break;
      end = word.end;
    }
    return end;
  }

  /** "The Tories": the determiner before a name is part of it as printed. */
  protected withArticle(start: number, floor: number): number {
    const w = this.wordEndingAt(start);
    const word = this.words[w];
    return word && word.lower === 'the' && word.start >= floor && /^\s+$/u.test(this.scan.masked.slice(word.end, start))
      ? word.start
      : start;
  }

  /** A source or institution noun phrase whose noun is word `w`: "a government source", "Security sources". */
  protected sourceAt(w: number, floor: number): Candidate | null {
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

  /** Two to four capitalised words ending at word `w`: a name the gazetteer does not know. */
  protected unknownNameEndingAt(w: number, floor: number): Candidate | null {
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
  protected candidateStartingAt(p: number, ceiling: number): Candidate | null {
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
      if (source && source.start === start) {
        // "Home affairs minister Carmen Vella": the title is the person's, who is named right after it.
        const person = this.names.find((span) => span.end <= ceiling && /^[ \t]+$/u.test(this.scan.masked.slice(source.end, span.start)));
        if (person) return { kind: 'entity', start, end: person.end, entity: person.entity };
        return source;
      }
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

  /** Skips back over auxiliaries and adverbs ("has", "also", "publicly") before offset `p`. */
  protected skipAuxiliaries(p: number, floor: number): number {
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
  protected clauseStart(p: number, floor: number): number {
    const m = this.scan.masked;
    let start = floor;
    for (let i = p - 1; i >= floor; i--) {
      if (CLAUSE_MARKS.includes(m[i]!)) {
        start = i + 1;
        break;
      }
    }
    // Words before `start` cannot move it, and every later word starts after the last one ends.
    for (let w = this.firstWordFrom(start); w < this.words.length; w++) {
      const word = this.words[w]!;
      if (word.start >= p) break;
      if (word.start >= start && BOUNDARY_WORDS.has(word.lower)) start = word.end;
    }
    return start;
  }

  /** The subject of a verb at `verb`: the phrase that ends right before it, through appositions and relative clauses. */
  protected subjectBefore(verb: number, floor: number): { candidate: Candidate; end: number } | null {
    const m = this.scan.masked;
    const p = this.skipAuxiliaries(verb, floor);
    // "Chris Philp, shadow home secretary, said": the phrase before the apposition, or the apposition.
    const apposition = /,([^,]{1,60}),\s*$/u.exec(m.slice(floor, p));
    if (apposition) {
      const comma = floor + apposition.index;
      const appositionEnd = comma + 1 + apposition[1]!.length;
      const head = this.candidateEndingAt(comma, floor);
      const appositive = this.candidateEndingAt(appositionEnd, comma + 1);
      // "Their spokesman on migration, Joseph Grech, said": the name in apposition to a role is the speaker.
      const named = appositive?.kind === 'entity' && head?.kind !== 'entity' ? appositive : null;
      const candidate = named ?? head ?? appositive;
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
    let relative: Word | undefined;
    for (let w = this.firstWordFrom(clause); w < this.words.length && this.words[w]!.end <= p; w++) {
      if (this.words[w]!.lower === 'who') {
        relative = this.words[w];
        break;
      }
    }
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
}
