/**
 * The places and people of the story with their mention counts per outlet: a plain table, or
 * with --json one JSON object per entity per line. Run directly (`npx tsx scripts/entities-report.ts
 * [--json]`) or through `printEntitiesReport` from the corpus command.
 */
import { pathToFileURL } from 'node:url';
import type { Corpus } from '../src/corpus/types.ts';
import { findMentions } from '../src/analysis/entities.ts';
import { loadGazetteer, type Gazetteer } from '../src/analysis/gazetteer.ts';
import type { EntityKind } from '../src/analysis/types.ts';

export interface EntityCounts {
  id: string;
  kind: EntityKind;
  name: string;
  total: number;
  /** Outlet -> mentions, for the outlets that mention the entity. */
  byOutlet: Record<string, number>;
}

const REPORTED_KINDS: EntityKind[] = ['place', 'person'];

/** Mention counts per outlet of every place and person mentioned, most mentioned first within each kind. */
export function countEntities(corpus: Corpus, gazetteer: Gazetteer): EntityCounts[] {
  const outletOf = new Map(corpus.articles.map((article) => [article.id, article.outlet]));
  const counts = new Map<string, EntityCounts>();
  for (const passage of corpus.passages) {
    const outlet = outletOf.get(passage.articleId) ?? passage.articleId;
    for (const mention of findMentions(passage, gazetteer)) {
      const entity = gazetteer.byId.get(mention.entityId);
      if (!entity || !REPORTED_KINDS.includes(entity.kind)) continue;
      const row = counts.get(entity.id) ?? { id: entity.id, kind: entity.kind, name: entity.name, total: 0, byOutlet: {} };
      row.total++;
      row.byOutlet[outlet] = (row.byOutlet[outlet] ?? 0) + 1;
      counts.set(entity.id, row);
    }
  }
  return [...counts.values()].sort(
    (a, b) => REPORTED_KINDS.indexOf(a.kind) - REPORTED_KINDS.indexOf(b.kind) || b.total - a.total || a.name.localeCompare(b.name),
  );
}

/** Prints the report: a table with one column per outlet, or JSON lines with `json`. */
export function printEntitiesReport(
  corpus: Corpus,
  gazetteer: Gazetteer,
  options: { json?: boolean } = {},
  write: (line: string) => void = (line) => console.log(line),
): void {
  const rows = countEntities(corpus, gazetteer);
  if (options.json) {
    for (const row of rows) write(JSON.stringify(row));
    return;
  }
  const outlets = [...new Set(corpus.articles.map((article) => article.outlet))];
  const header = ['Entity', 'Kind', 'Total', ...outlets];
  const body = rows.map((row) => [row.name, row.kind, String(row.total), ...outlets.map((outlet) => String(row.byOutlet[outlet] ?? 0))]);
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((cells) => cells[column]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column < 2 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join('  ')
      .trimEnd();
  write(line(header));
  write(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const cells of body) write(line(cells));
}

async function main(argv: string[]): Promise<void> {
  const unknown = argv.filter((arg) => arg !== '--json');
  if (unknown.length > 0) {
    console.error(`Unknown option ${unknown.join(' ')}. Usage: entities-report [--json]`);
    process.exitCode = 2;
    return;
  }
  const { loadCorpus } = await import('../src/corpus/index.ts');
  printEntitiesReport(await loadCorpus(), loadGazetteer(), { json: argv.includes('--json') });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  });
}
