/**
 * Speech events: an active speech verb with the subject that speaks ("Vjosa Osmani said", "the source
 * continued", "said Chris Philp", ", saying ...", "according to a security source"). Passive verbs ("has
 * been warned") and verbs of a gist ("advise", "praise") are none.
 */
import type { ArticleScan, Span } from './scan.ts';
import type { Candidate, NameFinder } from './article-words.ts';
import { Coreference } from './coreference.ts';
import { ACCORDING_TO, DETERMINERS, GOING_ON, PARTICIPLES, PASSIVE, VERB_PATTERN } from './speech-words.ts';

export class SpeechEvents extends Coreference {
  constructor(scan: ArticleScan, finder: NameFinder) {
    super(scan, finder);
    this.findEvents();
  }

  protected findEvents(): void {
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
