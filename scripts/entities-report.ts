/**
 * The places, people and organisations of the story with their mention counts per outlet, each marked
 * by where the analysis learned of it: curated (corpus/gazetteer.json), discovered (named in the
 * coverage) or world (countries, regions and cities from world data). `--unknown-names` lists only the
 * discovered people and organisations, most mentioned first, with how often they are quoted: what a
 * moderator may want to curate in the gazetteer. A plain table, or with --json one JSON object per line.
 */
import type { Analysis, EntityKind } from '../src/analysis/types.ts';
import type { Corpus } from '../src/corpus/types.ts';

export interface EntityCounts {
  id: string;
  kind: EntityKind;
  name: string;
  /** Where the analysis learned of it. */
  origin: 'curated' | 'discovered' | 'world';
  total: number;
  /** Quotations attributed to it. */
  quoted: number;
  /** Outlet -> mentions, for the outlets that mention the entity. */
  byOutlet: Record<string, number>;
}

const KINDS: EntityKind[] = ['place', 'person', 'organisation'];

/** Mention counts per outlet of every entity mentioned or quoted, most mentioned first within each kind. */
export function countEntities(corpus: Corpus, analysis: Analysis): EntityCounts[] {
  const outletOf = new Map(corpus.passages.map((passage) => [passage.id, passage.articleId]));
  const outletOfArticle = new Map(corpus.articles.map((article) => [article.id, article.outlet]));
  const counts = new Map<string, EntityCounts>();
  const rowOf = (id: string) => {
    let row = counts.get(id);
    if (!row) {
      const entity = analysis.entities.find((candidate) => candidate.id === id);
      if (!entity) return undefined;
      row = { id, kind: entity.kind, name: entity.name, origin: entity.origin ?? 'curated', total: 0, quoted: 0, byOutlet: {} };
      counts.set(id, row);
    }
    return row;
  };
  for (const mention of analysis.mentions) {
    const row = rowOf(mention.entityId);
    if (!row) continue;
    const articleId = outletOf.get(mention.passageId) ?? '';
    const outlet = outletOfArticle.get(articleId) ?? articleId;
    row.total++;
    row.byOutlet[outlet] = (row.byOutlet[outlet] ?? 0) + 1;
  }
  for (const quotation of analysis.quotations) {
    if (quotation.speaker !== null && quotation.speakerKind !== 'continuation') {
      const row = rowOf(quotation.speaker);
      if (row) row.quoted++;
    }
  }
  return [...counts.values()].sort(
    (a, b) => KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind) || b.total - a.total || a.name.localeCompare(b.name),
  );
}

/** Prints the report: a table with one column per outlet, or JSON lines with `json`. `unknownOnly`: discovered names only. */
export function printEntitiesReport(
  corpus: Corpus,
  analysis: Analysis,
  options: { json?: boolean; unknownOnly?: boolean } = {},
  write: (line: string) => void = (line) => console.log(line),
): void {
  let rows = countEntities(corpus, analysis);
  if (options.unknownOnly)
    rows = rows.filter((row) => row.origin === 'discovered').sort((a, b) => b.total + b.quoted - (a.total + a.quoted));
  if (options.json) {
    for (const row of rows) write(JSON.stringify(row));
    return;
  }
  if (options.unknownOnly && rows.length === 0) {
    write('Every person and organisation the coverage names is in the gazetteer.');
    return;
  }
  const outlets = [...new Set(corpus.articles.map((article) => article.outlet))];
  const header = ['Entity', 'Kind', 'Source', 'Total', 'Quoted', ...outlets];
  const body = rows.map((row) => [
    row.name,
    row.kind,
    row.origin,
    String(row.total),
    String(row.quoted),
    ...outlets.map((outlet) => String(row.byOutlet[outlet] ?? 0)),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((cells) => cells[column]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column < 3 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join('  ')
      .trimEnd();
  write(line(header));
  write(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const cells of body) write(line(cells));
  if (options.unknownOnly) {
    write('');
    write('To curate one, add an entry to gazetteer.json (see README, "Curating the gazetteer"): it then wins over what was discovered.');
  }
}
