import { shownDate } from '../corpus/dates.ts';
import type { Article, Passage } from '../corpus/types.ts';
import type { StoryIndex } from '../search/story-index.ts';
import type { Result } from './model.ts';
import { normaliseRanges } from './highlight.ts';
import { creditsForQuotation, creditsForText } from './credits.ts';

/** A result citing one passage to the outlet that printed it. */
export function citePassage(
  story: StoryIndex,
  passage: Passage,
  highlights: [number, number][],
  extra: Partial<Pick<Result, 'speaker' | 'speakerAsPrinted' | 'label'>> & { quotationId?: string } = {},
): Result {
  const quotation = extra.quotationId ? story.quotationById.get(extra.quotationId) : undefined;
  const article = story.articleById.get(passage.articleId)!;
  // Written out rather than spread: an answer can cite thousands of passages (/quote at 100,000).
  const result: Result = {
    ...articleSource(article),
    passageId: passage.id,
    snippet: passage.text,
    highlights: normaliseRanges(highlights, passage.text.length),
    // Credits hold for the words shown: the whole passage, or a quotation's words.
    alsoIn: quotation ? creditsForQuotation(story, quotation) : creditsForText(story, passage),
  };
  if (quotation) result.sharedWords = [quotation.text];
  if ('speaker' in extra) result.speaker = extra.speaker!;
  if ('speakerAsPrinted' in extra) result.speakerAsPrinted = extra.speakerAsPrinted!;
  if ('label' in extra) result.label = extra.label!;
  return result;
}

/**
 * A result citing a stretch [from, to) of a passage (its answering sentences): the snippet is that
 * stretch as printed, and "also reported by" names the outlets that print every sentence of it.
 */
export function citeSpan(story: StoryIndex, passage: Passage, from: number, to: number, highlights: [number, number][]): Result {
  if (from <= 0 && to >= passage.text.length) {
    return { ...citePassage(story, passage, []), highlights: normaliseRanges(highlights, passage.text.length) };
  }
  const snippet = passage.text.slice(from, to);
  // Credits for the stretch alone: those of the whole passage would be worked out for nothing.
  return {
    ...articleSource(story.articleById.get(passage.articleId)!),
    passageId: passage.id,
    snippet,
    highlights: normaliseRanges(
      highlights.map(([start, end]): [number, number] => [start - from, end - from]),
      snippet.length,
    ),
    alsoIn: creditsForText(story, passage, from, to),
  };
}

/** Who printed an article, where it was read, its headline, link and date: the source half of a result. */
export function articleSource(
  article: Article,
): Pick<Result, 'outlet' | 'publishedVia' | 'articleId' | 'headline' | 'url' | 'date' | 'republishedBy'> {
  const source: ReturnType<typeof articleSource> = article.publishedVia
    ? {
        outlet: article.outlet,
        publishedVia: article.publishedVia,
        articleId: article.id,
        headline: article.headline,
        url: article.url,
        date: shownDate(article),
      }
    : { outlet: article.outlet, articleId: article.id, headline: article.headline, url: article.url, date: shownDate(article) };
  if (article.republishedBy) source.republishedBy = article.republishedBy.map((copy) => copy.siteName);
  return source;
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
