/**
 * The corpus report. `npm run corpus` prints the articles found; `npm run corpus -- --show <article id>`
 * prints one article's passages; `--quotes` every quotation with its speaker as printed and as resolved;
 * `--entities` the places, people and organisations with their mentions per outlet, each marked curated,
 * discovered or world; `--unknown-names` the discovered names the gazetteer lacks. With `--quotes`, `--entities` or `--unknown-names`,
 * `--json` prints JSON lines instead of a table. `--dir <path>` reads another corpus directory. A new view is one
 * more entry in VIEWS.
 */
import path from 'node:path';
import { analyze } from '../src/analysis/index.ts';
import { GazetteerError, loadGazetteer } from '../src/analysis/gazetteer.ts';
import { CorpusError, loadCorpus } from '../src/corpus/index.ts';
import { corpusDirFromEnvironment } from '../src/desk/corpus-dir.ts';
import type { Article, Corpus } from '../src/corpus/types.ts';
import { printEntitiesReport } from './entities-report.ts';
import { printQuotesReport } from './quotes-report.ts';

interface View {
  /** Name of the flag's value, if it takes one. */
  value?: string;
  help: string;
  /** Returns the text to print, or prints it itself (the analysis reports do). */
  run(corpus: Corpus, value: string, options: ViewOptions): string | void;
}

interface ViewOptions {
  dir: string;
  json: boolean;
}

class UsageError extends Error {}

const VIEWS: Record<string, View> = {
  '--show': { value: '<article id>', help: "print one article's passages with their ids", run: showArticle },
  '--quotes': {
    help: 'every quotation: speaker as printed and as resolved, outlets that carry it (--json: one object per line)',
    run: (corpus, _value, options) => {
      const gazetteer = loadGazetteer(path.join(options.dir, 'gazetteer.json'));
      printQuotesReport(corpus, analyze(corpus, gazetteer), { json: options.json });
    },
  },
  '--entities': {
    help: 'places, people and organisations with mentions per outlet, each curated, discovered or world (--json: one object per line)',
    run: (corpus, _value, options) =>
      printEntitiesReport(corpus, analyze(corpus, loadGazetteer(path.join(options.dir, 'gazetteer.json'))), { json: options.json }),
  },
  '--unknown-names': {
    help: 'people and organisations the coverage names that the gazetteer lacks, with mentions and quotations: what to curate',
    run: (corpus, _value, options) =>
      printEntitiesReport(corpus, analyze(corpus, loadGazetteer(path.join(options.dir, 'gazetteer.json'))), {
        json: options.json,
        unknownOnly: true,
      }),
  },
};

function table(corpus: Corpus): string {
  const counts = new Map<string, number>();
  for (const p of corpus.passages) counts.set(p.articleId, (counts.get(p.articleId) ?? 0) + 1);
  const header = ['id', 'outlet', 'read from', 'headline', 'date', 'passages', 'furniture'];
  const rows = corpus.articles.map((a) => [
    a.id,
    a.outlet,
    readFrom(a),
    clip(a.headline, 60),
    (a.date ?? '-') + (a.truncated ? ' (truncated)' : ''),
    String(counts.get(a.id) ?? 0),
    String(a.furnitureChars),
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((cell, c) => cell.padEnd(widths[c] ?? 0))
      .join('  ')
      .trimEnd();
  const total = `${corpus.articles.length} articles, ${corpus.passages.length} passages (corpus ${corpus.hash.slice(0, 12)})`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), '', total].join('\n');
}

function showArticle(corpus: Corpus, id: string): string {
  const article = corpus.articles.find((a) => a.id === id);
  if (!article) throw new UsageError(`no article "${id}"; the ids are: ${corpus.articles.map((a) => a.id).join(', ')}`);
  const head = [
    `${article.id}: ${article.headline}`,
    `${article.outlet}, read from ${readFrom(article)}, ${article.date ?? 'no date printed'}${article.truncated ? ', truncated' : ''}`,
    `${article.url}`,
    `file ${article.file}, item ${article.itemIndex}, ${article.furnitureChars} characters of furniture removed`,
  ];
  const passages = corpus.passages
    .filter((p) => p.articleId === id)
    .map((p) => `[${p.id}] paragraph ${p.paragraph}, chars ${p.start}-${p.end}\n${p.text}`);
  return [...head, '', passages.join('\n\n')].join('\n');
}

function readFrom(a: Article): string {
  return a.publishedVia ? `${a.site} (${a.publishedVia})` : a.site;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function usage(): string {
  const views = Object.entries(VIEWS).map(([flag, v]) => `  ${flag}${v.value ? ` ${v.value}` : ''}  ${v.help}`);
  return ['usage: npm run corpus -- [--dir <corpus dir>] [--json] [view]', '  (no view)  table of the articles found', ...views].join('\n');
}

/** Splits argv into the corpus directory and at most one view. */
function parseArgs(args: readonly string[]): { dir: string; json: boolean; view?: { flag: string; value: string } } {
  let dir = corpusDirFromEnvironment();
  let json = false;
  let view: { flag: string; value: string } | undefined;
  for (let i = 0; i < args.length; i++) {
    const flag = args[i] ?? '';
    const spec = VIEWS[flag];
    if (flag === '--json') {
      json = true;
    } else if (flag === '--dir' || spec) {
      const value = spec && !spec.value ? '' : args[++i];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`${flag} needs a value`);
      if (flag === '--dir') dir = value;
      else if (view) throw new UsageError(`give one view at a time (${view.flag} and ${flag})`);
      else view = { flag, value };
    } else {
      throw new UsageError(`unknown argument "${flag}"`);
    }
  }
  return view ? { dir, json, view } : { dir, json };
}

async function main(): Promise<number> {
  try {
    const { dir, json, view } = parseArgs(process.argv.slice(2));
    const corpus = await loadCorpus(dir);
    const spec = view ? VIEWS[view.flag] : undefined;
    const text = spec && view ? spec.run(corpus, view.value, { dir, json }) : table(corpus);
    if (typeof text === 'string') console.log(text);
    return 0;
  } catch (err) {
    if (err instanceof CorpusError || err instanceof GazetteerError) {
      console.error(err.message);
      return 1;
    }
    if (err instanceof UsageError) {
      console.error(`${err.message}\n${usage()}`);
      return 2;
    }
    throw err;
  }
}

process.exitCode = await main();
