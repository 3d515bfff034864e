import * as chrono from 'chrono-node';
import type { StoryIndex } from '../search/story-index.ts';
import type { AnswerContext } from './context.ts';
import type { CoverageOverview, OverviewColumn } from './model.ts';
import type { CommandOutput } from './output.ts';
import { listOf } from './output.ts';

/**
 * /overview: the shape of the coverage as data for pictures. Outlets are rows; the story's places and
 * people (the ones most outlets mention) are columns; each cell counts the outlet's passages that mention
 * them and the quotations it prints from them. A second table counts each outlet's articles by the day
 * they were published, for the articles whose printed date is a calendar date ("3 June 2025"): a
 * relative one ("2 days ago") or an ambiguous one ("05/06/2025") is not guessed at.
 */

/** Enough columns and rows to read on a phone; the answer says what was left out. */
export const OVERVIEW_PLACES = 10;
export const OVERVIEW_PEOPLE = 10;
export const OVERVIEW_OUTLETS = 20;

export function overview(context: AnswerContext): CommandOutput & { overview: CoverageOverview } {
  const data = overviewOf(context.story);
  const { story } = context;
  const hiddenOutlets = story.outlets.length - data.outlets.length;
  const dated = story.corpus.articles.length - data.undated;
  const places = data.columns.filter((column) => column.kind === 'place').map((column) => column.name);
  const people = data.columns.filter((column) => column.kind === 'person').map((column) => column.name);
  const notes = [
    places.length > 0 ? `Places, most widely covered first: ${listOf(places)}.` : 'No places are mentioned.',
    people.length > 0 ? `People, most widely covered first: ${listOf(people)}.` : 'No people are mentioned.',
    data.days.length > 0
      ? `Articles by date: ${dated} of ${story.corpus.articles.length} print a calendar date, from ${data.days[0]} to ${data.days.at(-1)}.`
      : 'No article prints a calendar date, so there is no timeline.',
    ...(hiddenOutlets > 0 ? [`The ${hiddenOutlets} outlets with the fewest articles are left out of the pictures.`] : []),
  ];
  return {
    status: story.corpus.articles.length > 0 ? 'ok' : 'empty',
    message: `The coverage at a glance: ${data.outlets.length} outlets by the ${places.length} places and ${people.length} people they mention most.`,
    results: [],
    notes,
    overview: data,
  };
}

// Depends on the corpus alone: worked out once per story index.
const overviewByStory = new WeakMap<StoryIndex, CoverageOverview>();

export function overviewOf(story: StoryIndex): CoverageOverview {
  let data = overviewByStory.get(story);
  if (!data) {
    data = computeOverview(story);
    overviewByStory.set(story, data);
  }
  return data;
}

function computeOverview(story: StoryIndex): CoverageOverview {
  const outlets = [...story.outlets]
    .sort((a, b) => (story.articlesByOutlet.get(b)?.length ?? 0) - (story.articlesByOutlet.get(a)?.length ?? 0))
    .slice(0, OVERVIEW_OUTLETS);
  const row = new Map(outlets.map((outlet, index) => [outlet, index]));
  const outletOfPassage = (passageId: string) => story.articleById.get(story.passageById.get(passageId)?.articleId ?? '')?.outlet;

  // Places and people by how many outlets mention them, then by mentions.
  const reach = new Map<string, { outlets: Set<string>; mentions: number }>();
  for (const mention of story.analysis.mentions) {
    const outlet = outletOfPassage(mention.passageId);
    if (outlet === undefined) continue;
    const entry = reach.get(mention.entityId) ?? reach.set(mention.entityId, { outlets: new Set(), mentions: 0 }).get(mention.entityId)!;
    entry.outlets.add(outlet);
    entry.mentions++;
  }
  const ranked = (kind: OverviewColumn['kind'], limit: number): OverviewColumn[] =>
    [...reach]
      .filter(([id]) => story.entityById.get(id)?.kind === kind)
      .sort(([, a], [, b]) => b.outlets.size - a.outlets.size || b.mentions - a.mentions)
      .slice(0, limit)
      .map(([id]) => ({ id, name: story.entityById.get(id)!.name, kind }));
  const columns = [...ranked('place', OVERVIEW_PLACES), ...ranked('person', OVERVIEW_PEOPLE)];
  const column = new Map(columns.map((entry, index) => [entry.id, index]));

  const passages = outlets.map(() => columns.map(() => 0));
  for (const [entityId, positions] of story.passagesByEntity) {
    const c = column.get(entityId);
    if (c === undefined) continue;
    for (const position of positions) {
      const r = row.get(story.articleById.get(story.corpus.passages[position]!.articleId)!.outlet);
      if (r !== undefined) passages[r]![c]!++;
    }
  }
  const quotations = outlets.map(() => columns.map(() => 0));
  for (const quotation of story.analysis.quotations) {
    const c = quotation.speaker === null ? undefined : column.get(quotation.speaker);
    const r = row.get(quotation.outlet);
    if (c !== undefined && r !== undefined) quotations[r]![c]!++;
  }
  const outletPassages = outlets.map((outlet) =>
    (story.articlesByOutlet.get(outlet) ?? []).reduce((sum, article) => sum + (story.passagesByArticle.get(article.id)?.length ?? 0), 0),
  );

  const dayOf = new Map(story.corpus.articles.map((article) => [article.id, article.date === null ? null : calendarDay(article.date)]));
  const days = [...new Set([...dayOf.values()].filter((day): day is string => day !== null))].sort();
  const dayIndex = new Map(days.map((day, index) => [day, index]));
  const articlesByDay = outlets.map(() => days.map(() => 0));
  for (const article of story.corpus.articles) {
    const day = dayOf.get(article.id);
    const r = row.get(article.outlet);
    if (day && r !== undefined) articlesByDay[r]![dayIndex.get(day)!]!++;
  }
  const undated = [...dayOf.values()].filter((day) => day === null).length;
  return { outlets, columns, passages, quotations, outletPassages, days, articlesByDay, undated };
}

const REFERENCES = [new Date(Date.UTC(2000, 0, 15, 12)), new Date(Date.UTC(2010, 6, 15, 12))];

/**
 * The calendar day ("2025-06-03") a printed date names, or null when it names none for certain: a
 * relative date reads differently on different days, and a numeric one that British and American
 * readings disagree on is ambiguous.
 */
export function calendarDay(printed: string): string | null {
  const readings = [
    ...REFERENCES.map((reference) => chrono.strict.parseDate(printed, reference)),
    chrono.en.GB.parseDate(printed, REFERENCES[0]),
  ];
  const days = readings.map((date) => (date ? isoDay(date) : null));
  const [first] = days;
  if (first === null || first === undefined || days.some((day) => day !== first)) return null;
  return first;
}

/** chrono gives noon local time on the day it read: the local calendar fields are that day. */
function isoDay(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}
