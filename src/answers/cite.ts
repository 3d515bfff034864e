import type { Article, Passage } from '../corpus/types.ts';
import type { StoryIndex } from '../search/story-index.ts';
import type { AlsoIn, Result } from './model.ts';
import { normaliseRanges } from './highlight.ts';

/** A result citing one passage to the outlet that printed it. */
export function citePassage(
  story: StoryIndex,
  passage: Passage,
  highlights: [number, number][],
  extra: Partial<Pick<Result, 'speaker' | 'speakerAsPrinted' | 'label'>> & { groupMember?: string } = {},
): Result {
  const article = story.articleById.get(passage.articleId)!;
  const { groupMember, ...fields } = extra;
  return {
    ...articleSource(article),
    passageId: passage.id,
    snippet: passage.text,
    highlights: normaliseRanges(highlights, passage.text.length),
    alsoIn: alsoIn(story, groupMember ?? passage.id, article.outlet),
    ...fields,
  };
}

/** Who printed an article, where it was read, its headline, link and date: the source half of a result. */
export function articleSource(article: Article): Pick<Result, 'outlet' | 'publishedVia' | 'articleId' | 'headline' | 'url' | 'date'> {
  return {
    outlet: article.outlet,
    ...(article.publishedVia ? { publishedVia: article.publishedVia } : {}),
    articleId: article.id,
    headline: article.headline,
    url: article.url,
    date: article.date,
  };
}

/** The other outlets that carry the same passage or quotation (`memberId`'s alike group). */
export function alsoIn(story: StoryIndex, memberId: string, outlet: string): AlsoIn[] {
  const group = story.groupOf.get(memberId);
  if (!group) return [];
  const others: AlsoIn[] = [];
  for (const member of group.members) {
    const articleId = articleIdOf(story, member);
    const article = articleId ? story.articleById.get(articleId) : undefined;
    if (!article || article.outlet === outlet) continue;
    if (!others.some((other) => other.articleId === article.id)) others.push({ outlet: article.outlet, articleId: article.id });
  }
  return others;
}

/** Group members are passage ids or quotation ids (`${passageId}:q${n}`); both start with the passage's article. */
function articleIdOf(story: StoryIndex, memberId: string): string | undefined {
  const passageId = story.passageById.has(memberId) ? memberId : memberId.replace(/:q\d+$/, '');
  return story.passageById.get(passageId)?.articleId;
}

/** Drops results whose passage is in the alike group of one already kept (it shows up in alsoIn). */
export function withoutRepeats<T>(items: T[], memberIdOf: (item: T) => string, story: StoryIndex): T[] {
  const seenGroups = new Set<string>();
  const kept: T[] = [];
  for (const item of items) {
    const group = story.groupOf.get(memberIdOf(item));
    if (group && group.members.length > 1) {
      if (seenGroups.has(group.id)) continue;
      seenGroups.add(group.id);
    }
    kept.push(item);
  }
  return kept;
}
