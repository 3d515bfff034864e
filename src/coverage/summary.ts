/** What an add found, for the person who added the page: the CLI prints it, /coverage replies with it. */
import type { Analysis, Entity } from '../analysis/types.ts';
import { shownDate } from '../corpus/dates.ts';
import type { ArticleEntry } from '../corpus/manifest.ts';
import type { Article, Corpus } from '../corpus/types.ts';

export interface CoverageSummary {
  /** The new article's id; for a copy, the id of the original it republishes. */
  id: string;
  file: string;
  outlet: string;
  /** The site it was read from, with its display name. */
  site: string;
  siteName: string;
  url: string;
  headline: string | null;
  /** As printed, and as shown in answers. */
  date: string | null;
  shownDate: string | null;
  passages: number;
  furnitureChars: number;
  quotations: { speaker: string | null; text: string }[];
  newPeople: string[];
  newPlaces: string[];
  /** Set when the page republishes an article already in the corpus. */
  copyOf?: { id: string; outlet: string };
  dryRun: boolean;
}

export interface SummaryInput {
  before: Corpus;
  after: Corpus;
  /** The analysis of the new article alone. */
  analysis: Analysis;
  entry: ArticleEntry;
  /** The new article; undefined for a copy, which gives none. */
  added: Article | undefined;
  copyOf: Article | undefined;
  removedChars: number;
  dryRun: boolean;
}

export function summarise(input: SummaryInput): CoverageSummary {
  const { entry, added, copyOf, analysis, after } = input;
  const base = {
    file: entry.file,
    outlet: entry.outlet,
    site: entry.site,
    siteName: entry.siteName,
    url: entry.url,
    headline: entry.headline,
    date: entry.date,
    dryRun: input.dryRun,
  };
  if (!added) {
    const original = copyOf!;
    return {
      ...base,
      id: original.id,
      shownDate: null,
      passages: 0,
      furnitureChars: input.removedChars,
      quotations: [],
      newPeople: [],
      newPlaces: [],
      copyOf: { id: original.id, outlet: original.outlet },
    };
  }
  const ownPassages = new Set(after.passages.filter((p) => p.articleId === added.id).map((p) => p.id));
  const entityById = new Map(analysis.entities.map((entity) => [entity.id, entity]));
  const mentionedHere = new Set(analysis.mentions.filter((m) => ownPassages.has(m.passageId)).map((m) => m.entityId));
  // New: no other article prints any of its names (a plain text search: linear, and no second analysis).
  const otherText = after.passages
    .filter((p) => p.articleId !== added.id)
    .map((p) => p.text)
    .join('\n');
  const printedElsewhere = (names: readonly string[]) => names.some((name) => name.length > 2 && otherText.includes(name));
  const fresh = [...mentionedHere]
    .map((id) => entityById.get(id))
    .filter((e): e is Entity => e !== undefined && !printedElsewhere([e.name, ...e.aliases]));
  // Speakers named in the text count as people too, though no gazetteer lists them.
  const newSpeakers = analysis.quotations
    .filter((q) => q.articleId === added.id && q.speakerKind === 'named' && q.speakerName !== null)
    .filter((q) => !printedElsewhere([q.speakerName!]))
    .map((q) => q.speakerName!);
  return {
    ...base,
    id: added.id,
    shownDate: shownDate(added),
    passages: ownPassages.size,
    furnitureChars: added.furnitureChars,
    quotations: analysis.quotations.filter((q) => q.articleId === added.id).map((q) => ({ speaker: q.speakerName, text: q.text })),
    newPeople: [...new Set([...fresh.filter((e) => e.kind === 'person').map((e) => e.name), ...newSpeakers])],
    newPlaces: fresh.filter((e) => e.kind === 'place').map((e) => e.name),
  };
}

/** The summary as lines of plain text (the same for the CLI and Discord). */
export function summaryLines(summary: CoverageSummary): string[] {
  const verb = summary.dryRun ? 'Would add' : 'Added';
  if (summary.copyOf) {
    return [
      `${verb} ${summary.file} as a copy of "${summary.copyOf.id}" (${summary.copyOf.outlet}): it prints the same text.`,
      `Answers cite ${summary.copyOf.outlet} once and say "republished by ${summary.siteName}"; the copy never counts as another outlet agreeing.`,
      `url: ${summary.url}`,
    ];
  }
  const clip = (text: string) => (text.length > 120 ? `${text.slice(0, 119)}…` : text);
  const lines = [
    `${verb} "${summary.id}" (${summary.file})`,
    `outlet: ${summary.outlet}${summary.siteName !== summary.outlet ? `, read via ${summary.siteName}` : ''} (${summary.site})`,
    `headline: ${summary.headline ?? '(none printed)'}`,
    `date: ${summary.date === null ? '(none printed)' : summary.shownDate !== summary.date ? `${summary.date} -> ${summary.shownDate}` : summary.date}`,
    `url: ${summary.url}`,
    `passages: ${summary.passages}; furniture removed: ${summary.furnitureChars} characters`,
    `quotations: ${summary.quotations.length === 0 ? 'none' : summary.quotations.length}`,
    ...summary.quotations.map((q) => `  ${q.speaker ?? '(speaker not settled by the text)'}: "${clip(q.text)}"`),
    `new people: ${summary.newPeople.length === 0 ? 'none' : summary.newPeople.join(', ')}`,
    `new places: ${summary.newPlaces.length === 0 ? 'none' : summary.newPlaces.join(', ')}`,
  ];
  return lines;
}
