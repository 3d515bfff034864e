/**
 * Who said it: links each quotation run of an article to the speech event that governs it (the speaker
 * right after its closing mark, else the last speech verb before it in its sentence). The work is split
 * by job: speech-words.ts (the word lists), article-words.ts (the article's words and names),
 * noun-phrases.ts (phrases that can speak, subjects), coreference.ts (who a phrase or pronoun stands
 * for), speech-events.ts (speech verbs with their subjects).
 *
 * Subjects resolve to: a person or organisation found in the text or known to the gazetteer (by name or
 * by title), an anonymous or written source kept as printed ("a government source", "the report"), a
 * pronoun resolved from the text's own cues, or an unknown name as printed. A subject that fits nothing
 * ("the advice", "reports") attributes nothing. Verbs that report a gist rather than words ("advise",
 * "suggest", "praise") are not speech verbs.
 */
import type { Attribution, NameFinder, NamedSpan } from './article-words.ts';
import type { ArticleScan } from './scan.ts';
import { SpeechEvents } from './speech-events.ts';
import type { Entity } from './types.ts';

export type { Attribution, NameFinder, NamedSpan } from './article-words.ts';

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

/**
 * The attribution of each quotation run of an article, in order; null when no speech event governs
 * the run. The speaker right after the closing mark wins when the quotation ends with a comma,
 * question or exclamation mark ("'...,' the source said"); otherwise the last speech verb before the
 * opening mark in its sentence ("He said: '...'", "Chris Philp said ... 'humiliating'").
 */
export function attributeRuns(scan: ArticleScan, names: NameFinder): (Attribution | null)[] {
  const speakers = new SpeechEvents(scan, names);
  const m = scan.masked;
  return scan.runs.map((run) => {
    const head = run.segments[0]!;
    const tail = run.segments.at(-1)!;
    const firstStart = scan.sentences[run.firstSentence]?.start ?? 0;
    const lastEnd = scan.sentences[run.lastSentence]?.end ?? m.length;
    const found = [...speakers.events]
      .reverse()
      .find((event) => event.at >= firstStart && event.at < head.open && event.subject.start >= firstStart);
    // "A diplomatic source tells us ... a change one delegation described as '...'": not the source's words.
    const pre = found && speakers.unread.some((at) => at > found.at && at < head.open) ? undefined : found;
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
    if (!chosen) return null;
    const where = chosen === post ? 'speaker after the quotation' : 'speech verb before the quotation';
    return { ...chosen.attribution, rule: [where, chosen.attribution.rule].filter(Boolean).join('; ') };
  });
}
