/**
 * Who a speaker phrase stands for: a known entity, a source as printed ("the source" is the nearest
 * earlier source with that noun), or a pronoun resolved only from the text's own cues (see
 * resolveHeOrShe): never a guess.
 */
import { fold } from '../text/fold.ts';
import type { Attribution, Candidate, SpeechEvent } from './article-words.ts';
import type { Span } from './scan.ts';
import { NounPhrases } from './noun-phrases.ts';
import { DOCUMENT_NOUNS, INDEFINITE, PRONOUN_REACH, SOURCE_NOUNS, indefiniteKey } from './speech-words.ts';
import type { Entity, SpeakerKind } from './types.ts';

export class Coreference extends NounPhrases {
  protected resolve(candidate: Candidate, subject: Span, at: number): Attribution | null {
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
        if (pronoun === 'it') return this.resolveIt(at, asPrinted);
        const resolved = pronoun === 'they' ? this.resolveThey(at) : this.resolveHeOrShe(pronoun as 'he' | 'she', at);
        return resolved
          ? { kind: 'pronoun', asPrinted, speaker: resolved.speaker, speakerName: resolved.speakerName, rule: resolved.rule ?? 'pronoun' }
          : { kind: 'unattributed', asPrinted, speaker: null, speakerName: null };
      }
    }
  }

  /**
   * "It states that ...": a written source, when the last speech event or the subject of the sentence
   * before is one ("The agreement, seen by the Harbour Post, commits Malta ... It states ..."). Any other
   * "it" speaks for nobody.
   */
  protected resolveIt(at: number, asPrinted: string): Attribution | null {
    const sentence = this.sentenceOf(at);
    const last = this.events.filter((event) => event.at < at).at(-1);
    if (last && sentence - last.sentence <= 1 && last.candidate.kind === 'source' && DOCUMENT_NOUNS.has(last.candidate.noun ?? '')) {
      return { ...last.attribution, kind: 'pronoun', asPrinted, rule: 'pronoun: the document that last spoke' };
    }
    const previous = this.scan.sentences[sentence - 1];
    if (!previous) return null;
    for (let w = this.wordStartingAt(previous.start), n = 0; w >= 0 && n < 5 && w < this.words.length; w++, n++) {
      const word = this.words[w]!;
      if (!DOCUMENT_NOUNS.has(word.lower)) continue;
      const source = this.sourceAt(w, previous.start);
      if (!source || source.start !== this.words[this.wordStartingAt(previous.start)]!.start) return null;
      const { speaker, speakerName } = this.sourceKey({ ...source, end: this.modifierEnd(w) });
      return { kind: 'pronoun', asPrinted, speaker, speakerName, rule: 'pronoun: the document the sentence before is about' };
    }
    return null;
  }

  /** "They": the nearest earlier source, institution, organisation or "they" within reach. */
  protected resolveThey(at: number): Attribution | null {
    const sentence = this.sentenceOf(at);
    for (let i = this.events.length - 1; i >= 0; i--) {
      const event = this.events[i]!;
      if (event.at >= at || sentence - event.sentence > PRONOUN_REACH) break;
      if (event.attribution.speaker !== null && fits('they', event))
        return { ...event.attribution, rule: 'pronoun: the last source or body that spoke' };
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
  protected resolveHeOrShe(pronoun: 'he' | 'she', at: number): Attribution | null {
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
      if (isPerson(last) && last.attribution.speaker !== null && compatible(gender, pronoun) && !opensClause) {
        return { ...last.attribution, rule: 'pronoun: the subject of the last speech' };
      }
      if (!isPerson(last) && last.attribution.speaker !== null) return null; // "a source said ... He said": not settled
    }
    for (let i = earlier.length - 1; i >= 0; i--) {
      const event = earlier[i]!;
      if (!isPerson(event) || event.attribution.speaker === null) continue;
      const gender = genderOf(event);
      if (gender !== pronoun) continue;
      const rivals = personsBetween(event.subject.end, event.attribution.speaker).filter((span) => compatible(span.entity.gender, pronoun));
      if (rivals.length === 0) return { ...event.attribution, rule: `pronoun: the last speaker called ${pronoun}` };
      break;
    }
    const floor = this.scan.sentences[Math.max(0, sentence - 1)]?.start ?? 0;
    const inReach = new Map<string, Entity>();
    for (const span of personsBetween(floor, null)) inReach.set(span.entity.id, span.entity);
    const [only, ...others] = [...inReach.values()];
    if (only && others.length === 0 && compatible(only.gender, pronoun)) {
      return { kind: 'pronoun', asPrinted: null, speaker: only.id, speakerName: only.name, rule: 'pronoun: the one person in reach' };
    }
    return null;
  }

  /** A name that starts a sentence or a clause ("..., but Smith", "and Smith"): a new subject. */
  protected opensClause(start: number): boolean {
    const before = this.scan.masked.slice(this.sentenceStart(start), start);
    return (
      /^\s*(?:the\s+)?$/iu.test(before) || /(?:[;:]|,?\s(?:but|and|while|whereas|though|although|as|when))\s+(?:the\s+)?$/iu.test(before)
    );
  }

  /** "a government source" as its key; "the source" is the nearest earlier source with that noun. */
  protected sourceKey(candidate: Candidate): { speaker: string; speakerName: string } {
    const own = fold(this.printed(candidate));
    // "the source" is the one an earlier sentence introduced; "the report" is kept as printed (a document
    // may be introduced by a longer name than the one the labels of its words give).
    if (candidate.determiner === 'the' && !candidate.plural && !DOCUMENT_NOUNS.has(candidate.noun ?? '')) {
      for (let w = this.words.length - 1; w >= 0; w--) {
        const word = this.words[w]!;
        if (word.end > candidate.start) continue;
        if (SOURCE_NOUNS.get(word.lower) !== candidate.noun || word.lower !== candidate.noun) continue;
        const earlier = this.sourceAt(w, 0);
        if (earlier && INDEFINITE.has(earlier.determiner ?? '')) {
          // "The report warned" after "A report by the Greek coastguard, published in April, found ...".
          const key = indefiniteKey(fold(this.printed({ start: earlier.start, end: this.modifierEnd(w) })));
          return { speaker: key, speakerName: key };
        }
      }
    }
    const key = INDEFINITE.has(candidate.determiner ?? '') ? indefiniteKey(own) : own;
    return { speaker: key, speakerName: key };
  }
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
