/**
 * "Also reported by": the other outlets an answer may credit with the words it shows. An outlet is
 * credited only when it printed every sentence shown (the same words, folded: case, accents and quote
 * marks aside), or, for a quotation, the same quoted words. A passage that merely shares one of its
 * sentences with another outlet, or paraphrases it, earns no credit.
 */
import { printsWords, sentenceId } from '../analysis/alike.ts';
import type { Quotation } from '../analysis/types.ts';
import type { Passage } from '../corpus/types.ts';
import { articleIdOfMember, type StoryIndex } from '../search/story-index.ts';
import type { AlsoIn } from './model.ts';
import { sentencesOf } from './passage-sentences.ts';

/** The articles other than `passage`'s own that print every sentence of `passage.text` overlapping [from, to). */
export function creditsForText(story: StoryIndex, passage: Passage, from = 0, to = passage.text.length): AlsoIn[] {
  const own = story.articleById.get(passage.articleId)!;
  let credited: AlsoIn[] | undefined;
  sentencesOf(passage).forEach((span, index) => {
    if (span.end <= from || span.start >= to || (credited && credited.length === 0)) return;
    const printers = sentencePrinters(story, passage, index, span.text);
    credited = credited ? credited.filter((article) => printers.some((other) => other.articleId === article.articleId)) : printers;
  });
  return (credited ?? []).filter((article) => article.outlet !== own.outlet);
}

/**
 * The articles other than the quotation's own that quote it alike, from the same speaker or none, and print its very words (in the
 * passage that holds their quotation: 'a "really important innovation"' prints "a really important innovation").
 */
export function creditsForQuotation(story: StoryIndex, quotation: Quotation): AlsoIn[] {
  const group = story.groupOf.get(quotation.id);
  if (!group) return [];
  const credited: AlsoIn[] = [];
  for (const member of group.members) {
    const other = story.quotationById.get(member);
    if (!other || other.outlet === quotation.outlet || credited.some((known) => known.articleId === other.articleId)) continue;
    // An outlet that names another speaker for the words is no credit for this one (the answer notes the disagreement).
    if (other.speaker !== null && quotation.speaker !== null && other.speaker !== quotation.speaker) continue;
    if (printsWords(story.passageById.get(other.passageId)?.text ?? other.text, quotation.text))
      credited.push({ outlet: other.outlet, articleId: other.articleId });
  }
  return credited;
}

/** Outlets that print each of the quotations' words: those every quotation credits. */
export function creditsForAll(credits: AlsoIn[][]): AlsoIn[] {
  const [first, ...rest] = credits;
  if (!first) return [];
  return first.filter((article) => rest.every((others) => others.some((other) => other.articleId === article.articleId)));
}

// A sentence's printers depend on the story alone: worked out once per sentence and story (a shared
// sentence is shown again and again).
const printersByStory = new WeakMap<StoryIndex, Map<string, AlsoIn[]>>();

function sentencePrinters(story: StoryIndex, passage: Passage, index: number, text: string): AlsoIn[] {
  const id = sentenceId(passage.id, index);
  const known = printersByStory.get(story) ?? printersByStory.set(story, new Map()).get(story)!;
  const cached = known.get(id);
  if (cached) return cached;
  const printers: AlsoIn[] = [];
  const group = story.groupOf.get(id);
  for (const member of group?.members ?? []) {
    const articleId = articleIdOfMember(story, member);
    if (!articleId || articleId === passage.articleId || printers.some((known) => known.articleId === articleId)) continue;
    const memberText = sentenceText(story, member);
    if (memberText !== undefined && printsWords(memberText, text)) {
      printers.push({ outlet: story.articleById.get(articleId)!.outlet, articleId });
    }
  }
  known.set(id, printers);
  return printers;
}

function sentenceText(story: StoryIndex, memberId: string): string | undefined {
  const match = /^(.*):s(\d+)$/u.exec(memberId);
  const passage = match ? story.passageById.get(match[1]!) : undefined;
  return passage ? sentencesOf(passage)[Number(match![2])]?.text : undefined;
}
