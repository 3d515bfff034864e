/**
 * Speech events: an active speech verb with the subject that speaks ("Vjosa Osmani said", "the source
 * continued", "said Chris Philp", ", saying ...", "according to a security source"). Passive verbs ("has
 * been warned") and verbs of a gist ("advise", "praise") are none.
 */
import { twinRegex, twinsAgreeOn } from '../text/ascii-regex.ts';
import type { ArticleScan, Span } from './scan.ts';
import type { Candidate, NameFinder } from './article-words.ts';
import { Coreference } from './coreference.ts';
import { ACCORDING_TO, DETERMINERS, GOING_ON, PARTICIPLES, PASSIVE, VERB_PATTERN } from './speech-words.ts';

const VERBS = twinRegex(VERB_PATTERN);
const ACCORDING = twinRegex(ACCORDING_TO);

export class SpeechEvents extends Coreference {
  /**
   * Speech verbs whose subject is a phrase no rule reads ("a change one delegation described as ..."):
   * a quotation after one is not given to an earlier speaker of its sentence.
   */
  readonly unread: number[] = [];

  constructor(scan: ArticleScan, finder: NameFinder) {
    super(scan, finder);
    this.findEvents();
  }

  protected findEvents(): void {
    const m = this.scan.masked;
    const found: { at: number; subject: Span; candidate: Candidate; via: string; goesOn?: boolean }[] = [];
    const ascii = twinsAgreeOn(m);
    for (const match of m.matchAll(ascii ? VERBS.ascii : VERBS.unicode)) {
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
        // The clause's subject, else the sentence's when a name opens it ("Estonia's interior minister,
        // Mart Kivisild, went further ..., describing ...").
        const candidate = this.candidateStartingAt(clause, floor + comma.index) ?? this.sentenceSubject(floor, floor + comma.index);
        if (candidate) found.push({ at, subject: { start: candidate.start, end: candidate.end }, candidate, via: ', saying (participle)' });
        continue;
      }
      const goesOn = GOING_ON.has(verb);
      const before = this.subjectBefore(at, floor);
      if (before) {
        found.push({ at, subject: { start: before.candidate.start, end: before.end }, candidate: before.candidate, via: 'X said', goesOn });
        continue;
      }
      // "'...,' said Chris Philp": the speaker after the verb, right after a quotation.
      if (/["'”’][\s,]*$/u.test(m.slice(floor, at)) || /,\s*$/u.test(m.slice(floor, at))) {
        const after = this.candidateStartingAt(end, this.scan.sentences[this.sentenceOf(at)]?.end ?? m.length);
        if (after) {
          found.push({ at, subject: { start: after.start, end: after.end }, candidate: after, via: 'said X', goesOn });
          continue;
        }
      }
      // A subject no rule reads, right before the verb (not "... and warns"): nobody known speaks here.
      if (
        previous &&
        previous.start >= floor &&
        !/^(?:and|or|but|then|also)$/u.test(previous.lower) &&
        /^[ \t]+$/u.test(m.slice(previous.end, at))
      ) {
        this.unread.push(at);
      }
    }
    for (const match of m.matchAll(ascii ? ACCORDING.ascii : ACCORDING.unicode)) {
      const at = match.index;
      const ceiling = this.scan.sentences[this.sentenceOf(at)]?.end ?? m.length;
      const candidate = this.candidateStartingAt(at + match[0].length, ceiling);
      if (candidate) found.push({ at, subject: { start: candidate.start, end: candidate.end }, candidate, via: 'according to X' });
    }
    found.sort((a, b) => a.at - b.at);
    for (const { goesOn, ...event } of found) {
      const attribution = this.resolve(event.candidate, event.subject, event.at);
      if (!attribution) continue;
      attribution.rule = [event.via, attribution.rule].filter(Boolean).join('; ');
      // "the source continued": the speaker carries on a quotation already attributed.
      if (goesOn && attribution.kind !== 'unattributed') attribution.kind = 'continuation';
      this.events.push({ ...event, sentence: this.sentenceOf(event.at), attribution });
    }
  }

  /** The first name in a sentence, among its first words, when it is a person or an organisation. */
  protected sentenceSubject(floor: number, ceiling: number): Candidate | null {
    const first = this.wordStartingAt(floor);
    const span = this.names.find((name) => name.start >= floor && name.end <= ceiling);
    if (first < 0 || !span || span.entity.kind === 'place') return null;
    const before = this.words.filter((word) => word.start >= floor && word.end <= span.start).length;
    return before <= 5 ? { kind: 'entity', start: span.start, end: span.end, entity: span.entity } : null;
  }

  /** "has been warned", "are also argued to": the subject does not speak. */
  protected isPassive(at: number, floor: number): boolean {
    let w = this.wordEndingAt(at);
    while (w >= 0 && this.words[w]!.start >= floor) {
      const word = this.words[w]!;
      if (PASSIVE.has(word.lower)) return true;
      if (!/^\p{Ll}+ly$/u.test(word.text) && word.lower !== 'also' && word.lower !== 'not') return false;
      w--;
    }
    return false;
  }
}
